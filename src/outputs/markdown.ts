// Text placed in Markdown so that it shows as written.

/** Escapes the characters Markdown would read as formatting. */
export const md = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
/** Escaped, and on one line, for a table cell. */
export const cell = (text: string): string => md(text).replace(/\n+/g, ' ');
