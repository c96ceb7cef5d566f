import type { Span } from '../contract.js';
import type { Doc } from '../document/doc.js';
import { geoCues } from './cues.js';

/**
 * The place where an event happened, for the events stage: the entity id of the place attached to
 * the trigger by syntax and proximity, or null.
 *
 * `isEventLocation` semantics: a place mention (of an entity in the `places` layer) is the event's
 * location when, in the trigger's sentence, it is the object of a locative preposition from
 * `data/geo/cues.yaml` `eventLocative` ("in Idlib", "near Aleppo", "attack on Idlib", "strikes
 * against Raqqa"), or a modifier directly before the trigger ("the Idlib attack"). Among several, the
 * modifier or the closest one after the trigger wins (a PP after the trigger belongs to its verb
 * phrase); one before the trigger ("Troops in Aleppo shelled ...") only when there is none after.
 * Places merely mentioned elsewhere in the sentence or the article never are: there is no fallback
 * to "the first place in the article".
 *
 * @example
 *   // "Al Assad carried out the chemical weapons attack on Idlib last week."
 *   eventPlace(doc, 4, { start: 301, end: 307 }); // 'p3' (Idlib)
 */
export function eventPlace(doc: Doc, sentenceIndex: number, trigger: Span): string | null {
  const places = doc.getOr('places', []);
  if (!places.length || !doc.has('tokens')) return null;
  const tokens = doc.get('tokens');
  const cues = geoCues();
  const placeIds = new Set(places.map((p) => p.entity));
  const [tFrom, tTo] = tokens.range(trigger.start, trigger.end);
  let best: { id: string; distance: number } | null = null;
  for (const e of doc.getOr('entities', [])) {
    if (!placeIds.has(e.id)) continue;
    for (const m of e.mentions) {
      if (m.metonymy?.as === 'actor') continue;
      const [mFrom, mTo] = tokens.range(m.start, m.end);
      if (mFrom >= tokens.length || tokens.sentence(mFrom) !== sentenceIndex) continue;
      let p = mFrom - 1;
      while (p >= 0 && ['the', 'a', 'an'].includes(tokens.normal(p))) p--;
      const locative = p >= 0 && tokens.sentence(p) === sentenceIndex && cues.eventLocative.has(tokens.normal(p));
      // "the Idlib attack": the name modifies the trigger (not "troops in Aleppo shelled").
      const modifier = mTo === tFrom && !locative;
      if (!locative && !modifier) continue;
      // Tokens between the trigger and the mention. A PP after the trigger belongs to its verb phrase
      // ("shelled villages near Hama"); one before it usually to the subject ("troops in Aleppo").
      const distance = modifier ? 0 : mFrom >= tTo ? mFrom - tTo : 100 + tFrom - mTo;
      if (!best || distance < best.distance) best = { id: e.id, distance };
    }
  }
  return best?.id ?? null;
}
