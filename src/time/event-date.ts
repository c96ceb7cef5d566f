import type { Span } from '../contract.js';
import type { Doc } from '../document/doc.js';

/** How far (in tokens) a time expression may sit after or before the trigger and still be its date. */
const MAX_GAP_AFTER = 12;
const MAX_GAP_BEFORE = 10;

/**
 * The date of an event, for the events stage: the {from, to} of the time expression syntactically
 * attached to the trigger — in the trigger's sentence, a dated expression (not a duration) within
 * a few tokens after the trigger ("the attack on Idlib last week") or before it ("Last week, Assad
 * attacked"), the closest one winning, with expressions after the trigger preferred on ties.
 * Null when the sentence has none: the events stage decides on falling back to the document date.
 *
 * @example
 *   // "Al Assad carried out the devastating chemical weapons attack on Idlib last week ..."
 *   eventDate(doc, 4, triggerSpan); // { from: '2017-04-03', to: '2017-04-09' }
 */
export function eventDate(doc: Doc, sentenceIndex: number, trigger: Span): { from: string; to: string } | null {
  const sentence = doc.getOr('sentences', [])[sentenceIndex];
  if (!sentence || !doc.has('tokens')) return null;
  const tokens = doc.get('tokens');
  const [tFrom, tTo] = tokens.range(trigger.start, trigger.end);
  let best: { from: string; to: string; distance: number } | null = null;
  for (const t of doc.getOr('times', [])) {
    if (t.start < sentence.start || t.end > sentence.end || !t.from || !t.to || t.grain === 'duration') continue;
    const [a, b] = tokens.range(t.start, t.end);
    const distance = a >= tTo ? a - tTo : tFrom - b + 0.5;
    if (a >= tTo ? a - tTo > MAX_GAP_AFTER : tFrom - b > MAX_GAP_BEFORE) continue;
    if (!best || distance < best.distance) best = { from: t.from, to: t.to, distance };
  }
  return best ? { from: best.from, to: best.to } : null;
}
