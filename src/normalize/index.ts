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
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\t\f\v\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
