import type { ActorsContext, Candidate } from '../context.js';
import type { Cluster } from './05-link.js';

/**
 * Pass 6: pronouns. "he"/"she" and their forms go to a person of the same gender: the leftmost
 * such person mentioned earlier in the same sentence (usually its subject), else the leftmost in
 * the nearest earlier sentence that has one, within the look-back window. Conservative: a person
 * of unknown gender is never chosen.
 */
export function resolvePronouns(ctx: ActorsContext, clusters: Map<string, Cluster>): void {
  const { words, sets } = ctx;
  const lookback = ctx.lex.pronouns.lookback;
  // person mentions by sentence, in text order
  const bySentence = new Map<number, Candidate[]>();
  for (const c of ctx.candidates) {
    if (c.dropped || !c.key || c.form === 'pronoun' || clusters.get(c.key)?.type !== 'PERSON') continue;
    const s = words[c.from]!.sentence;
    const list = bySentence.get(s);
    if (list) list.push(c);
    else bySentence.set(s, [c]);
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.from - b.from);
  const added: Candidate[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const gender = sets.pronouns.get(w.lower);
    if (!gender || (w.pos !== 'PRON' && w.pos !== 'DET' && w.pos !== 'ADJ')) continue;
    let found: Cluster | undefined;
    for (let s = w.sentence; s >= 0 && w.sentence - s <= lookback && !found; s--) {
      for (const m of bySentence.get(s) ?? []) {
        if (m.to > k) break;
        const cl = clusters.get(m.key!)!;
        if (cl.gender === gender) {
          found = cl;
          break;
        }
      }
    }
    if (!found) continue;
    const c: Candidate = { from: k, to: k + 1, nameFrom: k, type: 'PERSON', form: 'pronoun', rule: 'pronoun', key: found.key, entry: 'data/actors-lexicon/pronouns.yaml' };
    found.mentions.push(c);
    added.push(c);
  }
  ctx.candidates.push(...added);
}
