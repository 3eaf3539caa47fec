/** A scored test window: dated by its first and last step. */
export interface ScoredWindow {
  start: string;
  end: string;
  mae: number;
  anomaly: boolean;
}

/** A flagged anomaly: the date of the last step of a window over the threshold, its raw value and MAE. */
export interface AnomalyRecord {
  date: string;
  /** Raw value (first feature) at that date, before any transform. */
  value: number;
  mae: number;
}
