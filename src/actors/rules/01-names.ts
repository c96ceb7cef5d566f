import { nameKey } from '../../kb/index.js';
import { placeType } from '../places.js';
import { keyOf, wordsKey, wordsText, type ActorsContext, type Candidate } from '../context.js';

/** POS tags of closed-class words that never start or continue a name, even capitalised. */
const CLOSED = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'NUM', 'SYM', 'INTJ', 'SPACE']);
/** Words after which "of" continues a name: "Secretary of State", "Ministry of Defence". */
const OF_HEADS = new Set(['Secretary', 'Minister', 'Ministry', 'Department', 'Republic', 'Kingdom', 'Bank', 'University', 'Council', 'Court', 'Gulf', 'Sea', 'Bay', 'Strait', 'Isle', 'Duke', 'Prince', 'Princess', 'Chancellor', 'State', 'States', 'Office', 'Institute', 'Commission', 'Committee', 'League', 'Union', 'Federation', 'Church', 'House', 'Board', 'Museum', 'Academy', 'Organisation', 'Organization', 'Party', 'Army', 'Chamber', 'Cape', 'Lake', 'Mount', 'City', 'Province', 'Governor', 'Mayor', 'Archbishop', 'Bishop', 'King', 'Queen', 'Emir', 'Sultan', 'Minister-President']);
const DIRECTIONS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'Greater', 'New']);
/** Runs longer than this (tables, headers) keep only knowledge-base matches. */
const LONG_RUN = 8;

/**
 * Pass 1: proper-name runs. Finds runs of capitalised words (joined by name particles, "of" after
 * an institution word, and tight hyphens), then splits each run into mentions: a title followed by
 * a name ("US Secretary of State Rex Tillerson" → one PERSON with role cue), the longest
 * knowledge-base names, and unknown names typed from cues (suffixes, first names, "in X").
 * Linear in the number of words: each word is visited a bounded number of times.
 */
export function findNames(ctx: ActorsContext): void {
  const { words } = ctx;
  const shouty = shoutySentences(ctx);
  let i = 0;
  while (i < words.length) {
    if (!startsName(ctx, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length && words[j]!.sentence === words[i]!.sentence) {
      if (continuesName(ctx, j)) j++;
      else if (joins(ctx, i, j)) j += 2;
      else break;
    }
    // a joiner that led nowhere ("of" at the end) is not part of the run
    while (j > i + 1 && !words[j - 1]!.cap) j--;
    segmentRun(ctx, i, j, shouty.has(words[i]!.sentence) || j - i > LONG_RUN);
    i = j;
  }
}

function isNameWord(ctx: ActorsContext, k: number): boolean {
  const w = ctx.words[k];
  if (!w || !w.cap || w.initial && !initialOk(ctx, k)) return false;
  if (CLOSED.has(w.pos) && w.pos !== 'PROPN') return w.text.length > 1 && w.text === w.text.toUpperCase() && /[A-Z]{2}/.test(w.text) && w.pos !== 'PRON' && w.pos !== 'DET';
  return /\p{L}/u.test(w.text);
}

/** A capitalised sentence-initial word is a name only when tagged PROPN or known to the KB / titles. */
function initialOk(ctx: ActorsContext, k: number): boolean {
  const w = ctx.words[k]!;
  if (ctx.kb.longestFrom(w.key) > 0 || ctx.kb.placeWord(w.key)) return true;
  if (ctx.sets.titles.has(w.lower) && ctx.words[k + 1]?.cap) return true;
  return w.pos === 'PROPN' && !ctx.sets.notNames.has(w.text);
}

function startsName(ctx: ActorsContext, k: number): boolean {
  const w = ctx.words[k]!;
  if (!w.cap) return false;
  if (ctx.sets.notNames.has(w.text) && !ctx.sets.nonPerson.has(`${w.text} ${ctx.words[k + 1]?.text ?? ''}`)) return false;
  return isNameWord(ctx, k);
}

function continuesName(ctx: ActorsContext, k: number): boolean {
  const w = ctx.words[k]!;
  if (!w.cap || w.initial) return false;
  if (CLOSED.has(w.pos) && w.pos !== 'PROPN' && !/^[A-Z]{2,}$/.test(w.text)) return false;
  return /\p{L}/u.test(w.text);
}

/** Whether words[j] joins the run to a name word at j+1: "al", "bin", "of" after "Ministry", "-" tight. */
function joins(ctx: ActorsContext, runStart: number, j: number): boolean {
  const { words } = ctx;
  const w = words[j]!;
  const next = words[j + 1];
  if (!next || next.sentence !== w.sentence || !next.cap || next.initial) return false;
  if (ctx.sets.particles.has(w.lower) && !w.cap) return true;
  if ((w.text === '-' || w.text === '‐') && words[j - 1]!.end === w.start && w.end === next.start) return true;
  if (w.text === '&') return true;
  if (w.lower === 'of' && j > runStart && OF_HEADS.has(words[j - 1]!.text)) return true;
  return false;
}

/** Sentences that are mostly ALL-CAPS (wire headers, tables): only KB names are trusted there. */
function shoutySentences(ctx: ActorsContext): Set<number> {
  // per-sentence counts in arrays, and case tests without regexes: this runs over every word
  const letters: number[] = [];
  const caps: number[] = [];
  for (const w of ctx.words) {
    const t = w.text;
    if (t.length < 2) continue;
    const upper = t.toUpperCase();
    if (upper === w.lower) continue; // no cased letter (digits, punctuation)
    letters[w.sentence] = (letters[w.sentence] ?? 0) + 1;
    if (t === upper) caps[w.sentence] = (caps[w.sentence] ?? 0) + 1;
  }
  const out = new Set<number>();
  letters.forEach((n, s) => {
    if (n >= 4 && (caps[s] ?? 0) / n > 0.6) out.add(s);
  });
  return out;
}

/** The country named by a word at k (demonym "Russian", name "Russia", code "US"), and words used. */
export function countryAt(ctx: ActorsContext, k: number, end: number): { country: string; to: number } | undefined {
  const w = ctx.words[k];
  if (!w || k >= end) return undefined;
  const dem = ctx.kb.demonymByKey(w.key);
  if (dem && !dem.plural) return { country: dem.country, to: k + 1 };
  const longest = Math.min(ctx.kb.longestFrom(w.key), end - k);
  for (let l = longest; l >= 1; l--) {
    const id = ctx.kb.byKey(wordsKey(ctx, k, k + l)).find((x) => isCountry(ctx, x));
    if (id) return { country: id, to: k + l };
  }
  return undefined;
}

export function isCountry(ctx: ActorsContext, id: string): boolean {
  const a = ctx.kb.get(id);
  return !!a && a.type === 'GPE' && !!a.iso3;
}

/** A title at k ("President", "Secretary of State"), optionally after a country word, up to `end`. */
export function titleAt(ctx: ActorsContext, k: number, end: number): { to: number; kind?: string; country?: string; gender?: 'm' | 'f' } | undefined {
  let p = k;
  const c = countryAt(ctx, k, end);
  if (c) p = c.to;
  for (let l = Math.min(ctx.sets.titleMaxWords, end - p); l >= 1; l--) {
    let key = '';
    for (let q = p; q < p + l; q++) key += (q > p ? ' ' : '') + ctx.words[q]!.lower;
    const t = ctx.sets.titles.get(key);
    if (t) return { to: p + l, kind: t.kind, country: c?.country, gender: ctx.sets.genderOfTitle.get(key) };
  }
  return undefined;
}

function segmentRun(ctx: ActorsContext, a: number, b: number, kbOnly: boolean): void {
  const { words, kb } = ctx;
  const whole = wordsText(ctx, a, b);
  if (ctx.sets.nonPerson.has(whole)) {
    const type = ctx.sets.nonPerson.get(whole);
    if (type) push(ctx, { from: a, to: b, nameFrom: a, type, form: 'name', rule: 'non-person', kbIds: kb.byKey(wordsKey(ctx, a, b)), entry: `data/actors-lexicon/non-person.yaml` });
    return;
  }
  // "University of Southern Indiana", "US State Department": an institution word makes the whole
  // run one organisation, even when a part of it is a known place
  if (!kbOnly && b - a >= 2 && (ctx.sets.orgSuffixes.has(words[b - 1]!.text) || ctx.sets.orgPrefixes.has(words[a]!.text))) {
    const ids = kb.byKey(wordsKey(ctx, a, b));
    // "General Electric", "General Motors": a title word does not make an organisation a person
    const t = titleAt(ctx, a, b);
    if (!t || !t.country) {
      push(ctx, { from: a, to: b, nameFrom: a, type: ids.length ? kb.get(ids[0]!)!.type : 'ORG', form: 'name', rule: ids.length ? 'kb-match' : 'org-name', kbIds: ids, entry: ids.length ? kb.get(ids[0]!)!.origin : 'data/actors-lexicon/names.yaml' });
      leadingPlace(ctx, a, b);
      if (!ids.length) nestedInOrg(ctx, a, b);
      return;
    }
  }
  let p = a;
  let unknown = -1;
  const flush = (to: number): void => {
    if (unknown >= 0 && !kbOnly) typeUnknown(ctx, unknown, to, a);
    unknown = -1;
  };
  while (p < b) {
    const t = titleAt(ctx, p, b);
    if (t && (t.to < b || t.country || t.kind)) {
      flush(p);
      if (t.to < b && !words[t.to]!.initial) {
        const key = wordsKey(ctx, t.to, b);
        const c = countryAt(ctx, p, b);
        if (c && !ctx.kb.demonym(words[p]!.text)) {
          // "US Secretary of State Rex Tillerson": the country is also mentioned (nested in the title)
          push(ctx, { from: p, nameFrom: p, to: c.to, type: 'GPE', form: 'name', rule: 'title-country', kbIds: [c.country], entry: kb.get(c.country)?.origin });
        }
        push(ctx, {
          from: p, nameFrom: t.to, to: b, type: 'PERSON', form: 'name', rule: 'titles',
          role: wordsText(ctx, p, t.to), roleKind: t.kind as Candidate['roleKind'], roleCountry: t.country,
          kbIds: kb.byKey(key), gender: t.gender, entry: 'data/actors-lexicon/titles.yaml',
        });
      } else if (t.country && t.kind) {
        push(ctx, {
          from: p, nameFrom: p, to: t.to, type: 'PERSON', form: 'description', rule: 'role-description',
          role: wordsText(ctx, p, t.to), roleKind: t.kind as Candidate['roleKind'], roleCountry: t.country,
          entry: 'data/actors-lexicon/titles.yaml',
        });
      } else if (t.kind && p === a && t.to === b && words[a - 1]?.lower === 'the') {
        // "the President", "the Prime Minister": the person with that title earlier in the document
        push(ctx, {
          from: p, nameFrom: p, to: t.to, type: 'PERSON', form: 'description', rule: 'title-anaphor',
          role: wordsText(ctx, p, t.to), roleKind: t.kind as Candidate['roleKind'], entry: 'data/actors-lexicon/titles.yaml',
        });
      }
      p = t.to < b && !words[t.to]!.initial ? b : t.to;
      continue;
    }
    const m = kbMatchAt(ctx, p, b);
    // "Valeska Paris", "Environment Canada": an unknown word followed by a place inside one run is
    // one unknown name, unless the first word is a direction ("Northern Syria")
    if (m && unknown >= 0 && m.to === b && (m.type === 'GPE' || m.rule === 'kb-capital') && !/^[A-Z]+$/.test(words[p - 1]!.text) && !DIRECTIONS.has(words[p - 1]!.text) && !ctx.sets.titles.has(words[p - 1]!.lower)) {
      p = m.to;
      continue;
    }
    if (m) {
      // a lone particle before a known name belongs to it: "Al" + "Assad"
      if (unknown >= 0 && unknown === p - 1 && ctx.sets.particles.has(words[p - 1]!.lower) && m.type === 'PERSON') {
        m.from = m.nameFrom = p - 1;
        unknown = -1;
      }
      flush(p);
      push(ctx, m);
      p = m.to;
      continue;
    }
    if (unknown < 0) unknown = p;
    p++;
  }
  flush(b);
}

/**
 * Names nested in an organisation's name: a person it is named after ("the Andy Warhol Foundation":
 * a known first name and the next word) and the place after "of" ("University of Southern Indiana").
 */
function nestedInOrg(ctx: ActorsContext, a: number, b: number): void {
  const { words, sets, kb } = ctx;
  if (b - a >= 3 && sets.firstNames.has(words[a]!.text) && words[a + 1]!.cap && !sets.orgSuffixes.has(words[a + 1]!.text)) {
    ctx.candidates.push({ from: a, to: a + 2, nameFrom: a, type: 'PERSON', form: 'name', rule: 'nested-person', gender: sets.firstNames.get(words[a]!.text), kbIds: kb.byKey(wordsKey(ctx, a, a + 2)) });
  }
  for (let k = a + 1; k < b - 1; k++) {
    if (words[k]!.lower !== 'of') continue;
    const text = wordsText(ctx, k + 1, b);
    const ids = kb.byKey(wordsKey(ctx, k + 1, b)).filter((id) => kb.get(id)?.type === 'GPE');
    const type = ids.length ? 'GPE' : placeType(text, b - k - 1);
    if (type) ctx.candidates.push({ from: k + 1, to: b, nameFrom: k + 1, type, form: 'name', rule: 'nested-place', kbIds: ids });
    break;
  }
}

/**
 * The place an organisation's name starts with, as a nested mention: "United States Navy",
 * "Irving Police Department", "LA Weekly" (a KB country or capital, else a big gazetteer place).
 */
function leadingPlace(ctx: ActorsContext, a: number, b: number): void {
  const { kb, words, sets } = ctx;
  if (sets.orgPrefixes.has(words[a]!.text)) return; // "University of ...": the place comes after "of"
  for (let l = Math.min(3, b - a - 1); l >= 1; l--) {
    const key = wordsKey(ctx, a, a + l);
    const ids = kb.byKey(key).filter((id) => isCountry(ctx, id));
    const capital = kb.capitalByKey(key);
    if (ids.length || capital) {
      ctx.candidates.push({ from: a, to: a + l, nameFrom: a, type: 'GPE', form: 'name', rule: 'nested-place', kbIds: ids.length ? ids : kb.byKey(key), ...(capital && !ids.length ? { country: capital } : {}) });
      return;
    }
  }
  if (b - a >= 2 && words[a]!.cap && placeType(words[a]!.text, 1) === 'GPE') {
    ctx.candidates.push({ from: a, to: a + 1, nameFrom: a, type: 'GPE', form: 'name', rule: 'nested-place', kbIds: kb.byKey(words[a]!.key) });
  }
}

/** The longest knowledge-base name at k: seats, capitals, demonyms, then names and aliases. */
function kbMatchAt(ctx: ActorsContext, k: number, end: number): Candidate | undefined {
  const { kb } = ctx;
  const first = ctx.words[k]!.key;
  const place = kb.placeWord(first);
  const longest = Math.min(Math.max(kb.longestFrom(first), place ? 3 : 1), end - k);
  for (let l = longest; l >= 1; l--) {
    const key = wordsKey(ctx, k, k + l);
    const seat = place ? kb.seatByKey(key) : undefined;
    if (seat) return { from: k, nameFrom: k, to: k + l, type: 'FAC', form: 'name', rule: 'kb-seat', country: seat, kbIds: kb.byKey(key), entry: kb.get(seat)?.origin };
    const capital = place ? kb.capitalByKey(key) : undefined;
    if (capital) return { from: k, nameFrom: k, to: k + l, type: 'GPE', form: 'name', rule: 'kb-capital', country: capital, kbIds: kb.byKey(key), entry: kb.get(capital)?.origin };
    if (l === 1 && place) {
      const dem = kb.demonymByKey(key);
      if (dem) return { from: k, nameFrom: k, to: k + 1, type: dem.plural ? 'GPE' : 'NORP', form: 'demonym', rule: 'kb-demonym', country: dem.country, entry: kb.get(dem.country)?.origin };
    }
    const ids = kb.byKey(key);
    if (ids.length) {
      const a = kb.get(ids[0]!)!;
      return { from: k, nameFrom: k, to: k + l, type: a.type, form: 'name', rule: 'kb-match', kbIds: ids, gender: a.gender, entry: a.origin };
    }
  }
  return undefined;
}

/** Types an unknown name from its own words and its context. */
function typeUnknown(ctx: ActorsContext, a: number, b: number, runStart: number): void {
  const { words, sets } = ctx;
  while (a < b && sets.notNames.has(words[a]!.text)) a++;
  while (b > a && sets.notNames.has(words[b - 1]!.text)) b--;
  if (a >= b) return;
  const text = wordsText(ctx, a, b);
  if (sets.nonPerson.has(text)) {
    const type = sets.nonPerson.get(text);
    if (type) push(ctx, { from: a, to: b, nameFrom: a, type, form: 'name', rule: 'non-person' });
    return;
  }
  const firstW = words[a]!;
  // a lone capitalised word that only ever starts sentences ("Part of the ...") is not a name
  if (b - a === 1 && firstW.initial && !recursMidSentence(ctx, firstW.text)) return;
  const last = words[b - 1]!.text;
  const n = b - a;
  const before = words[runStart - 1];
  let type: Candidate['type'] = 'OTHER';
  let gender: 'm' | 'f' | undefined;
  let placed: Candidate['type'] | undefined;
  if (sets.orgSuffixes.has(last) || sets.orgPrefixes.has(firstW.text)) type = 'ORG';
  else if (sets.facSuffixes.has(last)) type = 'FAC';
  else if (n >= 2 && (sets.otherSuffixes.has(last) || sets.otherPrefixes.has(firstW.text))) type = 'OTHER';
  else if (sets.locSuffixes.has(last)) type = 'LOC';
  else if (n >= 2 && sets.firstNames.has(firstW.text)) {
    type = 'PERSON';
    gender = sets.firstNames.get(firstW.text);
  } else if (n === 1 && sets.firstNames.has(firstW.text)) {
    type = 'PERSON';
    gender = sets.firstNames.get(firstW.text);
  } else if (/^[A-Z]{2,6}$/.test(firstW.text) && n === 1) type = 'ORG';
  // (A place type found at all is the one a lookup after a preposition gives: a region or sea is LOC
  // whatever the threshold, and a place big enough without the preposition is big enough with it.)
  else if ((placed = placeType(text, n, !!before && sets.placePrepositions.has(before.lower) && a === runStart))) {
    type = placed;
  } else if (versionAfter(ctx, b)) {
    // "Internet Explorer 6", "PlayStation 4": a product with its version number (the whole entity)
    push(ctx, { from: a, to: b, nameFrom: a, type: 'OTHER', form: 'name', rule: 'product', entry: 'data/actors-lexicon/names.yaml' });
    return;
  } else if (n === 2 && (DIRECTIONS.has(firstW.text) || DIRECTIONS.has(last)) && hasPlaceWord(ctx, a, b)) {
    type = 'GPE'; // "Kowloon West", "East L.A.": part of a place
  } else if (n >= 2 && hasPlaceWord(ctx, a, b) && !personEvidence(ctx, a, b, true)) {
    // "Environment Canada", "Toronto Star", "Texas Instruments": a place inside a longer unknown
    // name makes an institution, not a person ("Valeska Paris" has person evidence)
    type = 'ORG';
  } else if (n >= 2 && n <= 4 && personShaped(ctx, a, b) && (personEvidence(ctx, a, b) || (!hasCommonWord(ctx, a, b) && allProper(ctx, a, b) && before?.lower !== 'the'))) {
    // persons: with evidence, or by default when no word is a common noun and no article precedes
    // ("the Big Bang", "the Space Shuttle" are not persons)
    type = 'PERSON';
  }
  else if (n === 1 && actsAsSubject(ctx, b)) type = 'ORG'; // "Microsoft waits", "Wikinews has learned"
  // other lone unknown words stay OTHER: brands, events and works are as common as organisations
  push(ctx, { from: a, to: b, nameFrom: a, type, form: 'name', rule: 'unknown-name', gender, kbIds: ctx.kb.byKey(nameKey(text)) });
}

/** Whether a version number follows the name directly ("Explorer 6", "Windows 10"; not "Smith, 45"). */
function versionAfter(ctx: ActorsContext, end: number): boolean {
  const next = ctx.words[end];
  const last = ctx.words[end - 1]!;
  if (!next || next.sentence !== last.sentence) return false;
  const c = next.text.charCodeAt(0);
  return c >= 48 && c <= 57 && next.text.length <= 4 && next.start === last.end + 1;
}

/** Whether the tagger read every word of [a, b) as a proper noun ("Internet Explorer": NOUN + PROPN). */
function allProper(ctx: ActorsContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ctx.words[k]!.pos !== 'PROPN') return false;
  return true;
}

/** Whether a word of [a, b) is a country or capital of the KB, or a big place of the gazetteer. */
function hasPlaceWord(ctx: ActorsContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const w = ctx.words[k]!;
    if (!w.cap || w.text.length < 3) continue;
    if (ctx.kb.capitalByKey(w.key) || ctx.kb.byKey(w.key).some((id) => isCountry(ctx, id)) || placeType(w.text, 1) === 'GPE') return true;
  }
  return false;
}

/**
 * Whether the words look like a personal name: no all-caps word ("PlayStation VR"), no "of",
 * no one-letter word other than an initial ("Group G").
 */
function personShaped(ctx: ActorsContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = ctx.words[k]!.text;
    if (t === 'of' || t === '&' || /^[A-Z]{2,}$/.test(t) || (t.length === 1 && k === b - 1)) return false;
  }
  return true;
}

/**
 * Evidence that an unknown multi-word name is a person: a middle initial ("L. Ron Hubbard"), the last
 * word used alone elsewhere in the document (news repeat surnames), or a person cue right after
 * ("X said", "X, who") or before ("said X", "according to X", "striker X").
 */
function personEvidence(ctx: ActorsContext, a: number, b: number, strict = false): boolean {
  const { words, sets } = ctx;
  // strict: only cues that organisations never take ("X said" is no evidence for "Environment Canada")
  const cue = (x: string): boolean => !strict || sets.personOnlyCues.has(x);
  for (let k = a; k < b - 1; k++) if (/^\p{Lu}\.$/u.test(words[k]!.text)) return true;
  // a reused last word is weak evidence: "Atlantis" after "Space Shuttle Atlantis" is no surname
  // (strict: and not a country name — "Environment Canada" ... "Canada" is no surname)
  if (surnameReused(ctx, words[b - 1]!.text, a) && !hasCommonWord(ctx, a, b) && (!strict || !ctx.kb.byKey(words[b - 1]!.key).some((id) => isCountry(ctx, id)))) return true;
  const after = (k: number): string => words[k]?.sentence === words[a]!.sentence ? words[k]!.lower : '';
  let n1 = after(b);
  if (n1 === ',') n1 = after(b + 1);
  const n2 = `${n1} ${after(b + 1)}`;
  if ((sets.personAfter.has(n1) && cue(n1)) || (sets.personAfter.has(n2) && cue(n2))) return true;
  const p1 = words[a - 1]?.sentence === words[a]!.sentence ? words[a - 1]!.lower : '';
  const p2 = a >= 2 && words[a - 2]!.sentence === words[a]!.sentence ? `${words[a - 2]!.lower} ${p1}` : '';
  return (sets.personBefore.has(p1) && cue(p1)) || (p2 !== '' && sets.personBefore.has(p2) && cue(p2));
}

/** Whether `word` occurs capitalised on its own (not right after another capitalised word) elsewhere. */
function surnameReused(ctx: ActorsContext, word: string, notAt: number): boolean {
  const memo = ctx as ActorsContext & { alone?: Map<string, number[]> };
  if (!memo.alone) {
    memo.alone = new Map();
    ctx.words.forEach((w, k) => {
      if (!w.cap || w.initial && w.pos !== 'PROPN') return;
      const prev = ctx.words[k - 1];
      const next = ctx.words[k + 1];
      if ((prev && prev.cap && prev.sentence === w.sentence && !w.initial) || (next && next.cap && next.sentence === w.sentence)) return;
      const list = memo.alone!.get(w.text);
      if (list) list.push(k);
      else memo.alone!.set(w.text, [k]);
    });
  }
  return (memo.alone.get(word) ?? []).some((k) => k !== notAt);
}

/** Whether the word after a name is a finite verb or auxiliary (the name is a subject). */
function actsAsSubject(ctx: ActorsContext, end: number): boolean {
  const next = ctx.words[end];
  if (!next || next.sentence !== ctx.words[end - 1]!.sentence) return false;
  return next.pos === 'AUX' || (next.pos === 'VERB' && /(s|ed)$/.test(next.lower));
}

/**
 * Whether a word of the name also occurs in lower case in the document ("Space Shuttle", "Visual
 * Arts"): such names are things or programmes, not persons.
 */
function hasCommonWord(ctx: ActorsContext, a: number, b: number): boolean {
  const memo = ctx as ActorsContext & { lowerWords?: Set<string> };
  if (!memo.lowerWords) {
    memo.lowerWords = new Set();
    for (const w of ctx.words) if (!w.cap && /^\p{Ll}{3,}$/u.test(w.text)) memo.lowerWords.add(w.text);
  }
  for (let k = a; k < b; k++) {
    const l = ctx.words[k]!.lower;
    if (memo.lowerWords.has(l) || (l.endsWith('s') && memo.lowerWords.has(l.slice(0, -1)))) return true;
  }
  return false;
}

/** Whether a word occurs capitalised somewhere other than at a sentence start (memoised per document). */
function recursMidSentence(ctx: ActorsContext, text: string): boolean {
  const memo = (ctx as ActorsContext & { midCaps?: Set<string> });
  if (!memo.midCaps) {
    memo.midCaps = new Set();
    for (const w of ctx.words) if (w.cap && !w.initial) memo.midCaps.add(w.text);
  }
  return memo.midCaps.has(text);
}

function push(ctx: ActorsContext, c: Candidate): void {
  ctx.candidates.push(c);
}
