import { repairMojibake, type Repair } from './mojibake.js';

export { decodeBytes, sniffHtmlCharset, utf8Problem, type Decoded, type Encoding } from './encoding.js';
export { repairMojibake, type Repair } from './mojibake.js';

/**
 * Normalises article text: Unicode NFC, unified line breaks, collapsed runs of spaces,
 * one blank line between paragraphs, trimmed. Offsets in the analysis refer to this text.
 *
 * @example
 *   normalizeText('Hello  world\r\n\r\n\r\nBye'); // 'Hello world\n\nBye'
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u00a0\t\f\v\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Repairs mojibake, then normalises whitespace and Unicode ({@link normalizeText}).
 * `repairs` give positions in the returned (normalised) text, for `NG_MOJIBAKE_REPAIRED` diagnostics.
 *
 * @example
 *   normalize('in Moscowís  Kremlin').text; // 'in Moscow’s Kremlin'
 */
export function normalize(raw: string): { text: string; repairs: Repair[] } {
  const repaired = repairMojibake(raw);
  const text = normalizeText(repaired.text);
  if (!repaired.repairs.length) return { text, repairs: [] };
  // Whitespace normalisation moves offsets: find each repaired run again, in order.
  const repairs: Repair[] = [];
  let from = 0;
  for (const r of repaired.repairs) {
    const at = text.indexOf(r.to, from);
    if (at < 0) continue;
    repairs.push({ ...r, start: at, end: at + r.to.length });
    from = at + r.to.length;
  }
  return { text, repairs };
}
