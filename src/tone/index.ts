import type { Tone } from '../contract.js';
import type { Doc, MentionSpan } from '../document/doc.js';
import type { TokenLayer } from '../document/tokens.js';
import type { Stage } from '../pipeline/stage.js';
import { toneLexicon, type ToneLexicon } from './lexicon.js';

/** Entity types the writer can take a stance toward (places only when they stand for a state: a KB CAMEO code). */
const STANCE_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const STANCE_POS = new Set(['ADJ', 'NOUN', 'PROPN']);
const NEGATORS = new Set(['not', 'no', 'never', "n't", 'without', 'nor']);

/**
 * The `tone` stage: document tone with GDELT V1.5TONE definitions (tone = positive % − negative %
 * of all words; positive and negative scores are percentages of words; polarity is their sum;
 * word count), and the writer's stance toward each entity (−1..1) from the evaluative words
 * attached to its mentions.
 */
export const toneStage: Stage = {
  name: 'tone',
  requires: ['sentences', 'tokens', 'mentions', 'entities'],
  assigns: ['tone'],
  languages: ['en'],
  run(doc) {
    doc.set('tone', computeTone(doc));
  },
};

/** One evaluative word or phrase found in the text. */
interface Hit {
  token: number;
  length: number;
  polarity: number;
}

/**
 * Whether text[start, end) contains a letter (`\p{L}`), without slicing the token: ASCII is
 * answered directly, anything else by the Unicode regex over the token (this runs for every token).
 */
function hasLetter(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return /\p{L}/u.test(text.slice(start, end));
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) return true;
  }
  return false;
}

/**
 * Computes document tone and per-entity stance for a document with `tokens` and `mentions`.
 *
 * @example
 *   computeTone(doc); // { score: -3.1, positive: 1.2, negative: 4.3, polarity: 5.5, wordCount: 861, stance: [{ entity: 'e2', score: -0.8 }] }
 */
export function computeTone(doc: Doc, lexicon: ToneLexicon = toneLexicon()): Tone {
  const tokens = doc.get('tokens');
  let wordCount = 0;
  for (let i = 0; i < tokens.length; i++) if (hasLetter(doc.text, tokens.start(i), tokens.end(i))) wordCount++;
  const hits = findHits(tokens, lexicon);
  let pos = 0;
  let neg = 0;
  for (const h of hits) (h.polarity > 0 ? (pos += h.length) : (neg += h.length));
  const pct = (n: number) => (wordCount ? (100 * n) / wordCount : 0);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    score: round(pct(pos) - pct(neg)),
    positive: round(pct(pos)),
    negative: round(pct(neg)),
    polarity: round(pct(pos) + pct(neg)),
    wordCount,
    stance: stance(doc, tokens, hits),
  };
}

function findHits(tokens: TokenLayer, lex: ToneLexicon): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const lemma = tokens.lemma(i).toLowerCase();
    const normal = tokens.normal(i);
    const phrase = (lex.phrases.get(lemma) ?? lex.phrases.get(normal))?.find((p) =>
      p.words.every((w, k) => i + k < tokens.length && (tokens.lemma(i + k).toLowerCase() === w || tokens.normal(i + k) === w)),
    );
    if (phrase) {
      hits.push({ token: i, length: phrase.words.length, polarity: phrase.polarity });
      i += phrase.words.length - 1;
      continue;
    }
    const polarity = lex.words.get(normal) ?? lex.words.get(lemma);
    if (polarity !== undefined) hits.push({ token: i, length: 1, polarity });
  }
  return hits;
}

/**
 * Attributes each evaluative hit to the nearest linked mention in its sentence (a word inside a
 * mention, as in "the Syrian dictator", counts fully for it), weighted by distance and flipped
 * under a close negator; a per-entity score is the weighted mean shrunk toward 0 by a prior of 2,
 * so that a single distant word does not make a strong stance.
 */
function stance(doc: Doc, tokens: TokenLayer, hits: Hit[]): Tone['stance'] {
  const actors = new Set(
    doc.get('entities').filter((e) => STANCE_TYPES.has(e.type) && (e.type !== 'GPE' || e.kb?.cameo)).map((e) => e.id),
  );
  const mentions = doc.get('mentions').filter((m) => m.entity && actors.has(m.entity));
  const bySentence = new Map<number, Array<{ m: MentionSpan; from: number; to: number }>>();
  for (const m of mentions) {
    const [from, to] = tokens.range(m.start, m.end);
    if (from >= to) continue;
    const s = tokens.sentence(from);
    const list = bySentence.get(s) ?? [];
    list.push({ m, from, to });
    bySentence.set(s, list);
  }
  const sum = new Map<string, { score: number; weight: number }>();
  for (const h of hits) {
    // Stance comes from how the writer describes an actor (adjectives, nouns: "dictator", "pariah",
    // "deranged"), not from what actors do to each other ("support", "protect"), which is an event.
    if (h.length === 1 && !STANCE_POS.has(tokens.pos(h.token))) continue;
    const candidates = bySentence.get(tokens.sentence(h.token));
    if (!candidates) continue;
    let best: { m: MentionSpan; d: number } | undefined;
    for (const c of candidates) {
      const d = h.token >= c.from && h.token < c.to ? 0 : h.token < c.from ? c.from - h.token : h.token - c.to + 1;
      if (!best || d < best.d) best = { m: c.m, d };
    }
    if (!best || best.d > 12) continue;
    const negated = [1, 2, 3].some((k) => h.token - k >= 0 && NEGATORS.has(tokens.normal(h.token - k)));
    const weight = best.d === 0 ? 1.5 : 1 / (1 + best.d / 4);
    const acc = sum.get(best.m.entity!) ?? { score: 0, weight: 0 };
    acc.score += weight * h.polarity * (negated ? -1 : 1);
    acc.weight += weight;
    sum.set(best.m.entity!, acc);
  }
  return [...sum.entries()]
    .map(([entity, { score, weight }]) => ({ entity, score: Math.round((score / (weight + 2)) * 1000) / 1000 }))
    .sort((a, b) => (a.entity < b.entity ? -1 : 1));
}
