import { nameKey, validOn } from '../../kb/index.js';
import type { KbRole } from '../../kb/types.js';
import { wordsKey, wordsText, type ActorsContext, type Candidate } from '../context.js';
import { isCountry } from './01-names.js';

/** An entity being built: its key (`kb:<id>`, `gov:<cc>`, `norp:<cc>`, `place:<key>`, `name:<key>`) and mentions. */
export interface Cluster {
  key: string;
  kbId?: string;
  type: Candidate['type'];
  mentions: Candidate[];
  gender?: 'm' | 'f';
  /** Name words of the fullest name mention, for surname matching. */
  nameWords: string[];
  country?: string;
  rule: string;
  entry?: string;
  /** A mention was a product name with a version number ("Internet Explorer 6"): never a person. */
  product?: boolean;
}

/**
 * Pass 5: linking and in-document coreference. Mentions are read in text order; each is resolved
 * to a cluster: knowledge-base names to their actor (preferring actors already in the document, the
 * holder of the title cue, and actors with roles valid at the document date), surnames and short
 * forms to a fuller name earlier in the document or to a KB person of that surname, descriptions
 * to the holder of the role at the document date, regimes and capitals used as actors to the
 * government, places to the city.
 */
export function link(ctx: ActorsContext): Map<string, Cluster> {
  const clusters = new Map<string, Cluster>();
  /** The clusters in creation order, read backwards (newest first) without copying. */
  const created: Cluster[] = [];
  let lastGov: string | undefined;
  const live = ctx.candidates.filter((c) => !c.dropped).sort((a, b) => a.from - b.from || b.to - a.to);
  // Full names first, then lone unknown words, so that a surname used before the full name
  // ("Mohamed ... Ahmed Mohamed") still finds it.
  const lone = (c: Candidate): boolean => c.form === 'name' && c.to - c.nameFrom === 1;
  const order = [...live.filter((c) => !lone(c)), ...live.filter(lone)];
  for (const c of order) {
    const key = resolve(ctx, c, clusters, created, lastGov);
    if (!key) {
      c.dropped = true;
      continue;
    }
    if (c.form === 'description' && c.type === 'ORG' && c.country) lastGov = key; // "the regime" = the last named regime
    c.key = key;
    let cl = clusters.get(key);
    if (!cl) {
      const kbId = key.startsWith('kb:') ? key.slice(3) : undefined;
      const a = kbId ? ctx.kb.get(kbId) : undefined;
      cl = {
        key, kbId, type: a?.type ?? clusterType(c), mentions: [], gender: a?.gender ?? c.gender, nameWords: [],
        country: a?.country ?? c.country, rule: c.rule, entry: a?.origin ?? c.entry,
      };
      clusters.set(key, cl);
      created.push(cl);
    }
    cl.mentions.push(c);
    if (!cl.gender && c.gender) cl.gender = c.gender;
    if (!cl.kbId && c.rule === 'product') [cl.type, cl.product] = ['OTHER', true];
    if (!cl.kbId && cl.type === 'OTHER' && c.type !== 'OTHER' && !cl.product) cl.type = c.type;
    const words = wordsKey(ctx, c.nameFrom, c.to).split(' ');
    if (c.form === 'name' && words.length > cl.nameWords.length) cl.nameWords = words;
  }
  return clusters;
}

function clusterType(c: Candidate): Candidate['type'] {
  if (c.metonymy?.as === 'actor') return 'ORG';
  return c.type;
}

function govKey(ctx: ActorsContext, cc: string): string {
  return ctx.kb.government(cc) ? `kb:${cc}-gov` : `gov:${cc}`;
}

function resolve(ctx: ActorsContext, c: Candidate, clusters: Map<string, Cluster>, created: readonly Cluster[], lastGov: string | undefined): string | undefined {
  const { kb } = ctx;
  // a lone word that is the surname of a person named in full in this document ("Paris" after
  // "Valeska Paris") is that person, even when it is also a capital or a KB name
  // (a country name is no surname: "Canada" after "Environment Canada")
  if (c.form === 'name' && c.to - c.nameFrom === 1 && !c.kbIds?.some((id) => ctx.kb.get(id)?.type === 'PERSON' || isCountry(ctx, id))) {
    const w = wordsKey(ctx, c.nameFrom, c.to);
    for (const cl of clusters.values()) {
      if (cl.type === 'PERSON' && cl.nameWords.length > 1 && cl.nameWords[cl.nameWords.length - 1] === w) {
        // the person's surname, not the capital: no metonymy reading
        delete c.metonymy;
        c.type = 'PERSON';
        return cl.key;
      }
    }
  }
  if (c.metonymy?.as === 'actor' && c.country) return govKey(ctx, c.country);
  if (c.metonymy?.as === 'place') {
    const city = c.kbIds?.find((id) => !isCountry(ctx, id) && kb.get(id)?.type !== 'ORG');
    return city ? `kb:${city}` : `place:${wordsKey(ctx, c.nameFrom, c.to)}`;
  }
  if (c.form === 'demonym' && c.country) {
    const the = ctx.words[c.from - 1]?.lower === 'the';
    return c.type === 'GPE' && the ? `kb:${c.country}` : `norp:${c.country}`;
  }
  if (c.form === 'description') {
    if (c.rule === 'institution' && c.kbIds?.[0]) return `kb:${c.kbIds[0]}`;
    if (c.type === 'ORG') {
      if (c.country) return govKey(ctx, c.country);
      return lastGov;
    }
    if (!c.roleCountry) return titleAnaphor(ctx, c, clusters);
    const holder = holderFor(ctx, c.roleCountry, c.roleKind);
    return holder ? `kb:${holder}` : undefined;
  }
  // names
  const ids = c.kbIds ?? [];
  if (ids.length) {
    const pick = choose(ctx, c, ids, clusters);
    if (pick) return `kb:${pick}`;
  }
  const words = wordsKey(ctx, c.nameFrom, c.to).split(' ');
  const key = words.join(' ');
  if (c.type === 'PERSON' || c.type === 'OTHER' || (c.rule === 'unknown-name' && words.length === 1)) {
    // a short form of a fuller name earlier in the document: "Tillerson", "Al Assad"
    for (let i = created.length - 1; i >= 0; i--) {
      const cl = created[i]!;
      if (cl.type !== 'PERSON' || cl.nameWords.length <= words.length) continue;
      if (endsWith(cl.nameWords, words)) return cl.key;
    }
    // a first name alone for a person named in full earlier: "Gloria" after "Gloria Estefan"
    if (words.length === 1 && ctx.sets.firstNames.has(wordsText(ctx, c.nameFrom, c.to))) {
      for (let i = created.length - 1; i >= 0; i--) {
        const cl = created[i]!;
        if (cl.type === 'PERSON' && cl.nameWords.length > 1 && cl.nameWords[0] === words[0]) return cl.key;
      }
    }
    if (words.length <= 2 && c.type === 'PERSON') {
      const byRole = c.roleKind ? holderFor(ctx, c.roleCountry, c.roleKind) : undefined;
      const sur = kb.bySurname(key);
      if (byRole && sur.includes(byRole)) return `kb:${byRole}`;
      // a bare surname links to a KB person only when that person held a role at the document date
      const current = sur.filter((id) => kb.rolesAt(id, ctx.date).length > 0);
      const pick = current.length ? choose(ctx, c, current, clusters) : undefined;
      if (pick) return `kb:${pick}`;
    }
  }
  if (clusters.has(`name:${key}`)) return `name:${key}`;
  // (a place word is only a modifier of a longer name: "Irving" is not "Irving Police Department")
  if (words.length === 1 && c.type !== 'PERSON' && c.type !== 'GPE' && c.type !== 'LOC' && c.type !== 'FAC') {
    const text = wordsText(ctx, c.nameFrom, c.to);
    for (let i = created.length - 1; i >= 0; i--) {
      const cl = created[i]!;
      if (cl.type === 'PERSON' || cl.nameWords.length < 2) continue;
      // an acronym of an organisation named earlier: "USI" after "University of Southern Indiana"
      if (/^[A-Z]{2,6}$/.test(text) && acronym(cl) === text) return cl.key;
      // the distinctive word of a longer name: "Scientology" after "Church of Scientology"
      const w = words[0]!;
      const generic = ctx.sets.orgSuffixes.has(text) || ctx.sets.orgPrefixes.has(text) || ctx.sets.locSuffixes.has(text);
      if (!generic && (cl.nameWords[0] === w || cl.nameWords[cl.nameWords.length - 1] === w)) return cl.key;
    }
  }
  return `name:${key}`;
}

/**
 * "the President" with no country: the most recent person whose title cue in this document has the
 * same role kind ("U.S. President Donald Trump" ... "The President"); nothing when there is none.
 */
function titleAnaphor(ctx: ActorsContext, c: Candidate, clusters: Map<string, Cluster>): string | undefined {
  let best: { key: string; at: number } | undefined;
  for (const cl of clusters.values()) {
    if (cl.type !== 'PERSON') continue;
    for (const m of cl.mentions) {
      if (m.from < c.from && m.form === 'name' && m.roleKind === c.roleKind && (!best || m.from > best.at)) best = { key: cl.key, at: m.from };
    }
  }
  return best?.key;
}

const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'le', '&']);

/** Initials of a cluster's name, skipping function words: "university of southern indiana" → "USI". */
function acronym(cl: Cluster): string {
  return cl.nameWords.filter((w) => !ACRONYM_SKIP.has(w)).map((w) => w.charAt(0).toUpperCase()).join('');
}

function endsWith(full: string[], part: string[]): boolean {
  for (let i = 1; i <= part.length; i++) if (full[full.length - i] !== part[part.length - i]) return false;
  return true;
}

/** Holder of a role kind ("leader" = the country's leader role) for a country at the document date. */
export function holderFor(ctx: ActorsContext, country: string | undefined, kind: Candidate['roleKind']): string | undefined {
  if (!country || !kind) return undefined;
  const c = ctx.kb.get(country);
  const kinds: Array<KbRole['kind']> = kind === 'leader'
    ? [c?.leader ?? 'head_of_state', c?.leader === 'head_of_government' ? 'head_of_state' : 'head_of_government']
    : [kind];
  for (const k of kinds) {
    const h = ctx.kb.holderOf(country, k, ctx.date);
    if (h) return h.actor;
  }
  return undefined;
}

/**
 * Picks among same-named actors: one already in the document, the holder of the mention's title cue,
 * one whose roles are valid at the document date, a type-compatible one, else the first.
 */
function choose(ctx: ActorsContext, c: Candidate, ids: readonly string[], clusters: Map<string, Cluster>): string | undefined {
  if (ids.length === 1) return ids[0];
  const inDoc = ids.filter((id) => clusters.has(`kb:${id}`));
  if (inDoc.length === 1) return inDoc[0];
  const holder = c.roleKind ? holderFor(ctx, c.roleCountry, c.roleKind) : undefined;
  if (holder && ids.includes(holder)) return holder;
  const valid = ids.filter((id) => (ctx.kb.get(id)?.roles ?? []).some((r) => validOn(r, ctx.date)));
  if (valid.length >= 1) return valid[0];
  return ids[0];
}
