/** One evaluation suite of `npm run eval`: scores the pipeline on a gold set and returns a table. */
export interface EvalSuite {
  name: string;
  description: string;
  /** Runs the suite; returns `{ skipped }` with the reason when its data is absent. */
  run(): Promise<EvalReport>;
}

export type EvalReport =
  | { skipped: string }
  | {
      /** Table rows: the first row is the header. */
      table: Array<Array<string | number>>;
      /** Free-form notes printed under the table (the metric definitions, the data used). */
      notes?: string[];
    };

/** Precision, recall and F1 from counts. */
export function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Formats a number to three decimals for tables. */
export const f3 = (x: number): string => x.toFixed(3);
