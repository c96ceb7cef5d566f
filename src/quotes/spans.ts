import type { Span } from '../contract.js';

/** A quoted span: `outer` includes the quotation marks, `inner` is the quoted text. */
export interface QuotedSpan {
  outer: Span;
  inner: Span;
}

const OPEN_CLOSE: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"', '‘': '’' };

/**
 * Finds the outermost quoted spans of `text`, paragraph by paragraph (a quote never crosses
 * a line break: the normalised text puts each paragraph on its own line). Nested quotes stay inside their outer quote. Returns the spans and the offsets
 * of opening marks that were never closed. Hand-written because quotation marks in news mix
 * typographic and straight forms and apostrophes, which no tokenizer pairs for us.
 *
 * @example
 *   findQuotes('He said “no” and left.'); // { quotes: [{ outer: {start:8,end:12}, inner: {start:9,end:11} }], unbalanced: [] }
 */
export function findQuotes(text: string): { quotes: QuotedSpan[]; unbalanced: number[] } {
  const quotes: QuotedSpan[] = [];
  const unbalanced: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const close = OPEN_CLOSE[ch];
    if (close && isOpening(text, i)) {
      const end = findClose(text, i + 1, ch, close);
      if (end < 0) {
        unbalanced.push(i);
        i++;
        continue;
      }
      quotes.push({ outer: { start: i, end: end + 1 }, inner: { start: i + 1, end } });
      i = end + 1;
      continue;
    }
    i++;
  }
  return { quotes, unbalanced };
}

/** A mark opens a quote when it follows a boundary and precedes text (so "Putin’s" is no quote). */
function isOpening(text: string, i: number): boolean {
  const ch = text[i]!;
  const prev = i > 0 ? text[i - 1]! : ' ';
  const next = text[i + 1] ?? ' ';
  if (ch === '’' || ch === '”') return false;
  if (/\s/.test(next)) return false;
  if (ch === '‘') return /[\s(\[—–:"“]/.test(prev) || i === 0;
  if (ch === '"') return !/[\p{L}\p{N}]/u.test(prev);
  return true;
}

/** Offset of the mark closing a quote opened before `from`, or -1 within the paragraph. */
function findClose(text: string, from: number, open: string, close: string): number {
  let depth = 0;
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (c === '\n') return -1; // a quote never crosses a paragraph
    if (open !== close && c === open && isOpening(text, j)) depth++;
    else if (c === close) {
      if (close === '’' && /[\p{L}]/u.test(text[j + 1] ?? ' ')) continue; // apostrophe in "Russia’s"
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}
