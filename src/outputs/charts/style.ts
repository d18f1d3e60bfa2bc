// The look every chart shares: black text on white, colours from the Okabe–Ito palette (told apart with every kind
// of colour blindness), and shapes or dashes beside colour so a black-and-white print still reads.
import type { Config } from 'vega-lite';

/** Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, reddish purple, orange, sky blue. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;
export const INK = '#000000';

export const CONFIG: Config = {
  background: 'white',
  font: 'Helvetica, Arial, sans-serif',
  padding: 12,
  view: { stroke: null },
  title: { fontSize: 15, anchor: 'start', color: INK, subtitleColor: '#333333', subtitleFontSize: 11, offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: INK, titleColor: INK, domainColor: '#555555', tickColor: '#555555', gridColor: '#dddddd' },
  header: { labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: INK },
  legend: { labelFontSize: 11, titleFontSize: 12, labelColor: INK, titleColor: INK },
  concat: { spacing: 24 },
};

/** Code labels are wrapped to two lines of 44 characters (names.ts) and split into lines by the axis. */
// A fixed extent, so the panels' plots line up whatever their labels' widths.
export const CODE_AXIS = { labelLimit: 260, minExtent: 268, maxExtent: 268, labelExpr: "split(datum.label, '\\n')", labelLineHeight: 12 } as const;
/** The height of a row with a two-line label. */
export const ROW_STEP = 28;
