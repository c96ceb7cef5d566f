import type { Doc } from '../document/doc.js';
import { keyOf, type Word } from './context.js';

/** "post-Al", "anti-Assad", "pro-Russian": a lower-case prefix hyphenated to a capitalised word. */
const PREFIXED = /^(\p{Ll}+)[-‐](\p{Lu}.*)$/u;

/**
 * The words the actors rules read: the tokens, except that a token like "post-Al" yields only its
 * capitalised part ("Al"), so that "post-Al Assad future" contains the name "Al Assad".
 *
 * @example
 *   buildWords(doc) // for "Putin’s post-Al Assad plan": Putin, ’s, Al, Assad, plan
 */
export function buildWords(doc: Doc): Word[] {
  const t = doc.get('tokens');
  const text = doc.text;
  const words: Word[] = [];
  let prevSentence = -1;
  let prevEnd = 0;
  for (let i = 0; i < t.length; i++) {
    let start = t.start(i);
    const end = t.end(i);
    let w = text.slice(start, end);
    let pos: string = t.pos(i);
    const m = PREFIXED.exec(w);
    if (m) {
      start += m[1]!.length + 1;
      w = m[2]!;
      pos = 'PROPN';
    }
    const sentence = t.sentence(i);
    let initial = sentence !== prevSentence;
    for (let c = prevEnd; !initial && c < start; c++) initial = text.charCodeAt(c) === 10; // a line break before
    prevSentence = sentence;
    prevEnd = end;
    const first = w.charCodeAt(0);
    words.push({
      text: w,
      start,
      end,
      pos,
      sentence,
      lower: w.toLowerCase(),
      key: keyOf(w),
      cap: (first >= 65 && first <= 90) || (first > 127 && w[0] !== w[0]!.toLowerCase()),
      initial,
    });
  }
  return words;
}
