// Times in a recording: where a turn starts, as transcription services write it ("00:01:02", "1:02", "00:01:02,500").

/**
 * Seconds from the start of the recording (fractions kept: subtitle cues count milliseconds). Printed by formatTime
 * as hh:mm:ss, with .mmm only when the time has milliseconds.
 */
export type Seconds = number;

/** A clock time: h:mm:ss or m:ss, with optional milliseconds after "." or ",". The pattern the speaker labels embed. */
export const CLOCK_TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

const CLOCK = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?$/;

/** "00:01:02", "1:02", "01:02.5", "00:01:02,500" → seconds; anything else (minutes or seconds past 59) → undefined. */
export function parseClockTime(text: string): Seconds | undefined {
  const match = CLOCK.exec(text.trim());
  if (match === null) return undefined;
  const [, h, m, s, fraction] = match;
  const minutes = Number(m);
  const seconds = Number(s);
  // m:ss may run past an hour ("75:30"); with hours, minutes stay below 60.
  if (seconds > 59 || (h !== undefined && minutes > 59)) return undefined;
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return (((Number(h ?? 0) * 60 + minutes) * 60 + seconds) * 1000 + millis) / 1000;
}

/** A clock time, or plain seconds ("62", "62.5") as some tables hold them. */
export function parseTime(text: string): Seconds | undefined {
  const trimmed = text.trim().replace(/^\[(.*)\]$|^\((.*)\)$/, '$1$2');
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return parseClockTime(trimmed);
}

/** 62 → "00:01:02"; 62.5 → "00:01:02.500". Whole milliseconds, so the same time always prints the same. */
export function formatTime(seconds: Seconds): string {
  const millis = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const whole = Math.floor(millis / 1000);
  const clock = `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
  return millis % 1000 === 0 ? clock : `${clock}.${pad(millis % 1000, 3)}`;
}
