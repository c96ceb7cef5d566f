import type { TokenLayer } from '../document/tokens.js';

/**
 * Shallow syntax over one sentence on wink-nlp POS tags: verb groups, noun-phrase extents, clause
 * boundaries, subjects and objects by position. Hand-written because no maintained JS library offers a
 * fast dependency parser; the rules are the ones TABARI-style coders use (nearest unattached NP to the left
 * is the subject; appositions and relative clauses are skipped; "to V" takes its controller's subject).
 */

/** An actor occurrence in the sentence: a linked mention's token range. */
export interface ActorSpan {
  entity: string;
  from: number;
  to: number;
  type: string;
}

export interface VerbGroup {
  /** First token of the group (auxiliary or the verb). */
  start: number;
  head: number;
  passive: boolean;
  infinitive: boolean;
  gerund: boolean;
}

const TEMPORAL = new Set(['period', 'week', 'weeks', 'year', 'years', 'day', 'days', 'month', 'months', 'time', 'autumn', 'spring', 'summer', 'winter', 'morning', 'evening', 'night', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'meanwhile']);
const LINKING = new Set(['remain', 'seem', 'appear', 'become', 'look', 'feel', 'grow']);
/** Heads of possessed nouns that stand for their possessor as an actor ("Arnor's troops"). */
const AGENTIVE_HEADS = new Set(['troops', 'forces', 'army', 'soldiers', 'government', 'embassy', 'positions', 'bases', 'base', 'military', 'police', 'officials', 'leader', 'president', 'people', 'citizens', 'territory', 'ships', 'jets', 'navy', 'diplomats', 'ambassador', 'minister', 'leaders', 'regime', 'allies', 'militia', 'fighters', 'rebels', 'convoy', 'border', 'capital', 'envoy', 'delegation', 'forces', 'units', 'planes', 'aircraft', 'warplanes', 'villages', 'towns', 'cities']);
/** Words wink tags ADP that introduce clauses, not prepositional objects ("As Trump remarked", "after the regime was"). */
const SUBORDINATORS = new Set(['as', 'because', 'since', 'while', 'after', 'before', 'if', 'when', 'although', 'though', 'that', 'whether', 'until', 'once', 'unless']);
const REL = new Set(['who', 'which', 'that', 'whom']);
const SUBJECT_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we']);
const COPULA = new Set(['is', 'was', 'are', 'were', "'s", 'be', 'been', 'being', 'remains', 'remain']);
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", "'re"]);
const BOUNDARY_WORDS = new Set(['because', 'although', 'though', 'while', 'whereas', 'but', 'when', 'if', 'unless', 'after', 'before', 'since', 'then']);
const HARD = new Set([';', ':', '—', '–', '(', ')', '“', '”', '"']);
/** Verbs whose infinitive complement takes the object as its subject ("asked Russia to intervene"). */
const OBJECT_CONTROL = new Set(['ask', 'urge', 'persuade', 'help', 'force', 'allow', 'invite', 'get', 'encourage', 'press', 'order', 'tell', 'call', 'push', 'convince', 'enable', 'lead', 'prompt', 'want']);
const IRREGULAR_PARTICIPLES = new Set(['held', 'hit', 'shot', 'struck', 'seen', 'taken', 'given', 'beaten', 'fought', 'caught', 'built', 'sent', 'made', 'told', 'brought', 'known', 'shown', 'driven', 'thrown', 'broken', 'stolen', 'slain', 'led', 'kept', 'left', 'met', 'bought', 'found', 'won', 'sought', 'overrun', 'forgiven', 'withdrawn']);

/** A sentence with POS-tag helpers and the actors in it. */
export class SentenceSyntax {
  readonly actorAt: Int32Array;
  constructor(
    readonly t: TokenLayer,
    readonly from: number,
    readonly to: number,
    readonly actors: ActorSpan[],
    /** More heads of possessed nouns that stand for their possessor (an agents dictionary's words). */
    readonly agentHeads: ReadonlySet<string> = new Set(),
  ) {
    this.actorAt = new Int32Array(Math.max(0, to - from)).fill(-1);
    actors.forEach((a, k) => {
      for (let i = a.from; i < a.to; i++) if (i >= from && i < to) this.actorAt[i - from] = k;
    });
  }

  // words and lemmas are read many times per trigger: computed once per token
  private readonly words: Array<string | undefined> = [];
  private readonly lemmas: Array<string | undefined> = [];
  word(i: number): string {
    return (this.words[i - this.from] ??= this.t.normal(i).replace(/[’‘]/g, "'"));
  }
  lemma(i: number): string {
    return (this.lemmas[i - this.from] ??= this.t.lemma(i).toLowerCase());
  }
  pos(i: number): string {
    return this.t.pos(i);
  }
  actor(i: number): number {
    return i >= this.from && i < this.to ? this.actorAt[i - this.from]! : -1;
  }

  isVerb(i: number): boolean {
    return this.pos(i) === 'VERB';
  }

  /** Whether token `i` ends a clause for argument search (hard punctuation, subordinating words). */
  isBoundary(i: number): boolean {
    const w = this.word(i);
    return HARD.has(w) || BOUNDARY_WORDS.has(w);
  }

  /** The verb group whose head is `v`. */
  group(v: number): VerbGroup {
    let start = v;
    let be = false;
    while (start - 1 >= this.from) {
      const p = this.pos(start - 1);
      const w = this.word(start - 1);
      if (w === 'doubt' && start - 2 >= this.from && this.word(start - 2) === 'no') {
        start -= 2;
        continue;
      }
      if (p === 'AUX' || (p === 'PART' && (w === 'not' || w === "n't")) || p === 'ADV' || (p === 'VERB' && LINKING.has(this.lemma(start - 1)))) {
        if (p === 'AUX' && BE.has(w)) be = true;
        start--;
      } else break;
    }
    const text = this.word(v);
    const participle = /(ed|en)$/.test(text) || IRREGULAR_PARTICIPLES.has(text);
    const infinitive = start - 1 >= this.from && this.word(start - 1) === 'to' && this.pos(start - 1) === 'PART';
    return { start, head: v, passive: be && participle && !text.endsWith('ing'), infinitive, gerund: text.endsWith('ing') };
  }

  /** Actors coordinated with actor `k` by "and" / "," ("Putin and Mattarella"), including `k`. */
  coordinated(k: number, direction: 'left' | 'right'): number[] {
    const out = [k];
    let a = this.actors[k]!;
    for (;;) {
      if (direction === 'left') {
        // "Mordor, Rohan, Fornost and the evil awful Gondor": skip the conjunct's modifiers, then "and"/","
        let c = a.from - 1;
        while (c > this.from && ['DET', 'ADJ'].includes(this.pos(c)) && this.actor(c) < 0) c--;
        if (c - 1 < this.from) break;
        const w = this.word(c);
        const first = out.length === 1;
        if (c - 1 < this.from || !(['and', 'or'].includes(w) || (w === ',' && !first))) break;
        if (c - 1 > this.from && this.word(c - 1) === ',' && w !== ',') c--; // Oxford comma
        const prev = this.actor(c - 1);
        // "In Syria, Russia and Iran ...": a prepositional object is not a conjunct
        const ofList = (): boolean => this.word(this.npStart(this.actors[prev]!.from) - 1) === 'of';
        if (prev < 0 || out.includes(prev) || (w === ',' && this.attached(prev) === 'prep' && !ofList())) break;
        out.push(prev);
        a = this.actors[prev]!;
      } else {
        const c = a.to;
        if (c + 1 >= this.to || !['and', 'or', ','].includes(this.word(c))) break;
        let n = c + 1;
        if (this.word(n) === 'and' || this.word(n) === 'or') n++;
        while (n < this.to - 1 && ['DET', 'ADJ'].includes(this.pos(n)) && this.actor(n) < 0) n++;
        const next = this.actor(n);
        if (next < 0 || next === k) break;
        const nx = this.actors[next]!;
        if (nx.to < this.to && this.word(nx.to) === "'s") break;
        if (this.word(c) === ',' && !(nx.to < this.to && ['and', 'or', ','].includes(this.word(nx.to)))) break;
        out.push(next);
        a = this.actors[next]!;
      }
    }
    return out;
  }

  /** Start of the noun phrase that ends at token `i` (determiners, adjectives, nouns, possessives). */
  npStart(i: number): number {
    let s = i;
    while (s - 1 >= this.from) {
      const p = this.pos(s - 1);
      const w = this.word(s - 1);
      if (TEMPORAL.has(w) && this.pos(s) === 'PROPN') break;
      // "Secretary of State Rex Tillerson": "of" inside a title
      if (w === 'of' && s - 2 >= this.from && this.pos(s - 2) === 'PROPN' && this.pos(s) === 'PROPN') {
        s -= 2;
        continue;
      }
      if (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(p) || w === "'s" || w === '-' || (p === 'PRON' && ['its', 'his', 'her', 'their', 'our', 'my', 'your'].includes(w)) || (p === 'VERB' && s - 2 >= this.from && this.word(s - 2) === '-')) s--;
      else break;
    }
    return s;
  }

  /** "Soldiers from Gondor", "human rights activists in Arnor": the actor names the agents' side, so it acts. */
  private agentOfActor(k: number): boolean {
    const s = this.npStart(this.actors[k]!.from);
    const prep = s - 1;
    if (prep - 1 < this.from || !['from', 'of', 'in'].includes(this.word(prep))) return false;
    const head = this.word(prep - 1);
    // wink tags a capitalised first word ("Soldiers from ...") PROPN
    return ['NOUN', 'PROPN'].includes(this.pos(prep - 1)) && (AGENTIVE_HEADS.has(head) || this.agentHeads.has(head));
  }

  /** Whether actor `k` is governed by a preposition (the object of "from", "with"...), or a possessor. */
  private attached(k: number): 'prep' | 'possessor' | null {
    const a = this.actors[k]!;
    if (a.to < this.to && (this.word(a.to) === "'s" || this.word(a.to) === "'")) return 'possessor';
    let s = this.npStart(a.from);
    // "in south Ithilen", "in eastern Ghouta": a direction word tagged ADV between the preposition and the name
    while (s - 1 > this.from && this.pos(s - 1) === 'ADV' && this.pos(s - 2) === 'ADP') s--;
    if (s - 1 >= this.from && this.pos(s - 1) === 'ADP' && !SUBORDINATORS.has(this.word(s - 1))) return 'prep';
    return null;
  }

  /** Token ranges of appositions and comma-enclosed relative clauses before `limit`. */
  private parentheticals(limit: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let open = -1;
    for (let i = this.from; i < limit; i++) {
      if (this.word(i) !== ',') continue;
      if (open >= 0) {
        const first = open + 1;
        const w = this.word(first);
        const p = this.pos(first);
        let hasVerb = false;
        for (let k = first; k < i; k++) if (this.isVerb(k)) hasVerb = true;
        if (REL.has(w) || w === 'whose' || ((p === 'DET' || p === 'ADJ' || p === 'PROPN' || p === 'NOUN') && !hasVerb)) out.push([open, i + 1]);
      }
      open = i;
    }
    return out;
  }

  /** The actors that are the subject of the verb group `g` (coordinated subjects included). */
  subjectOf(g: VerbGroup, depth = 0): number[] {
    if (depth > 4) return [];
    const k = g.start - 1;
    if (k < this.from) return [];
    // relative clause: "Iran, which backs ..." / "another organisation that has joined ..."
    if (REL.has(this.word(k)) && this.pos(k) === 'PRON' || this.word(k) === 'who') {
      let ant = k - 1;
      if (ant >= this.from && this.word(ant) === ',') ant--;
      const hit = ant >= this.from ? this.actor(ant) : -1;
      if (hit >= 0) return this.coordinated(hit, 'left');
      const s = ant >= this.from ? this.npStart(ant) : this.from;
      if (s - 1 >= this.from && COPULA.has(this.word(s - 1))) return this.subjectOf(this.group(s - 1), depth + 1);
      return [];
    }
    // infinitive: the controller's subject, or its object for object-control verbs
    if (g.infinitive) {
      const ctl = this.previousVerb(g.start - 1);
      // "the rebels were about to capture", "Russia is able to": the subject of the auxiliary
      const aux = this.previousAux(g.start - 1);
      // "Putin's stubborn refusal to abandon": the noun's possessor controls the infinitive
      if (g.start - 2 >= this.from && this.pos(g.start - 2) === 'NOUN') {
        const np = this.npStart(g.start - 2);
        for (let i = np; i < g.start - 2; i++) if (this.actor(i) >= 0) return [this.actor(i)];
      }
      if (aux >= 0 && aux > ctl) return this.subjectOf({ start: this.group(aux).start, head: aux, passive: false, infinitive: false, gerund: false }, depth + 1);
      if (ctl < 0) return [];
      if (OBJECT_CONTROL.has(this.lemma(ctl))) {
        const obj = this.firstActorAfter(ctl + 1, g.start - 1);
        if (obj >= 0) return [obj];
      }
      return this.subjectOf(this.group(ctl), depth + 1);
    }
    // gerund after a preposition ("joined Moscow in condemning", "by offering"): the governing verb's subject
    if (g.gerund && this.pos(k) === 'ADP') {
      const ctl = this.previousVerb(k);
      if (ctl >= 0) return this.subjectOf(this.group(ctl), depth + 1);
      return [];
    }
    const skip = this.parentheticals(g.start);
    const inParen = (i: number): boolean => skip.some(([a, b]) => i >= a && i < b);
    // "Eriador's death toll has risen": with no other actor in the clause, the possessor is the subject
    let possessor = -1;
    // "Ethiopia indicated it deplored Libya", "Russia said it would strike": an unresolved subject pronoun
    // refers to the subject of the verb that introduces the clause
    let pronoun = false;
    for (let i = k; i >= this.from; i--) {
      if (inParen(i)) continue;
      if (HARD.has(this.word(i)) || (this.isBoundary(i) && i !== k)) break;
      // a verb-tagged word inside a name ("Ministry of Silly Walks") is part of the actor, not a clause
      if (this.pos(i) === 'PRON' && SUBJECT_PRONOUNS.has(this.word(i)) && this.actor(i) < 0 && !pronoun) {
        pronoun = true;
        continue;
      }
      if (this.isVerb(i) && !inParen(i) && this.actor(i) < 0) {
        if (pronoun) return this.subjectOf(this.group(i), depth + 1);
        // coordinated verb phrase: "X attacked Y and killed Z"
        let cc = false;
        for (let j = i + 1; j < g.start; j++) if (this.word(j) === 'and' || this.word(j) === 'or') cc = true;
        if (cc) return this.subjectOf(this.group(i), depth + 1);
        if (this.word(k) === ',' || this.pos(k) === 'ADP') return this.subjectOf(this.group(i), depth + 1);
        return [];
      }
      const hit = this.actor(i);
      if (hit < 0) continue;
      const how = this.attached(hit);
      if (how && !this.agentOfActor(hit)) {
        if (how === 'possessor' && possessor < 0) possessor = hit;
        i = this.actors[hit]!.from;
        continue;
      }
      return this.coordinated(hit, 'left');
    }
    return possessor >= 0 ? [possessor] : [];
  }

  /**
   * The actor heading the noun phrase that actor `k` starts: a demonym or name that modifies a later
   * name is not an argument on its own ("Italian counterpart Sergio Mattarella" → Mattarella).
   */
  headActor(k: number): number {
    let head = k;
    for (let i = this.actors[k]!.to; i < this.to; i++) {
      const hit = this.actor(i);
      if (hit >= 0 && hit !== head) {
        head = hit;
        i = this.actors[hit]!.to - 1;
        continue;
      }
      if (!['NOUN', 'PROPN', 'ADJ'].includes(this.pos(i)) || this.word(i) === "'s") break;
    }
    return head;
  }

  /** The head noun of the noun phrase starting at `i` (last of a run of adjectives and nouns). */
  possessedHead(i: number): number {
    let k = i;
    while (k + 1 < this.to && ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(this.pos(k + 1)) && this.pos(k) !== 'NOUN') k++;
    while (k + 1 < this.to && this.pos(k + 1) === 'NOUN') k++;
    return k;
  }

  /** The nearest auxiliary within 4 tokens before `i` ("were about to"), or -1. */
  previousAux(i: number): number {
    for (let k = i - 1; k >= this.from && i - k <= 4; k--) {
      if (this.pos(k) === 'AUX') return k;
      if (this.isVerb(k) || HARD.has(this.word(k))) return -1;
    }
    return -1;
  }

  /** The nearest verb (not auxiliary) before token `i` in the sentence, or -1. */
  previousVerb(i: number): number {
    for (let k = i - 1; k >= this.from && i - k < 30; k--) {
      if (this.isVerb(k)) return k;
      if (HARD.has(this.word(k))) return -1;
    }
    return -1;
  }

  /** First actor starting in [from, to), or -1. */
  firstActorAfter(from: number, to: number): number {
    for (let i = from; i < to; i++) {
      const hit = this.actor(i);
      if (hit >= 0) return hit;
    }
    return -1;
  }

  /**
   * Arguments to the right of token `after`, until the clause ends or the next verb: the first actor not
   * governed by a preposition (the direct object) and, per preposition, the first actor it governs.
   */
  rightArgs(after: number, maxTokens = 14): { obj: number[]; preps: Map<string, number[]>; first: number[]; end: number } {
    const preps = new Map<string, number[]>();
    let obj: number[] = [];
    let first: number[] = [];
    let prep: string | null = null;
    let seenPrep = false;
    const limit = Math.min(this.to, after + 1 + maxTokens);
    let i = after + 1;
    for (; i < limit; i++) {
      const w = this.word(i);
      const p = this.pos(i);
      // a comma ends the verb's arguments ("burned down its embassy, a senior official said"); lists of
      // actors after it are joined by coordinated()
      // but not one between adjectives ("complete, full diplomatic ties")
      // a coordinated subordinate clause ("would invest in projects and that India will cooperate") ends them too
      if (this.isBoundary(i) || (REL.has(w) && p === 'PRON') || (p === 'SCONJ' && i > after + 1 && this.word(i - 1) === 'and')) break;
      if (w === ',' && !(i + 1 < this.to && ['ADJ', 'NOUN'].includes(this.pos(i + 1)) && this.actor(i + 1) < 0)) break;
      if (p === 'VERB' && !(i > this.from && this.word(i - 1) === '-')) {
        // participial modifiers ("rebel-held", "US-backed") and reduced relatives ("memos sent by Bree",
        // "ground seized in") sit inside noun phrases; other verbs end the search
        const reduced = i > this.from && this.pos(i - 1) === 'NOUN' && /(ed|en|nt|ing)$/.test(w) && i + 1 < this.to && this.pos(i + 1) === 'ADP';
        // "the affected villages": a participle between a determiner and its noun is an adjective;
        // "the reopening of guest houses": a gerund after a determiner is a noun
        const attributive = i > this.from && ['DET', 'ADJ'].includes(this.pos(i - 1)) && i + 1 < this.to && (['NOUN', 'PROPN', 'ADJ'].includes(this.pos(i + 1)) || (w.endsWith('ing') && this.pos(i + 1) === 'ADP'));
        if (!reduced && !attributive) break;
      }
      if (p === 'ADP' || w === 'to') {
        prep = w;
        continue;
      }
      let hit = this.actor(i);
      if (hit < 0) continue;
      hit = this.headActor(hit);
      const a = this.actors[hit]!;
      if (a.to + 1 < this.to && this.word(a.to) === "'s") {
        // "Gondor's proposals": the possessed thing, not Gondor; "Gondor's government", "with Libya's ." : Gondor/Libya
        const head = this.possessedHead(a.to + 1);
        const noun = ['NOUN', 'PROPN'].includes(this.pos(head));
        if (noun && !AGENTIVE_HEADS.has(this.word(head)) && !this.agentHeads.has(this.word(head))) {
          i = head;
          continue;
        }
      }
      const group = this.coordinated(hit, 'right');
      if (!first.length) first = group;
      if (prep) {
        if (!preps.has(prep)) preps.set(prep, group);
        prep = null;
        seenPrep = true;
      } else if (!obj.length && !seenPrep) obj = group;
      i = this.actors[group[group.length - 1]!]!.to - 1;
    }
    return { obj, preps, first, end: i };
  }

  /** The token after skipping `n` noun phrases (runs of determiners, adjectives, nouns) from `i`, prepositions between. */
  skipPhrases(i: number, n: number): number {
    let k = i;
    for (let done = 0; done < n && k < this.to; done++) {
      while (k < this.to && !['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(this.pos(k))) k++;
      while (k < this.to && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(this.pos(k))) k++;
    }
    return k;
  }
}
