import * as chrono from 'chrono-node';
import type { Entity, Event, Modality, Span } from '../contract.js';
import type { Doc } from '../document/doc.js';
import type { TokenLayer } from '../document/tokens.js';
import { factualityOf, loadCues, type Cues, type Factuality } from './factuality.js';
import { loadPatterns, type PatternIndex, type TriggerPattern } from './patterns.js';
import { SentenceSyntax, type ActorSpan } from './syntax.js';
import { describeCode, ploverFor } from './tables.js';

/** An event before it gets an id: what the coder proposes for one trigger and one source/target pair. */
export type EventProposal = Omit<Event, 'id'> & {
  factuality: { cue: string | null; evidential?: string };
  /** Token index of the trigger (internal; dropped from the output). */
  triggerToken: number;
  /** Token ranges [from, to) of the source and target mentions (internal; for composing actor codes). */
  sourceTokens: [number, number] | null;
  targetTokens: [number, number] | null;
};

/** Options of the event coder. */
export interface CoderOptions {
  patterns?: PatternIndex;
  cues?: Cues;
  /** Sentences longer than this (tokens) are coded only in windows of this size, with a diagnostic. */
  maxSentenceTokens?: number;
  /** Upper bound on triggers examined per sentence; beyond it the coder gives up with a diagnostic. */
  maxTriggersPerSentence?: number;
  /** Optional providers from the where/when stages: event date and place for a trigger. */
  eventDate?: (doc: Doc, sentence: number, trigger: Span) => { from: string; to: string } | null;
  eventPlace?: (doc: Doc, sentence: number, trigger: Span) => string | null;
  /** Require both a source and a target (default true; one-sided mass violence with a place is the exception). */
  requireDyad?: boolean;
  /** Discard phrases: a sentence (or, for `story`, a document) containing one is not coded (NG_EVENT_DISCARDED). */
  discards?: { story: string[]; sentence: string[] };
  /** Nouns that stand for their possessor as an actor ("Gondor's opposition group"), e.g. an agents dictionary's heads. */
  agentHeads?: ReadonlySet<string>;
}

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside']);

/** The actors of the document: linked mentions, with token ranges. */
export function actorSpans(doc: Doc): ActorSpan[] {
  const t = doc.get('tokens');
  const out: ActorSpan[] = [];
  for (const m of doc.getOr('mentions', [])) {
    if (!m.entity) continue;
    const [from, to] = t.range(m.start, m.end);
    if (to > from) out.push({ entity: m.entity, from, to, type: m.type });
  }
  return out.sort((a, b) => a.from - b.from);
}

function hasWord(syn: SentenceSyntax, from: number, to: number, words: string[]): boolean {
  for (let i = Math.max(from, syn.from); i < Math.min(to, syn.to); i++) {
    if (words.includes(syn.word(i)) || words.includes(syn.lemma(i))) return true;
  }
  return false;
}

/** Length of the first alternative of `element` ("dollars|austrian florin") matching at token `i`, or 0. */
function matchElement(syn: SentenceSyntax, i: number, element: string, to: number): number {
  for (const alt of element.split('|')) {
    const ws = alt.split(' ');
    if (i + ws.length > to) continue;
    if (ws.every((w, k) => syn.word(i + k) === w || syn.lemma(i + k) === w)) return ws.length;
  }
  return 0;
}

/** Index of the last token of `elements` found in order in [from, to), or -1. An element may list alternatives. */
function inOrder(syn: SentenceSyntax, from: number, to: number, elements: string[]): number {
  let k = 0;
  let last = -1;
  for (let i = from; i < to && k < elements.length; i++) {
    const n = matchElement(syn, i, elements[k]!, to);
    if (n) {
      k++;
      last = i + n - 1;
      i += n - 1;
    }
  }
  return k === elements.length ? last : -1;
}

function matchVerb(syn: SentenceSyntax, v: number, list: TriggerPattern[]): { p: TriggerPattern; after: number; sequenceEnd: number } | null {
  for (const p of list) {
    let after = v;
    if (p.particle) {
      // one word may come between ("turned it over", "said publicly to"), but not a noun whose own
      // preposition it is ("says immigration to France")
      const k = [v + 1, v + 2].find((k) => k < syn.to && syn.word(k) === p.particle && (k === v + 1 || !['NOUN', 'PROPN'].includes(syn.pos(v + 1))));
      if (k === undefined) continue;
      after = k;
    }
    if (p.words.length && !hasWord(syn, v + 1, v + 8, p.words)) continue;
    const sequenceEnd = p.sequence ? inOrder(syn, v + 1, Math.min(syn.to, v + 12), p.sequence) : after;
    if (sequenceEnd < 0) continue;
    if (p.preceding && inOrder(syn, Math.max(syn.from, v - 8), v, p.preceding) < 0) continue;
    if (p.slots?.compound && syn.subjectOf(syn.group(v)).length < 2) continue;
    return { p, after, sequenceEnd };
  }
  return null;
}

function matchNoun(syn: SentenceSyntax, n: number, list: TriggerPattern[]): TriggerPattern | null {
  const s = syn.npStart(n);
  for (const p of list) {
    if (p.particle && !(n + 1 < syn.to && syn.word(n + 1) === p.particle)) continue;
    if (p.words.length && !hasWord(syn, Math.max(s, n - 4), n, p.words)) continue;
    return p;
  }
  return null;
}

const YEAR = /\b(1[89]\d\d|20\d\d)\b/;

/** An imported dictionary's code that is not in the CAMEO codebook (WEIS codes, test codes): kept as is. */
function externalCode(code: string): { root: string; quadClass: 1 | 2 | 3 | 4; goldstein: number } {
  const root = code.slice(0, 2);
  const n = Number(root);
  return { root, quadClass: n >= 14 ? 4 : n >= 9 ? 3 : n >= 6 ? 2 : 1, goldstein: 0 };
}

/** Date fallback when no where/when provider is given: an explicit date or year in the trigger's sentence. */
function fallbackDate(doc: Doc, sentence: Span, trigger: Span, syn: SentenceSyntax): { from: string; to: string } | null {
  const times = doc.getOr('times', []);
  let best: { from: string; to: string } | null = null;
  let dist = Infinity;
  for (const x of times) {
    if (x.start < sentence.start || x.end > sentence.end || !x.from || !x.to) continue;
    // "refusal to abandon Al Assad lies with ..., which dates back to Cold War days": another clause's time
    if (!sameClause(syn, trigger, x)) continue;
    const d = Math.abs(x.start - trigger.start);
    if (d < dist) {
      dist = d;
      best = { from: x.from, to: x.to };
    }
  }
  // the times stage ran: its silence is an answer; raw-text parsing is only for documents without it
  if (best || doc.has('times')) return best;
  const cache = textDates.get(doc) ?? new Map<number, { from: string; to: string } | null>();
  textDates.set(doc, cache);
  if (!cache.has(sentence.start)) cache.set(sentence.start, sentenceDate(doc, sentence));
  return cache.get(sentence.start)!;
}

/** Dates parsed from a sentence's raw text, per document and sentence start (parsed once, not per trigger). */
const textDates = new WeakMap<Doc, Map<number, { from: string; to: string } | null>>();

/** An explicit date, a "last/this/next week", or a year in the sentence's raw text. */
function sentenceDate(doc: Doc, sentence: Span): { from: string; to: string } | null {
  const text = doc.text.slice(sentence.start, sentence.end);
  const ref = doc.info.date ? new Date(doc.info.date + 'T12:00:00Z') : undefined;
  const week = /\b(last|this|next) week\b/i.exec(text);
  if (week && ref) {
    const shift = week[1]!.toLowerCase() === 'last' ? -7 : week[1]!.toLowerCase() === 'next' ? 7 : 0;
    const d = new Date(ref.getTime() + shift * 86400000);
    const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400000);
    const sunday = new Date(monday.getTime() + 6 * 86400000);
    return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
  }
  if (!/\d/.test(text)) return null;
  const parsed = chrono.parse(text, ref);
  const full = parsed.find((r) => r.start.isCertain('day') && r.start.isCertain('month') && r.start.isCertain('year'));
  if (full) {
    const iso = full.start.date().toISOString().slice(0, 10);
    return { from: iso, to: iso };
  }
  const y = YEAR.exec(text);
  return y ? { from: `${y[1]}-01-01`, to: `${y[1]}-12-31` } : null;
}

/** "after a meeting in Moscow, Tuesday": a subordinator used as a preposition (no verb before the next punctuation). */
function prepositional(syn: SentenceSyntax, i: number): boolean {
  if (!['after', 'before', 'since', 'until'].includes(syn.word(i))) return false;
  for (let k = i + 1; k < syn.to; k++) {
    if (syn.pos(k) === 'PUNCT') return true;
    if (syn.pos(k) === 'VERB' || syn.pos(k) === 'AUX') return false;
  }
  return true;
}

/** Whether no clause boundary (hard punctuation, subordinator, relative pronoun, other verb's comma) separates two spans. */
function sameClause(syn: SentenceSyntax, a: Span, b: Span): boolean {
  const [x, y] = a.start <= b.start ? [a, b] : [b, a];
  const from = syn.t.at(x.end);
  const to = syn.t.at(y.start);
  for (let i = Math.max(from, syn.from); i < Math.min(to, syn.to); i++) {
    if (syn.isBoundary(i) && !prepositional(syn, i)) return false;
    if (['which', 'who', 'whom', 'whose', 'where'].includes(syn.word(i))) return false;
  }
  return true;
}

/** Place fallback: a place named by "in/at/near X" right after the trigger, in the same clause. */
function fallbackPlace(syn: SentenceSyntax, trigger: number, after: number): string | null {
  for (let i = after + 1; i < Math.min(syn.to, after + 10); i++) {
    if (syn.isBoundary(i)) break;
    if (!PLACE_PREPS.has(syn.word(i))) continue;
    let k = i + 1;
    if (k < syn.to && syn.pos(k) === 'DET') k++;
    const hit = syn.actor(k);
    if (hit >= 0 && PLACE_TYPES.has(syn.actors[hit]!.type)) return syn.actors[hit]!.entity;
  }
  void trigger;
  return null;
}

interface Found {
  p: TriggerPattern;
  trigger: number;
  sources: number[];
  targets: number[];
  after: number;
  how: string;
  confidence: number;
  /** Mass violence with no actor target: one-sided (documented exception). */
  oneSided?: boolean;
  /** Consultations: also code target -> source. */
  symmetric?: boolean;
}

/** Verb trigger: subject/object, passives with by-agents, joint action ("joined X in condemning"). */
function codeVerb(syn: SentenceSyntax, v: number, pats: PatternIndex): Found | null {
  // PETRARCH dictionaries key some blocks by an inflected form ("LEFT [032:033]" apart from "LEAVE [012]"): the form's rows first
  const word = syn.word(v);
  const lemma = syn.lemma(v);
  const byForm = word !== lemma ? pats.verbs.get(word) : undefined;
  const byLemma = pats.verbs.get(lemma);
  const list = byForm && byLemma ? [...byForm, ...byLemma] : byForm ?? byLemma;
  if (!list) return null;
  const m = matchVerb(syn, v, list);
  if (!m || m.p.flags.has('light')) return null;
  // "Iranian-backed", "rebel-held": a compound modifier states a relation, not an event
  if (v - 1 >= syn.from && syn.word(v - 1) === '-') return null;
  const { p, after } = m;
  const g = syn.group(v);
  const subject = syn.subjectOf(g);
  let sources = subject;
  // a pattern's words belong to the verb phrase ("abandon improved economic relations with X"): arguments follow them
  let args = syn.rightArgs(after);
  if (m.sequenceEnd > after) {
    const later = syn.rightArgs(m.sequenceEnd);
    if (later.first.length) args = later;
  }
  let targets: number[] = [];
  let how = 'subject-object';
  if (g.passive) {
    targets = sources;
    sources = args.preps.get('by') ?? [];
    how = 'passive-by-agent';
  } else {
    if ((p.target.obj || (p.particle && p.target.preps.includes(p.particle))) && args.obj.length) targets = args.obj;
    for (const prep of p.target.preps) if (!targets.length && args.preps.has(prep)) targets = args.preps.get(prep)!;
    if (!targets.length && p.target.obj && args.preps.size === 0) targets = [];
    // PETRARCH's target is the first actor of the verb phrase, whatever its preposition ("condemned an attack by X in Y": X)
    if (p.flags.has('external') && args.first.length) targets = args.first;
    // "fired missiles at two military bases in Iraq": violence against a thing that is no actor targets where it is
    if (!targets.length && /^(18|19|20)/.test(p.code) && args.preps.has('in')) [targets, how] = [args.preps.get('in')!, 'violence-location'];
  }
  // joint action: "X has joined Moscow in condemning ..." -> X and Moscow are both sources
  if (g.gerund && g.start - 1 >= syn.from && syn.word(g.start - 1) === 'in') {
    const join = syn.previousVerb(g.start - 1);
    if (join >= 0 && ['join', 'follow'].includes(syn.lemma(join))) {
      const partner = syn.firstActorAfter(join + 1, g.start - 1);
      if (partner >= 0) {
        sources = [...syn.subjectOf(syn.group(join)), partner];
        how = 'joint-action';
      }
    }
  }
  // PETRARCH markers: "+" after the pattern's words, "+" before the verb with "$" after it
  if (p.slots?.target === 'after' || p.slots?.source === 'after') {
    const start = syn.skipPhrases(m.sequenceEnd + 1, p.slots.skip ?? 0);
    const next = syn.firstActorAfter(start, Math.min(syn.to, start + 8));
    const found = next >= 0 ? syn.coordinated(next, 'right') : [];
    if (p.slots.target === 'after' && found.length) [targets, how] = [found, 'pattern-target-slot'];
    if (p.slots.source === 'after' && found.length) {
      if (p.slots.target === 'subject') targets = subject;
      [sources, how] = [found, 'pattern-source-slot'];
    }
  }
  // "X and Y agree", "X and Y have postponed their meeting": the coordinated subjects act on each other
  if ((((p.flags.has('joint') || p.flags.has('external')) && !targets.length) || p.slots?.compound) && sources.length >= 2) {
    return { p, trigger: v, sources, targets: sources, after: args.end, how: 'joint-subjects', confidence: 0.7 };
  }
  return { p, trigger: v, sources, targets, after: args.end, how, confidence: 0.75, symmetric: p.flags.has('joint') && how === 'subject-object' };
}

/** Noun trigger: possessor/modifier source, "by/from" source, prepositional target, governing verb. */
function codeNoun(syn: SentenceSyntax, n: number, pats: PatternIndex, capital: (entity: string) => boolean = () => true): Found | null {
  const list = pats.nouns.get(syn.lemma(n)) ?? pats.nouns.get(syn.word(n));
  if (!list) return null;
  // only the head of a noun phrase triggers ("attack" in "attack helicopters" does not)
  if (n + 1 < syn.to && ['NOUN', 'PROPN'].includes(syn.pos(n + 1))) return null;
  const p = matchNoun(syn, n, list);
  if (!p) return null;
  const s = syn.npStart(n);
  const args = syn.rightArgs(n, 10);
  let sources: number[] = [];
  let how = 'noun-modifier';
  let confidence = 0.7;
  let possessivePronoun = false;
  // "his alliance with Damascus", "Putin's alliance": the possessor's own relation, coded one way only
  let possessed = false;
  for (let i = s; i < n; i++) {
    const hit = syn.actor(i);
    if (hit >= 0 && !sources.includes(hit)) {
      sources = [hit];
      const end = syn.actors[hit]!.to;
      possessed = syn.pos(i) === 'PRON' || (end < syn.to && (syn.word(end) === "'s" || syn.word(end) === "'"));
    }
    if (['its', 'his', 'her', 'their'].includes(syn.word(i))) possessivePronoun = true;
  }
  const governor = syn.previousVerb(s);
  // "ditching his alliance", "end its support": a verb whose pattern names this noun as its object is
  // the event (it ends or changes the state the noun names), so the noun is not coded again on its own.
  if (governor >= 0 && s - governor <= 4) {
    const lemma = syn.lemma(n);
    const word = syn.word(n);
    if (pats.verbs.get(syn.lemma(governor))?.some((x) => !x.flags.has('light') && (x.words.includes(lemma) || x.words.includes(word)) && x.code !== p.code)) return null;
  }
  const govSubject = (): number[] => (governor >= 0 && s - governor <= 8 ? syn.subjectOf(syn.group(governor)) : []);
  if (!sources.length) {
    const by = args.preps.get('by') ?? args.preps.get('from');
    if (by) {
      sources = by;
      how = 'noun-by-from';
    }
  }
  if (!sources.length && (possessivePronoun || p.flags.has('joint') || (governor >= 0 && pats.verbs.get(syn.lemma(governor))?.some((x) => x.flags.has('light'))))) {
    sources = govSubject();
    how = possessivePronoun ? 'noun-possessive-pronoun' : 'noun-governor-subject';
    confidence = 0.6;
  }
  let targets: number[] = [];
  let hosted = false;
  if (p.target.governor) targets = govSubject();
  for (const prep of p.target.preps) if (!targets.length && args.preps.has(prep)) targets = args.preps.get(prep)!;
  // consultations hosted in a capital: the host is the target ("today's talks in Moscow")
  // (only for a lone party and a national capital: "Iran and world powers resumed talks in Vienna" and
  // "the G7 talks in Quebec" name the place of the talks, not a participant)
  if (!targets.length && p.flags.has('joint') && sources.length === 1) {
    const host = args.preps.get('in')?.filter((x) => capital(syn.actors[x]!.entity));
    if (host?.length) [targets, hosted] = [host, true];
  }
  // "Iran and world powers resumed talks": the coordinated parties consult each other
  if (!targets.length && p.flags.has('joint') && sources.length >= 2) return { p, trigger: n, sources, targets: sources, after: args.end, how: 'joint-subjects', confidence: 0.6 };
  const oneSided = !targets.length && p.code.startsWith('20');
  // the host capital stands for its government: one event, the visitor -> the host
  return { p, trigger: n, sources, targets, after: args.end, how: hosted ? 'noun-host-capital' : how, confidence, oneSided, symmetric: p.flags.has('joint') && !possessed && !possessivePronoun && !hosted };
}

/** Whether a mention names a place that is no actor: a GPE/LOC/FAC used as a place (not metonymy) and not linked to a KB actor. */
function placeOnly(a: ActorSpan, entities: Map<string, Entity>): boolean {
  return PLACE_TYPES.has(a.type) && !entities.get(a.entity)?.kb;
}

/** CAMEO sectors of the state itself (government, military, legislature, judiciary, police, intelligence). */
const STATE_SECTORS = /^(GOV|MIL|LEG|JUD|COP|SPY)/;

/**
 * Whether one side is a country (or its demonym) and the other a state institution of that same country:
 * "North Korea's envoy defended Pyongyang" is no event between North Korea and its government. Rebels,
 * parties and persons of the country stay possible dyads (domestic conflict is coded).
 */
function ownCountry(a: Entity | undefined, b: Entity | undefined): boolean {
  const country = (e: Entity | undefined): string | undefined => (e?.kb?.id && e.kb.id === e.kb.country ? e.kb.id : undefined);
  const member = (e: Entity | undefined): string | null | undefined =>
    e?.type === 'ORG' && STATE_SECTORS.test(e.kb?.cameo?.slice(3) ?? '') ? e.kb?.country : undefined;
  const ca = country(a);
  const cb = country(b);
  return (!!ca && member(b) === ca) || (!!cb && member(a) === cb);
}

const placeCache = new WeakMap<object, Map<string, string | null>>();
/** Feature codes of the places layer by entity id (empty without a places stage). */
/** The government entity of the country whose capital `city` is, when the document has one. */
function governmentOfCapital(doc: Doc, city: string, entities: Map<string, Entity>): string | null {
  const country = doc.getOr('places', []).find((p) => p.entity === city)?.country;
  if (!country) return null;
  for (const e of entities.values()) if (e.kb?.id === `${country}-gov`) return e.id;
  return null;
}

function placesOf(doc: Doc): Map<string, string | null> {
  const layer = doc.getOr('places', []);
  let m = placeCache.get(layer);
  if (!m) placeCache.set(layer, (m = new Map(layer.map((p) => [p.entity, p.featureCode]))));
  return m;
}

const byIdCache = new WeakMap<readonly Entity[], Map<string, Entity>>();
/** Entities by id, built once per entities layer (codeSentence runs once per sentence). */
function entitiesById(entities: readonly Entity[]): Map<string, Entity> {
  let m = byIdCache.get(entities);
  if (!m) byIdCache.set(entities, (m = new Map(entities.map((e) => [e.id, e]))));
  return m;
}

/**
 * Codes the events of one sentence.
 *
 * @example
 *   codeSentence(doc, 3, syn, loadPatterns(), {}); // [{ code: '111', source: 'e4', target: 'e9', ... }]
 */
export function codeSentence(
  doc: Doc,
  sentence: number,
  syn: SentenceSyntax,
  options: CoderOptions = {},
  budget: { triggers: number } = { triggers: options.maxTriggersPerSentence ?? 60 },
  aggressorBefore?: () => EventProposal | undefined,
): EventProposal[] {
  const pats = options.patterns ?? loadPatterns();
  const cues = options.cues ?? loadCues();
  const entities = entitiesById(doc.getOr('entities', []));
  const span = doc.get('sentences')[sentence]!;
  const t = syn.t;
  const out: EventProposal[] = [];
  const seen = new Set<string>();
  const maxTriggers = options.maxTriggersPerSentence ?? 60;
  const places = placesOf(doc);
  const capitalOf = (entity: string): boolean => !doc.has('places') || places.get(entity) === 'PPLC';
  const condemned: Array<{ f: Found; i: number; trigger: Event['trigger']; fact: Factuality; code: { root: string; quadClass: 1 | 2 | 3 | 4; goldstein: number }; date: Event['date']; place: string | null }> = [];
  for (let i = syn.from; i < syn.to; i++) {
    const pos = syn.pos(i);
    // words inside an actor's name ("Ministry of Silly Walks", "Attack Helicopter Regiment") trigger nothing
    if (syn.actor(i) >= 0) continue;
    let f: Found | null = null;
    if (pos === 'VERB') f = codeVerb(syn, i, pats);
    else if (pos === 'NOUN' || pos === 'PROPN') f = codeNoun(syn, i, pats, capitalOf);
    if (!f) continue;
    // the budget is per sentence, shared by the windows of a long one, so work per sentence is bounded
    if (--budget.triggers < 0) {
      doc.diagnose('NG_EVENT_GAVE_UP', span, `event coding gave up after ${maxTriggers} triggers in sentence ${sentence}`);
      break;
    }
    const trigger = { start: t.start(i), end: t.end(i), text: t.text(i) };
    const fact: Factuality = factualityOf(syn, syn.from, i, cues);
    const code = describeCode(f.p.code) ?? (f.p.flags.has('external') ? externalCode(f.p.code) : null);
    if (!code) continue;
    const date = options.eventDate?.(doc, sentence, trigger) ?? fallbackDate(doc, span, trigger, syn);
    let place = options.eventPlace?.(doc, sentence, trigger) ?? fallbackPlace(syn, i, i);
    if (pos === 'VERB' && !f.targets.length && f.sources.length && /^1[12]/.test(f.p.code) && violentObject(syn, i, pats)) {
      condemned.push({ f, i, trigger, fact, code, date, place });
      continue;
    }
    const pairs: Array<[number | null, number | null]> = [];
    for (const s of f.sources.slice(0, 6)) {
      for (const tg of f.targets.slice(0, 6)) {
        pairs.push([s, tg]);
        if (f.symmetric && f.how !== 'joint-subjects') pairs.push([tg, s]);
      }
      if (!f.targets.length && f.oneSided) pairs.push([s, null]);
    }
    const reverse = [...f.p.flags].find((x) => x.startsWith('reverse:'))?.slice(8);
    for (const [s, tg] of pairs) {
      const src = syn.actors[s!]!.entity;
      let tgt = tg === null ? null : syn.actors[tg]!.entity;
      // "talks in Moscow": the host capital stands for its government when the article names it as an
      // actor elsewhere (the capital stays the event's place)
      if (tgt && f.how === 'noun-host-capital') {
        const government = governmentOfCapital(doc, tgt, entities);
        if (government) {
          place ??= tgt;
          tgt = government;
        }
      }
      if (src === tgt) continue;
      // a city, region or site is where an event happens, not who acts ("Andy Levin of Michigan slammed",
      // "the Jeddah talks", "peace in Europe"); a violent event's target may be a place ("attack on Idlib")
      if (placeOnly(syn.actors[s!]!, entities)) continue;
      // a state institution acting on its own country ("efforts to impose sanctions against Turkey" given to Ankara) is a misattached argument
      if (tgt && ownCountry(entities.get(src), entities.get(tgt))) continue;
      // names of events, laws, dates and stray capitalised words ("Known", "Feb.") are no participants
      if (syn.actors[s!]!.type === 'OTHER' || (tg !== null && syn.actors[tg]!.type === 'OTHER')) continue;
      if (tg !== null && (f.symmetric || f.how === 'joint-subjects') && placeOnly(syn.actors[tg]!, entities)) continue;
      // "X told VOA", "Y said in an interview with Reuters": talking to the press is attribution, not a statement to an actor
      if (tgt && code.root === '01' && entities.get(tgt)?.kb?.cameo?.endsWith('MED')) continue;
      if (tgt && f.p.flags.has('place-target') && PLACE_TYPES.has(syn.actors[tg!]!.type) && !place) place = tgt;
      // one event per action and dyad in a sentence: "signed a free trade agreement with X" fires the verb
      // pattern and the noun "agreement"; the first (the verb) is kept
      const key = `${f.p.code}|${src}|${tgt}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const plover = ploverFor(f.p.code);
      const tgtName = tgt ? entities.get(tgt)?.name ?? doc.text.slice(t.start(syn.actors[tg!]!.from), t.end(syn.actors[tg!]!.to - 1)) : null;
      out.push({
        code: f.p.code,
        root: code.root,
        quadClass: code.quadClass,
        goldstein: code.goldstein,
        plover: plover ? { type: plover.type, mode: plover.mode, context: plover.context } : null,
        label: tgtName ? `${f.p.label} ${tgtName}` : f.p.label,
        source: src,
        target: tgt,
        date,
        place,
        modality: fact.modality as Modality,
        sentence,
        trigger,
        evidence: doc.text.slice(span.start, span.end),
        rule: `${f.p.id} (${f.p.entry}); args: ${f.how}`,
        confidence: Math.round((f.confidence - (fact.modality === 'asserted' ? 0 : 0.05) - (tgt ? 0 : 0.1)) * 100) / 100,
        provenance: { stage: 'events', rule: `${f.p.id}; ${f.how}`, entry: f.p.entry },
        factuality: { cue: fact.cue, ...(fact.evidential ? { evidential: fact.evidential } : {}) },
        triggerToken: i,
        sourceTokens: [syn.actors[s!]!.from, syn.actors[s!]!.to],
        targetTokens: tg === null ? null : [syn.actors[tg]!.from, syn.actors[tg]!.to],
      });
      const last = out[out.length - 1]!;
      const reverseKey = `${reverse}|${tgt}|${src}`;
      if (reverse && tgt && !seen.has(reverseKey)) {
        seen.add(reverseKey);
        out.push({ ...last, code: reverse, source: tgt, target: src, sourceTokens: last.targetTokens, targetTokens: last.sourceTokens, rule: last.rule + ' (reverse)' });
      }
    }
  }
  // "Biden condemned the attack": the attack's agent, coded in this sentence or just before, is the target
  for (const c of condemned) {
    const violent = (e: EventProposal): boolean => /^(18|19|20)/.test(e.root) && e.modality !== 'negated';
    const agg = out.find((e) => violent(e) && e.triggerToken > c.i) ?? [...out].reverse().find(violent) ?? aggressorBefore?.();
    if (!agg) continue;
    for (const s of c.f.sources.slice(0, 6)) {
      const src = syn.actors[s]!.entity;
      if (src === agg.source || placeOnly(syn.actors[s]!, entities)) continue;
      const plover = ploverFor(c.f.p.code);
      const tgtName = entities.get(agg.source!)?.name ?? agg.source!;
      out.push({
        code: c.f.p.code, root: c.code.root, quadClass: c.code.quadClass, goldstein: c.code.goldstein,
        plover: plover ? { type: plover.type, mode: plover.mode, context: plover.context } : null,
        label: `${c.f.p.label} ${tgtName}`, source: src, target: agg.source, date: c.date, place: c.place,
        modality: c.fact.modality as Modality, sentence, trigger: c.trigger, evidence: doc.text.slice(span.start, span.end),
        rule: `${c.f.p.id} (${c.f.p.entry}); args: condemned-act-agent`,
        confidence: Math.round((0.6 - (c.fact.modality === 'asserted' ? 0 : 0.05)) * 100) / 100,
        provenance: { stage: 'events', rule: `${c.f.p.id}; condemned-act-agent`, entry: c.f.p.entry },
        factuality: { cue: c.fact.cue, ...(c.fact.evidential ? { evidential: c.fact.evidential } : {}) },
        triggerToken: c.i, sourceTokens: [syn.actors[s]!.from, syn.actors[s]!.to], targetTokens: agg.sentence === sentence ? agg.sourceTokens : null,
      });
    }
  }
  return out;
}

/** Whether the verb's object (within 6 tokens, no actor or clause boundary before it) is a violent act ("condemned the attack"). */
function violentObject(syn: SentenceSyntax, v: number, pats: PatternIndex): boolean {
  for (let k = v + 1; k < Math.min(syn.to, v + 7); k++) {
    if (syn.isBoundary(k) || syn.actor(k) >= 0 || syn.pos(k) === 'VERB') return false;
    if (syn.pos(k) !== 'NOUN') continue;
    const list = pats.nouns.get(syn.lemma(k)) ?? pats.nouns.get(syn.word(k));
    if (list?.some((p) => /^(18|19|20)/.test(p.code))) return true;
    if (syn.pos(k + 1) !== 'NOUN') return false; // the object's head was no violent act
  }
  return false;
}

/**
 * Proposes the events of a document (compute, then write: the stage assigns them).
 * Long sentences are coded in windows of `maxSentenceTokens` tokens with NG_SENTENCE_TOO_LONG.
 *
 * @example
 *   const events = proposeEvents(doc); // doc has sentences, tokens, mentions, entities
 */
export function proposeEvents(doc: Doc, options: CoderOptions = {}): EventProposal[] {
  const t: TokenLayer = doc.get('tokens');
  const sentences = doc.get('sentences');
  const actors = actorSpans(doc);
  const maxLen = options.maxSentenceTokens ?? 150;
  const out: EventProposal[] = [];
  const discarded = (text: string, phrases: string[] = []): string | undefined => {
    const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return phrases.find((p) => lower.includes(` ${p} `));
  };
  const storyDiscard = discarded(doc.text, options.discards?.story);
  if (storyDiscard) {
    doc.diagnose('NG_EVENT_DISCARDED', { start: 0, end: doc.text.length }, `story discard phrase "${storyDiscard}"`);
    return out;
  }
  let a = 0;
  let tok = 0;
  for (let s = 0; s < sentences.length; s++) {
    const span = sentences[s]!;
    while (tok < t.length && t.end(tok) <= span.start) tok++;
    const from = tok;
    let to = from;
    while (to < t.length && t.start(to) < span.end) to++;
    tok = to;
    if (to === from) continue;
    while (a < actors.length && actors[a]!.to <= from) a++;
    let b = a;
    while (b < actors.length && actors[b]!.from < to) b++;
    const local = actors.slice(a, b);
    if (local.length === 0) continue; // no actors, no dyads
    const sentenceDiscard = discarded(doc.text.slice(span.start, span.end), options.discards?.sentence);
    if (sentenceDiscard) {
      doc.diagnose('NG_EVENT_DISCARDED', span, `sentence discard phrase "${sentenceDiscard}"`);
      continue;
    }
    if (to - from > maxLen) doc.diagnose('NG_SENTENCE_TOO_LONG', span, `sentence ${s} has ${to - from} tokens; coded in windows of ${maxLen}`);
    const budget = { triggers: options.maxTriggersPerSentence ?? 60 };
    for (let w = from; w < to && budget.triggers >= 0; w += maxLen) {
      const wTo = Math.min(to, w + maxLen);
      const inWin = local.filter((x) => x.from >= w && x.to <= wTo);
      if (!inWin.length) continue;
      // the agent of the latest violent act of the few sentences before, for "X condemned the attack"
      const aggressorBefore = (): EventProposal | undefined => {
        for (let k = out.length - 1; k >= 0 && out[k]!.sentence >= s - 6; k--) if (/^(18|19|20)/.test(out[k]!.root) && out[k]!.modality !== 'negated') return out[k];
        return undefined;
      };
      out.push(...codeSentence(doc, s, new SentenceSyntax(t, w, wTo, inWin, options.agentHeads), options, budget, aggressorBefore));
    }
  }
  return out;
}
