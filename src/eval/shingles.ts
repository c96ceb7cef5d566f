/**
 * The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark, evaluate.py):
 * tokens are `\w+` runs (Python's Unicode `\w`), shingles are 4-token tuples (one shingle of all
 * tokens when there are fewer than 4), compared as multisets; each page's TP/FP/FN are normalised
 * to sum to 1 so long pages do not weigh more, then summed over pages for micro P/R/F1.
 */

/** Python's `re` `\w` with re.UNICODE: letters, marks, digits, connector punctuation. */
const WORD = /[\p{L}\p{M}\p{Nd}\p{Pc}]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n);
    if (!s.length) continue;
    const key = s.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * TP/FP/FN of one page, normalised to sum 1 (all zero when both texts are empty).
 *
 * @example
 *   shingleMatch('a b c d e', 'a b c d'); // [0.5, 0, 0.5]
 */
export function shingleMatch(truth: string, pred: string): [number, number, number] {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

/** Micro precision, recall, F1 over pages, and accuracy (share of pages with an exact match). */
export function aggregate(pages: Array<[number, number, number]>): { p: number; r: number; f1: number; accuracy: number } {
  const [tp, fp, fn] = pages.reduce((acc, x) => [acc[0] + x[0], acc[1] + x[1], acc[2] + x[2]], [0, 0, 0]);
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const accuracy = pages.filter((x) => x[0] === 1).length / Math.max(1, pages.length);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, accuracy };
}
