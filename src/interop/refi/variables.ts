// Cases and variables: the attributes a project gives its sources (a case per interviewee, say, with its group).
import { normaliseGuid } from '../guid.js';
import { attribute, child, children, textOf, type XmlElement } from '../xml.js';

/** A value of <VariableValue>, whatever its type. */
const valueOf = (value: XmlElement): string | undefined => {
  for (const tag of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
    const v = child(value, tag);
    if (v !== undefined) return textOf(v)?.trim();
  }
  return undefined;
};

/** The variables of a source: those of the cases that hold it, then its own (the schema allows both). */
export function caseVariables(project: XmlElement): (source: XmlElement) => Record<string, string> {
  const names = new Map(children(child(project, 'Variables'), 'Variable').map((v) => [normaliseGuid(attribute(v, 'guid') ?? ''), attribute(v, 'name')?.trim() ?? '']));
  const valuesOf = (holder: XmlElement): Record<string, string> => {
    const values: Record<string, string> = {};
    for (const value of children(holder, 'VariableValue')) {
      const name = names.get(normaliseGuid(attribute(child(value, 'VariableRef'), 'targetGUID') ?? ''));
      const v = valueOf(value);
      if (name && v !== undefined && v !== '') values[name] = v;
    }
    return values;
  };
  const bySource = new Map<string, Record<string, string>>();
  for (const c of children(child(project, 'Cases'), 'Case')) {
    const values = valuesOf(c);
    for (const ref of children(c, 'SourceRef')) {
      const guid = normaliseGuid(attribute(ref, 'targetGUID') ?? '');
      bySource.set(guid, { ...bySource.get(guid), ...values });
    }
  }
  return (source) => ({ ...bySource.get(normaliseGuid(attribute(source, 'guid') ?? '')), ...valuesOf(source) });
}
