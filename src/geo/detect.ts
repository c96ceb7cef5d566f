import type { Span } from '../contract.js';
import type { TokenLayer } from '../document/tokens.js';
import { geoCues } from './cues.js';
import { foldName, gazetteer, type GazHit } from './gazetteer.js';

/** A toponym found in text by gazetteer lookup. */
export interface Toponym extends Span {
  text: string;
  /** `name`: a place name; `adjective`: a country adjective used as a modifier ("Russian forces"). */
  kind: 'name' | 'adjective';
  hits: GazHit[];
  /** Whether a locative preposition ("in", "near", "attack on") comes just before. */
  locative: boolean;
}

/**
 * A test of whether [start, end) overlaps any of `spans` (within the text's `length`), answered by a
 * binary search over the merged, sorted spans instead of scanning them for every token (the detector
 * asks for each capitalised one). Empty spans overlap a range that strictly contains their point.
 */
function overlapTest(length: number, spans: Span[]): (start: number, end: number) => boolean {
  if (!spans.length) return () => false;
  const empty: Span[] = [];
  const ranges: Array<[number, number]> = [];
  for (const s of spans) {
    if (s.start >= s.end) empty.push(s);
    else {
      const a = Math.max(0, s.start);
      const b = Math.min(length, s.end);
      if (a < b) ranges.push([a, b]);
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [a, b] of ranges) {
    if (ends.length && a <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, b);
    else {
      starts.push(a);
      ends.push(b);
    }
  }
  const covered = (start: number, end: number): boolean => {
    const lo = Math.max(0, start);
    const hi = Math.min(length, end);
    if (lo >= hi) return false;
    // Last merged range starting before hi: it overlaps [lo, hi) exactly when it ends after lo.
    let l = 0;
    let h = starts.length - 1;
    let k = -1;
    while (l <= h) {
      const mid = (l + h) >> 1;
      if (starts[mid]! < hi) {
        k = mid;
        l = mid + 1;
      } else h = mid - 1;
    }
    return k >= 0 && ends[k]! > lo;
  };
  return (start, end) => (start < end && covered(start, end)) || empty.some((s) => s.start < end && start < s.end);
}

/** Tokens allowed inside a multi-word name ("Bosnia and Herzegovina", "Deir ez-Zor", "Washington, D.C."). */
const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'do', 'du', 'des', 'la', 'le', 'el', 'al', 'ar', 'as', 'ash', 'ad', 'az',
  'an', 'ez', 'es', 'and', 'the', 'upon', 'y', 'on', 'sur', '-', '.', "'", '’', ',', '&']);
/** Feature codes (and alias hits) that make a name a place even when it stands alone. */
export const FEATURE_STRONG = new Set(['PCLI', 'ADM1', 'PPLC', 'CONT', 'RGN', 'TERR', 'SEA', 'GULF', 'OCN', 'STRT', 'PEN', 'DSRT', 'MTS', 'STM', 'VAL', 'LK', 'ISL']);

/** Lower-case heads that may end a name ("Idlib province", "Donetsk region"). */
const LOWER_HEADS = new Set(['province', 'governorate', 'region', 'oblast', 'state', 'county', 'district', 'strip', 'peninsula']);

/** Whether a token starts with an upper-case letter (ASCII answered without the Unicode regex: hot loop). */
const isCap = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
};

/** First words of two-word names that are directions or qualifiers, not first names ("Western Sydney"). */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'greater', 'upper', 'lower', 'new', 'old', 'downtown', 'metro', 'north-western', 'north-eastern', 'south-western', 'south-eastern']);

/**
 * Last words of two-word capitalised names that the gazetteer does not know as a whole ("Jackson
 * Smith" → smith): in this document they are surnames, so alone they are people, not towns.
 */
function personSurnames(text: string, tokens: TokenLayer): Set<string> {
  const gaz = gazetteer();
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens.sentence(i) !== tokens.sentence(i + 1)) continue;
    const a = tokens.text(i);
    const b = tokens.text(i + 1);
    if (!isCap(a) || !isCap(b) || tokens.pos(i) !== 'PROPN' || tokens.pos(i + 1) !== 'PROPN') continue;
    if (i + 2 < tokens.length && tokens.sentence(i + 2) === tokens.sentence(i) && isCap(tokens.text(i + 2))) continue;
    if (i > 0 && tokens.sentence(i - 1) === tokens.sentence(i) && isCap(tokens.text(i - 1))) continue;
    if (DIRECTIONS.has(a.toLowerCase()) || gaz.lookup(`${a} ${b}`).length || gaz.adjective(a) || gaz.lookup(a).length) continue;
    out.add(foldName(b));
  }
  return out;
}

/**
 * Finds toponyms in a tokenised text: the longest capitalised token sequence (with connectors such
 * as "of", "and", "ez-") that the gazetteer knows, plus country adjectives used as modifiers
 * ("Russian bases"). Hand-written because no library gives gazetteer-backed toponym spotting in
 * TypeScript; filters (stop words, person titles, population) keep person names and common words out.
 * Spans in `exclude` (e.g. PERSON mentions from the actors stage) are skipped.
 *
 * @example
 *   const text = 'Russia has bases at Latakia and Tartus.';
 *   detectToponyms(text, tokenize(text).tokens).map((t) => t.text); // ['Russia', 'Latakia', 'Tartus']
 */
export function detectToponyms(text: string, tokens: TokenLayer, exclude: Span[] = []): Toponym[] {
  const gaz = gazetteer();
  const cues = geoCues();
  const out: Toponym[] = [];
  const excluded = overlapTest(text.length, exclude);
  const surnames = personSurnames(text, tokens);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens.text(i);
    if (!isCap(t) || excluded(tokens.start(i), tokens.end(i))) {
      i++;
      continue;
    }
    const sentence = tokens.sentence(i);
    const prev = i > 0 && tokens.sentence(i - 1) === sentence ? tokens.normal(i - 1) : '';
    const locative = cues.locative.has(prev);
    let match: { j: number; hits: GazHit[] } | undefined;
    for (let j = Math.min(tokens.length - 1, i + gaz.maxWords + 2); j >= i; j--) {
      if (tokens.sentence(j) !== sentence) continue;
      if (!isCap(tokens.text(j)) && !(j > i && LOWER_HEADS.has(tokens.normal(j)))) continue;
      let ok = true;
      for (let k = i + 1; k < j; k++) {
        if (!isCap(tokens.text(k)) && !CONNECTORS.has(tokens.normal(k))) ok = false;
      }
      if (!ok) continue;
      const hits = gaz.lookup(text.slice(tokens.start(i), tokens.end(j)));
      if (hits.length) {
        match = { j, hits };
        break;
      }
    }
    const adjective = gaz.adjective(t);
    const weak = !match || !match.hits.some((h) => FEATURE_STRONG.has(h.entry.featureCode) || h.via === 'alias');
    // "Canadian", "English": the adjective wins over a village of that name.
    const useAdjective = adjective && !adjective.plural && weak && (!match || match.j === i);
    if (match && !useAdjective && keep(match.hits, i, match.j)) {
      out.push({
        start: tokens.start(i), end: tokens.end(match.j), text: text.slice(tokens.start(i), tokens.end(match.j)),
        kind: 'name', hits: match.hits, locative,
      });
      i = match.j + 1;
      continue;
    }
    // An adjective is a toponym as a modifier ("Russian forces", "English city"), not as a language
    // or a noun ("in English", "English is spoken"): the next word must be a noun, name or adjective.
    if (useAdjective && modifies(i)) {
      out.push({ start: tokens.start(i), end: tokens.end(i), text: t, kind: 'adjective', hits: [{ entry: adjective.entry, via: 'name' }], locative });
    }
    i++;
  }
  return out;

  /** Whether token i is followed, in its sentence, by a noun, proper noun or adjective (or a hyphenated compound). */
  function modifies(i: number): boolean {
    const k = i + 1;
    if (k >= tokens.length || tokens.sentence(k) !== tokens.sentence(i)) return false;
    return ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens.pos(k)) || tokens.text(k) === '-';
  }

  /** Filters that keep common words, person names and tiny homonyms out. */
  function keep(hits: GazHit[], i: number, j: number): boolean {
    const sentence = tokens.sentence(i);
    const prev = i > 0 && tokens.sentence(i - 1) === sentence ? tokens.normal(i - 1) : '';
    // "from the White House": the preposition before the article counts for landmarks.
    const prevPrev = prev === 'the' && i > 1 && tokens.sentence(i - 2) === sentence ? tokens.normal(i - 2) : '';
    const next = j + 1 < tokens.length && tokens.sentence(j + 1) === sentence ? tokens.text(j + 1) : '';
    const locative = cues.locative.has(prev);
    const key = foldName(text.slice(tokens.start(i), tokens.end(j)));
    const strong = hits.some((h) => FEATURE_STRONG.has(h.entry.featureCode) || h.via === 'alias');
    const maxPop = Math.max(...hits.map((h) => h.entry.population));
    const surface = text.slice(tokens.start(i), tokens.end(j));
    if (cues.personTitles.has(prev.replace(/\.$/, ''))) return false;
    // Buildings that stand for institutions ("the White House said") are places only after a preposition.
    if (hits.some((h) => h.entry.featureCode === 'BLDG')) return locative || cues.locative.has(prevPrev);
    if (i === j) {
      if (cues.stopUnlessLocative.has(key)) return locative;
      if (cues.stop.has(key) && !strong) return false;
      // Short mixed-case words are not acronyms of places ("Car" is not CAR, the Central African Republic).
      if (surface.length <= 3 && surface !== surface.toUpperCase()) return false;
      // A lone word that the tagger does not call a proper noun is a common word here ("Nice work").
      if (!strong && tokens.pos(i) !== 'PROPN' && maxPop < 1e6) return false;
      // A surname used elsewhere in the document after a first name ("John Allen ... Allen said");
      // big cities are let through ("Western Sydney" does not make Sydney a surname).
      if (!strong && maxPop < 2e5 && surnames.has(key)) return false;
    }
    if (strong) return true;
    // A capitalised word right before or after a small-town match makes a person's name ("Jackson Smith").
    const prevCap = i > 0 && tokens.sentence(i - 1) === sentence && isCap(tokens.text(i - 1)) && tokens.normal(i - 1) !== 'the';
    // (A city of 300,000 or more before a capitalised word is usually a name's first part: "Seattle Seahawks".)
    if (next && isCap(next) && !cues.orgHeads.has(next.toLowerCase()) && maxPop < 3e5) return false;
    if (prevCap && !locative && maxPop < 3e5) return false;
    return locative ? maxPop >= 1000 : maxPop >= 15000;
  }
}
