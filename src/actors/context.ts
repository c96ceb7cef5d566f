import type { Entity, Mention } from '../contract.js';
import type { Doc } from '../document/doc.js';
import type { ActorKb } from '../kb/index.js';
import type { KbRole } from '../kb/types.js';
import type { ActorsLexicon } from './lexicon.js';

/** A word of the document as the actors rules see it (a token, or the capitalised part of "post-Al"). */
export interface Word {
  text: string;
  start: number;
  end: number;
  pos: string;
  sentence: number;
  /** Lower-case form. */
  lower: string;
  /** Lookup key ({@link keyOf}), computed once. */
  key: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** First word of its sentence (or of its line). */
  initial: boolean;
}

/** How a mention names its entity. */
export type MentionForm = 'name' | 'description' | 'demonym' | 'pronoun';

/** A mention proposed by the rules, before entities are built. */
export interface Candidate {
  /** Word range [from, to) of the whole mention (title included). */
  from: number;
  to: number;
  type: Entity['type'];
  form: MentionForm;
  /** Words [nameFrom, to) are the name proper (after a title). */
  nameFrom: number;
  /** Title or description cue ("Russian President", "Syrian dictator"). */
  role?: string;
  /** Role kind and country from the cue, used for linking. */
  roleKind?: KbRole['kind'] | 'leader';
  roleCountry?: string;
  /** Knowledge-base candidates by name. */
  kbIds?: readonly string[];
  /** Actor or entity key the mention is resolved to (`kb:<id>` or `name:<key>` ...). */
  key?: string;
  gender?: 'm' | 'f';
  metonymy?: Mention['metonymy'];
  /** Country of a capital/seat/demonym/regime mention. */
  country?: string;
  /** The rule that proposed the mention, and the dictionary entry. */
  rule: string;
  entry?: string;
  dropped?: boolean;
}

/** Everything the rules share while analysing one document. */
export interface ActorsContext {
  doc: Doc;
  kb: ActorKb;
  lex: ActorsLexicon;
  words: Word[];
  /** Document date (YYYY-MM-DD) for role validity. */
  date: string;
  candidates: Candidate[];
  /** Lexicon lookups compiled once per lexicon. */
  sets: LexiconSets;
}

/** Word sets compiled from the lexicon. */
export interface LexiconSets {
  /** Titles by lower-case word sequence, with their kind. */
  titles: Map<string, { kind?: KbRole['kind'] }>;
  titleMaxWords: number;
  genderOfTitle: Map<string, 'm' | 'f'>;
  leaderNouns: Set<string>;
  kindNouns: Map<string, KbRole['kind']>;
  /** Every word that can start a description cue (kind, leader or government noun), to skip other words fast. */
  cueFirstWords: Set<string>;
  governmentNouns: Set<string>;
  /** Institution nouns ("forces", "officials", "defense officials") -> KB institution kind. */
  institutionNouns: Map<string, string>;
  /** Collective actors ("world powers") by first word, as word sequences. */
  groups: Map<string, string[][]>;
  particles: Set<string>;
  orgSuffixes: Set<string>;
  orgPrefixes: Set<string>;
  locSuffixes: Set<string>;
  facSuffixes: Set<string>;
  /** Last / first words of names that are events, laws, prizes or operations, not actors. */
  otherSuffixes: Set<string>;
  otherPrefixes: Set<string>;
  notNames: Set<string>;
  placePrepositions: Set<string>;
  firstNames: Map<string, 'm' | 'f'>;
  /** Person cues after / before a name, as lower-case word sequences (max 2 words). */
  personAfter: Set<string>;
  personBefore: Set<string>;
  /** The subset of person cues that organisations never take ("who", "his", "Mr"). */
  personOnlyCues: Set<string>;
  nonPerson: Map<string, Entity['type'] | null>;
  pronouns: Map<string, 'm' | 'f'>;
  metoPlacePreps: Set<string>;
  metoPlaceNounsOf: Set<string>;
  metoPlaceVerbs: Set<string>;
  metoActorBefore: Set<string>;
  metoActorAfterNouns: Set<string>;
  metoPossessivePlaceNouns: Set<string>;
}

const compiled = new WeakMap<ActorsLexicon, LexiconSets>();

/** Compiles the lexicon word lists into sets and maps (once per lexicon object). */
export function lexiconSets(lex: ActorsLexicon): LexiconSets {
  const hit = compiled.get(lex);
  if (hit) return hit;
  const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  const titles = new Map<string, { kind?: KbRole['kind'] }>();
  let titleMaxWords = 1;
  for (const t of lex.titles.titles) {
    const key = t.title.toLowerCase();
    titles.set(key, { kind: t.kind });
    titleMaxWords = Math.max(titleMaxWords, key.split(/\s+/).length);
  }
  const genderOfTitle = new Map<string, 'm' | 'f'>();
  for (const g of ['m', 'f'] as const) for (const t of lex.titles.gendered[g]) genderOfTitle.set(t.toLowerCase(), g);
  const firstNames = new Map<string, 'm' | 'f'>();
  for (const g of ['m', 'f'] as const) for (const n of lex.names.first_names[g]) if (!firstNames.has(n)) firstNames.set(n, g);
  const pronouns = new Map<string, 'm' | 'f'>();
  for (const g of ['m', 'f'] as const) for (const p of lex.pronouns[g]) pronouns.set(p, g);
  const kindNouns = new Map(Object.entries(lex.epithets.kinds).map(([k, v]) => [k.toLowerCase(), v]));
  const institutionNouns = new Map(Object.entries(lex.epithets.institutions).map(([k, v]) => [k.toLowerCase(), v]));
  const cueFirstWords = new Set(
    [...kindNouns.keys(), ...lex.epithets.leader, ...lex.epithets.government, ...institutionNouns.keys()].map((k) => k.toLowerCase().split(/\s+/)[0]!),
  );
  const sets: LexiconSets = {
    titles,
    titleMaxWords,
    genderOfTitle,
    leaderNouns: lower(lex.epithets.leader),
    kindNouns,
    cueFirstWords,
    governmentNouns: lower(lex.epithets.government),
    institutionNouns,
    groups: groupsByFirstWord(lex.epithets.groups),
    particles: lower(lex.names.particles),
    orgSuffixes: new Set(lex.names.org_suffixes),
    orgPrefixes: new Set(lex.names.org_prefixes),
    locSuffixes: new Set(lex.names.loc_suffixes),
    facSuffixes: new Set(lex.names.fac_suffixes),
    otherSuffixes: new Set(lex.names.other_suffixes),
    otherPrefixes: new Set(lex.names.other_prefixes),
    notNames: new Set(lex.names.not_names),
    placePrepositions: lower(lex.names.place_prepositions),
    firstNames,
    personAfter: lower(lex.names.person_cues_after),
    personBefore: lower(lex.names.person_cues_before),
    personOnlyCues: lower(lex.names.person_only_cues),
    nonPerson: new Map(Object.entries(lex['non-person'])),
    pronouns,
    metoPlacePreps: lower(lex.metonymy.place.prepositions),
    metoPlaceNounsOf: lower(lex.metonymy.place.nouns_of),
    metoPlaceVerbs: lower(lex.metonymy.place.verbs),
    metoActorBefore: lower(lex.metonymy.actor.before),
    metoActorAfterNouns: lower(lex.metonymy.actor.after_nouns),
    metoPossessivePlaceNouns: lower(lex.metonymy.actor.possessive_place_nouns),
  };
  compiled.set(lex, sets);
  return sets;
}

function groupsByFirstWord(groups: readonly string[]): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const g of groups) {
    const seq = g.toLowerCase().split(/\s+/);
    m.set(seq[0]!, [...(m.get(seq[0]!) ?? []), seq]);
  }
  return m;
}

/** Text of words [from, to) as written in the document. */
export function wordsText(ctx: ActorsContext, from: number, to: number): string {
  if (from >= to) return '';
  return ctx.doc.text.slice(ctx.words[from]!.start, ctx.words[to - 1]!.end);
}

/** Lookup key of words [from, to): lower-case, hyphen words skipped (matches `nameKey`). */
export function wordsKey(ctx: ActorsContext, from: number, to: number): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const w = ctx.words[i]!;
    if (w.text === '-' || w.text === '‐') continue;
    parts.push(w.key);
  }
  return parts.join(' ');
}

/** A single word's key: no diacritics, no dots, lower-case. */
export function keyOf(text: string): string {
  // fast path (most words): ASCII without dots or hyphens needs only lower-casing
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || c === 46 || c === 45) {
      plain = false;
      break;
    }
  }
  if (plain) return text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  const base = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base.toLowerCase().replace(/\./g, '').replace(/-/g, ' ');
}

/** Whether a word is a possessive marker token ('s, ’s). */
export function isPossessive(w: Word | undefined): boolean {
  return !!w && (w.lower === "'s" || w.lower === '’s' || w.lower === "'" || w.lower === '’');
}
