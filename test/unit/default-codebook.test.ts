// The bundled codebook on sentences written for this test, not taken from the fixtures: everyday phrasings of
// freedom-of-expression work that must not be coded, and ways of saying a code's meaning that must be.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { codeUnit } from '../../src/core/coding/code-unit.js';
import { compileCodebook } from '../../src/core/coding/compile-codebook.js';
import type { Language } from '../../src/core/text/language.js';

const parsed = parseCodebook(readFileSync('codebooks/collaboration-code.yaml', 'utf8'), 'cb');
if (!parsed.ok) throw new Error('the bundled codebook is invalid');
const codebook = parsed.value;
const compiled = compileCodebook(codebook);
const codesOf = (language: Language, text: string) => codeUnit(text, 0, text.length, compiled.index(language)).map((c) => codebook.codes[c.code]!.id);

describe('the bundled codebook does not code', () => {
  it.each<[Language, string, string]>([
    ['en', 'To be honest, the law on foreign agents is the main problem.', 'upfront-agendas'],
    ['en', 'There is a climate of fear among reporters since the elections.', 'intersections'],
    ['en', 'We train human rights defenders in digital hygiene.', 'intersections'],
    ['en', 'Freedom of assembly was restricted after the protests.', 'general-meeting'],
    ['en', 'When the military took over, the station went off air.', 'ingo-ownership'],
    ['en', 'We need an appropriate response to the new cybercrime bill.', 'ingo-ownership'],
    ['en', 'We keep a database of attacks on journalists.', 'ecosystem-mapping'],
    ['en', 'Disinformation narratives spread fast on messaging apps.', 'development-paradigm'],
    ['en', 'The news agency closed its regional bureau.', 'development-paradigm'],
    ['en', 'Most of our time goes into legal defence.', 'free-labour'],
    ['en', 'The reporters filed their stories last year.', 'long-term'],
    ['en', 'Those in power do not like criticism.', 'power-privilege'],
    ['en', 'People in remote villages rely on community radio.', 'pandemic-distance'],
    ['en', 'We work across borders on investigations.', 'convening-majority'],
    ['en', 'The project failed because the regulator refused a licence.', 'experimental-funding'],
    ['en', 'Social media platforms remove our content without notice.', 'trust-over-comms'],
    ['en', 'I would argue the courts are the real battleground.', 'embracing-conflict'],
    ['en', 'Our foundation supports independent media.', 'caring-team'],
    ['en', 'We need the freedom to publish without prior censorship.', 'flexible-environment'],
    ['en', 'We ran a workshop on safety for freelancers.', 'beyond-workshops'],
    ['es', 'Reporteros sin Fronteras publicó su informe anual.', 'convening-majority'],
    ['es', 'Hubo un atentado contra la emisora comunitaria.', 'caring-team'],
    ['es', 'En este escenario político es difícil informar.', 'amplifying-local'],
    ['es', 'El clima político está muy polarizado.', 'intersections'],
    ['es', 'Trabajamos en el territorio con radios comunitarias.', 'intersections'],
    ['es', 'La Asamblea Nacional aprobó la ley de medios.', 'general-meeting'],
    ['es', 'Es una respuesta apropiada a la nueva ley.', 'ingo-ownership'],
    ['es', 'Sinceramente, la ley es el problema principal.', 'upfront-agendas'],
    ['es', 'Vamos a discutir la propuesta con el equipo.', 'embracing-conflict'],
    ['es', 'El poder judicial archivó la causa.', 'power-privilege'],
    // Negated, stemmed too far, or a word in another sense.
    ['en', 'There is no competition between the members.', 'funding-rivalry'],
    ['en', 'We feel privileged to work with them.', 'power-privilege'],
    ['en', 'The coordinator sent round the minutes.', 'coordination-strategy'],
    ['en', 'I had to zoom in on the map to find the village.', 'pandemic-distance'],
    ['en', 'It was quite a long day.', 'burnout'],
    ['en', 'We had a coffee with the auditors.', 'meeting-in-person'],
    ['en', 'It was more attention to the process than to people.', 'caring-team'],
    ['es', 'Estuvimos pelando patatas toda la tarde.', 'funding-rivalry'],
    ['es', 'La comunidad autónoma pagó la maquinaria.', 'flexible-environment'],
  ])('%s: "%s" as %s', (language, text, code) => {
    expect(codesOf(language, text)).not.toContain(code);
  });
});

describe('the bundled codebook codes', () => {
  it.each<[Language, string, string]>([
    ['en', 'It is always the usual suspects around the table.', 'same-people'],
    ['en', 'Honestly my colleagues are completely burnt out.', 'burnout'],
    ['en', 'Two of our reporters received death threats last month.', 'safety-risks'],
    ['en', 'They arrive with a saviour mentality and lecture us.', 'patronising-colonial'],
    ['en', 'The whole thing was donor-driven from the start.', 'agenda-by-donors'],
    ['en', 'They wanted our logo on the bid, nothing more: pure box-ticking.', 'tokenizing'],
    ['en', 'The visa was refused twice, so I followed the meeting online.', 'convening-majority'],
    ['en', 'Funders assume partnership just happens if people have good will.', 'spontaneous-collaboration'],
    ['en', 'We end up competing with our closest allies for the same pot.', 'funding-rivalry'],
    ['en', 'All those consultations were unpaid.', 'free-labour'],
    ['en', 'The big organisation took credit for the campaign.', 'ingo-ownership'],
    ['en', 'Trust grows from long-standing relationships.', 'long-term'],
    ['en', 'We had to talk about the power imbalance between us openly.', 'power-privilege'],
    ['en', 'Local partners should co-design the programme.', 'local-expertise'],
    ['en', 'There was real tension in the room, and that was healthy.', 'embracing-conflict'],
    ['en', 'Nothing replaces sitting face to face with someone.', 'meeting-in-person'],
    ['en', 'Core funding lets us try ideas that may not work.', 'experimental-funding'],
    ['en', 'The secretariat was incredibly responsive when we needed help.', 'caring-team'],
    ['es', 'Siempre invitan a los de siempre.', 'same-people'],
    ['es', 'El equipo está agotado después de las elecciones.', 'burnout'],
    ['es', 'Los financiadores deciden la agenda desde el norte global.', 'agenda-by-donors'],
    ['es', 'Nos piden participar sin remuneración.', 'free-labour'],
    ['es', 'Hay que hablar de las relaciones de poder entre organizaciones.', 'power-privilege'],
    ['es', 'La red nos puso en contacto con colegas de otros países.', 'network-connector'],
    ['es', 'Necesitamos alianzas inesperadas con sindicatos.', 'unusual-alliances'],
    // A code's own label words, paraphrases, and negated mentions that mean the code.
    ['en', 'Good staff keep quitting after two years.', 'burnout'],
    ['en', 'The safety of our reporters comes before any story.', 'safety-risks'],
    ['en', 'The priorities are decided in the Global North.', 'agenda-by-donors'],
    ['en', 'Every meeting is held in English.', 'western-practices'],
    ['en', "Collaboration doesn't just happen by itself.", 'spontaneous-collaboration'],
    ['en', 'For two years we could not meet in person.', 'pandemic-distance'],
    ['en', 'They were not paying for our time.', 'free-labour'],
    ['en', 'The team really cares about us.', 'caring-team'],
    ['en', 'The network helps us connect with peers abroad.', 'network-connector'],
    ['en', 'We have to show the value of working together.', 'collective-value'],
    ['en', 'Coordinating the coalitions took all year.', 'coordination-strategy'],
    ['en', 'It is always the same few organisations.', 'same-people'],
    ['es', 'No pudimos vernos durante dos años.', 'pandemic-distance'],
  ])('%s: "%s" as %s', (language, text, code) => {
    expect(codesOf(language, text)).toContain(code);
  });
});

describe('exclusions and stems in the bundled codebook', () => {
  it('do not veto or mistake a code through a shared stem', () => {
    // "exhaustive" once vetoed every unit saying "exhausted": both stem to "exhaust".
    expect(codesOf('en', 'My team is exhausted.')).toContain('burnout');
    // "flexibility" and "flexible" share a stem; flexible funding is not flexible planning.
    expect(codesOf('en', 'Flexible funding changed everything for us.')).not.toContain('flexibility');
  });
});
