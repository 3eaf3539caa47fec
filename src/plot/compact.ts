import type { Figure } from './figure';
import { decimateFigure, encodeDates } from './lighten';

/**
 * Buckets of a full-width chart of the run report: one per CSS pixel of its plot area. The page's `main` is at
 * most 1240 px wide (padding 24 px), a section card pads 20 px inside a 1 px border, so a figure is at most 1150 px
 * wide and its plot area, inside the 64 + 24 px margins of `baseLayout`, 1062 px. A line keeps the first, lowest
 * and highest point of each bucket (see `decimate`), so at the width it is drawn at it looks the same as the whole
 * line; the builders' own `DECIMATE_BUCKETS` (2000) keeps nearly every row of a 5,000-row series.
 */
export const REPORT_BUCKETS = 1100;

/**
 * Buckets of a half-width chart of the run report (a zoom panel in the two-column grid): (1150 - 20 px gap) / 2
 * = 565 px wide, a plot area of 477 px.
 */
export const PANEL_BUCKETS = 500;

/**
 * A figure as the run report writes it: each long line decimated to `buckets` (see `decimateFigure`: always
 * through every point a marker trace on the same axes marks, i.e. anomalies and flagged steps, and through every
 * gap), and the ISO dates of a date axis sent as a float64 typed array (see `encodeDates`: the same ticks, range
 * and hover text). Short figures come back with only their dates encoded; the input is not modified.
 *
 * @throws never.
 * @example
 * figureDiv(reportFigure(splitChart(lineOf(series), trainEnd)), 'split', 380);
 */
export function reportFigure(fig: Figure, buckets = REPORT_BUCKETS): Figure {
  return encodeDates(decimateFigure(fig, buckets));
}
