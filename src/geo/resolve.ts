import { geoCues } from './cues.js';
import { distanceKm, foldName, gazetteer, type GazEntry, type GazHit } from './gazetteer.js';

/** A place name to resolve, with what the text says about it. */
export interface ToponymInput {
  name: string;
  start: number;
  end: number;
  /** Gazetteer hits when the caller already has them (the detector does); looked up otherwise. */
  hits?: GazHit[];
  /** ISO country known for certain (a KB link of the actors stage); resolves straight to the country. */
  country?: string | null;
}

/** One scored candidate. */
export interface ScoredCandidate {
  entry: GazEntry;
  score: number;
  /** The parts of the score, for the `reason`. */
  parts: string[];
  alias?: string;
  /** Set when how the text writes the name picked this reading ("Tacoma, Washington", a list of states, "X state"). */
  written?: boolean;
}

/** The resolution of one toponym. */
export interface Resolution {
  input: ToponymInput;
  /** Best candidate, or null when the gazetteer does not know the name. */
  best: ScoredCandidate | null;
  /** Top candidates, best first (at most 5). */
  candidates: ScoredCandidate[];
  reason: string;
}

/** What the whole document says about where it is: country shares and whether it reads as politics. */
export interface GeoContext {
  /** Share of the document's country evidence per ISO country (sums to 1 when there is any). */
  focus: Map<string, number>;
  /** Country evidence weight per ISO country, and what each name (folded) contributed to it. */
  counts: Map<string, number>;
  byName: Map<string, Map<string, number>>;
  political: boolean;
  /** The document text, for the admin-hierarchy rule ("Springfield, Illinois"). */
  text: string;
}

/** How the candidates are scored: `context` (the default) or `population` (the baseline of the eval). */
export type ResolveMethod = 'context' | 'population';

const CONTAINERS = new Set(['PCLI', 'CONT', 'RGN', 'OCN', 'SEA', 'GULF']);
const MAJOR = new Set(['PPLC', 'PPLA', 'ADM1']);

/** Prior of a feature class: countries and regions are what a bare name most often means in news. */
function featurePrior(code: string): number {
  if (code === 'PCLI' || code === 'PCLH') return 1.3;
  if (code === 'CONT') return 1;
  if (code === 'PPLC' || code === 'ADM1') return 0.8;
  // A named airport or landmark building is what the name means, not a village that shares it ("Heathrow", "White House").
  if (['RGN', 'TERR', 'SEA', 'GULF', 'OCN', 'STRT', 'PEN', 'DSRT', 'MTS', 'STM', 'VAL', 'LK', 'ISL', 'AIRP', 'BLDG'].includes(code)) return 0.9;
  if (code === 'ADM2') return 0.6;
  if (code === 'PPLA') return 0.45;
  if (code === 'PPLA2') return 0.2;
  return 0.1;
}

/**
 * Builds the document's geographic context: country shares from the country names, adjectives and
 * unambiguous toponyms in it, plus extra evidence (e.g. the countries of linked actors), and whether
 * political words are frequent (for the `political` aliases such as Washington → Washington, D.C.).
 *
 * @example
 *   const ctx = geoContext(text, toponyms, new Map([['SY', 3]]));
 *   ctx.focus.get('SY'); // 0.6
 */
export function geoContext(text: string, toponyms: ToponymInput[], extra: Map<string, number> = new Map()): GeoContext {
  const counts = new Map<string, number>(extra);
  const byName = new Map<string, Map<string, number>>();
  let current = '';
  const bump = (iso: string, w: number): void => {
    counts.set(iso, (counts.get(iso) ?? 0) + w);
    const own = byName.get(current) ?? new Map<string, number>();
    own.set(iso, (own.get(iso) ?? 0) + w);
    byName.set(current, own);
  };
  for (const t of toponyms) {
    current = foldName(t.name);
    if (t.country) {
      bump(t.country, 1);
      continue;
    }
    const hits = t.hits ?? lookupName(t.name);
    const country = hits.find((h) => h.entry.featureCode === 'PCLI');
    if (country) {
      bump(country.entry.country!, 1);
      continue;
    }
    // A name whose readings all lie in one country is evidence for it ("Latakia"); a reading without
    // a country (the European Union for "EU") makes it ambiguous.
    const isos = new Set(hits.map((h) => h.entry.country ?? '-'));
    if (isos.size === 1 && !isos.has('-')) bump([...isos][0]!, 0.5);
    else if (hits.length) {
      // An ambiguous name still says something: the country of its most prominent reading.
      const top = [...hits].sort((a, b) => featurePrior(b.entry.featureCode) + Math.log10(b.entry.population + 1) / 7
        - featurePrior(a.entry.featureCode) - Math.log10(a.entry.population + 1) / 7)[0]!;
      if (top.entry.country && (top.entry.featureCode === 'PPLC' || top.entry.population > 1e6)) bump(top.entry.country, 0.3);
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const focus = new Map<string, number>();
  for (const [iso, n] of counts) focus.set(iso, total ? n / total : 0);
  const cues = geoCues();
  // Two political words suffice: stop scanning at the second.
  let politicalWords = 0;
  const lower = text.toLowerCase();
  const word = /[a-z]+/g;
  for (let m = word.exec(lower); m && politicalWords < 2; m = word.exec(lower)) if (cues.political.has(m[0])) politicalWords++;
  const political = politicalWords >= 2;
  return { focus, counts, byName, political, text };
}

/** The share of the document's country evidence for `iso`, leaving out what the name itself contributed. */
function shareFor(ctx: GeoContext, iso: string, name: string): number {
  const own = ctx.byName.get(foldName(name));
  let total = 0;
  for (const v of ctx.counts.values()) total += v;
  if (own) for (const v of own.values()) total -= v;
  const n = (ctx.counts.get(iso) ?? 0) - (own?.get(iso) ?? 0);
  return total > 1e-9 && n > 0 ? n / total : 0;
}

/** Generic heads dropped when the full name is unknown ("Orange County" → Orange, "Idlib province" → Idlib). */
const GENERIC_HEAD = /\s+(county|parish|province|governorate|oblast|region|district|state|city|municipality|prefecture)$/i;

/**
 * Gazetteer hits for a name as written: possessive and leading "the" stripped; an adjective adds its
 * place ("Canadian" → Canada, ahead of the town of Canadian, Texas); an unknown "X County" falls back to X.
 *
 * @example
 *   lookupName("Syria's")[0]?.entry.featureCode; // 'PCLI'
 */
export function lookupName(name: string): GazHit[] {
  const gaz = gazetteer();
  const clean = name.replace(/['’]s?$/u, '').replace(/^the\s+/i, '').trim();
  const hits = [...gaz.lookup(clean)];
  const adjective = gaz.adjective(clean);
  if (adjective && !hits.some((h) => h.entry === adjective.entry)) hits.push({ entry: adjective.entry, via: 'name' });
  if (!hits.length && GENERIC_HEAD.test(clean)) {
    const base = gaz.lookup(clean.replace(GENERIC_HEAD, ''));
    // "X County" is the American form (Britain says "Suffolk", Ireland "County Cavan").
    const us = /\s+county$/i.test(clean) ? base.filter((h) => h.entry.country === 'US') : [];
    return us.length ? us : base;
  }
  if (!hits.length) return partHits(clean);
  return hits;
}

/**
 * For a name the gazetteer lacks, the longest run of its words that is a prominent place: a
 * university, agency or venue named after a place is usually in or near it ("University of
 * California", "Manila Cathedral"). Only countries, first-level regions, capitals, admin seats and
 * cities of 100,000 or more qualify, so that "Trump Tower" does not become a village called Trump.
 */
function partHits(name: string): GazHit[] {
  const gaz = gazetteer();
  const words = name.split(/\s+/);
  if (words.length < 2) return [];
  for (let len = words.length - 1; len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const part = words.slice(i, i + len).join(' ');
      if (!/^\p{Lu}/u.test(part)) continue;
      const found = [...gaz.lookup(part)];
      const adjective = gaz.adjective(part);
      if (adjective && !adjective.plural) found.push({ entry: adjective.entry, via: 'name' });
      const prominent = found.filter((h) => h.via === 'alias' || h.entry.population >= 1e5
        || ['PCLI', 'ADM1', 'PPLC', 'PPLA', 'CONT', 'RGN'].includes(h.entry.featureCode));
      if (prominent.length) return prominent.map((h) => ({ entry: h.entry, via: 'part', row: part }));
    }
  }
  return [];
}

/**
 * Resolves toponyms with their document context. Each candidate scores its feature class and
 * population, the document's focus on its country, an alias bonus (strong for `political` aliases in
 * political text), and, in a second pass, nearness to the other places resolved in the document.
 * `population` method: the most populous candidate (the baseline of the eval).
 *
 * @example
 *   const ctx = geoContext(text, inputs);
 *   resolveToponyms(inputs, ctx)[0].best?.entry.name; // 'Tartouss'
 */
export function resolveToponyms(inputs: ToponymInput[], ctx: GeoContext, method: ResolveMethod = 'context'): Resolution[] {
  const gaz = gazetteer();
  const first = inputs.map((input) => {
    if (input.country && gaz.country(input.country)) {
      const entry = gaz.country(input.country)!.entry;
      const hits = input.hits ?? lookupName(input.name);
      if (!hits.length || hits.some((h) => h.entry === entry)) {
        return [{ entry, score: 1, parts: [`linked country ${input.country}`] }] as ScoredCandidate[];
      }
    }
    const hits = input.hits ?? lookupName(input.name);
    return hits.map((h) => score(h, ctx, method, input.name)).sort((a, b) => b.score - a.score);
  });
  if (method === 'context') {
    first.forEach((cands, k) => applyHierarchy(cands, inputs[k]!, ctx.text));
    oneSensePerDocument(first, inputs);
    // Second pass: places near the other places of the document (co-mention) gain.
    // One anchor per distinct name (a long article repeats its places).
    const seen = new Set<string>();
    const anchors = first
      .map((c, k) => ({ c: c[0], name: foldName(inputs[k]!.name) }))
      .filter((a): a is { c: ScoredCandidate; name: string } => !!a.c && !CONTAINERS.has(a.c.entry.featureCode)
        && !seen.has(a.name) && (seen.add(a.name), true));
    first.forEach((cands, k) => {
      if (cands.length < 2) return;
      const own = foldName(inputs[k]!.name);
      for (const c of cands) {
        const near = anchors.find((a) => a.name !== own
          && distanceKm(a.c.entry.lat, a.c.entry.lon, c.entry.lat, c.entry.lon) < 250);
        if (near) {
          c.score += 0.15;
          c.parts.push(`near ${near.c.entry.name}`);
        }
      }
      cands.sort((a, b) => b.score - a.score);
    });
  }
  return first.map((cands, k) => {
    const best = cands[0] ?? null;
    return {
      input: inputs[k]!,
      best,
      candidates: dedupe(cands).slice(0, 5),
      reason: best ? best.parts.join('; ') : 'not in the gazetteer',
    };
  });
}

/** Feature codes of the areas that can follow a town and a comma as its container ("Tacoma, Washington"). */
const CONTAINER_AREAS = new Set(['PCLI', 'PCLH', 'ADM1', 'TERR']);
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}`;
const NAME_AFTER_COMMA = new RegExp(`^,\\s*(${NAME})`, 'u');
const NAME_BEFORE_COMMA = new RegExp(`(${NAME}),\\s*$`, 'u');
/** What follows the second name of a list ("Paris, London and Berlin", "Ohio, Oregon, Texas"): not an admin hierarchy. */
const LIST_GOES_ON = /^\s*(,\s*)?(and|or|&)\s|^\s*,\s*\p{Lu}/u;

/**
 * One sense per document: when the text settles a name's reading at one mention ("Tacoma, Washington"),
 * its other mentions ("home in Washington") take the same reading unless they are settled otherwise.
 */
function oneSensePerDocument(all: ScoredCandidate[][], inputs: ToponymInput[]): void {
  const settled = new Map<string, GazEntry>();
  all.forEach((cands, k) => {
    const best = cands[0];
    if (best?.written) settled.set(foldName(inputs[k]!.name), best.entry);
  });
  if (!settled.size) return;
  all.forEach((cands, k) => {
    const entry = settled.get(foldName(inputs[k]!.name));
    if (!entry || cands[0]?.written) return;
    const c = cands.find((x) => x.entry === entry);
    if (!c) return;
    c.score += 1;
    c.parts.push('same reading as where the text settles it');
    cands.sort((a, b) => b.score - a.score);
  });
}

/** 0 for countries, 1 for first-level regions, 2 for counties, 3 for everything smaller. */
function adminLevel(code: string): number {
  if (code === 'PCLI' || code === 'PCLH') return 0;
  if (code === 'ADM1' || code === 'TERR') return 1;
  return code === 'ADM2' ? 2 : 3;
}

const REGION_AFTER = /^\s+(state|province|governorate|oblast|region)\b/;
const REGION_BEFORE = /\b(state|province|governorate|oblast|region) of\s+$/i;

/** The longest run of words, from the start (`fromEnd` false) or the end, that the gazetteer knows with a reading that passes `ok`. */
function knownRun(words: string[], fromEnd: boolean, ok: (e: GazEntry) => boolean): GazEntry | null {
  for (let n = words.length; n >= 1; n--) {
    const part = (fromEnd ? words.slice(words.length - n) : words.slice(0, n)).join(' ').replace(/['’]s$/u, '');
    // The plain index, not lookupName: no adjective or part-of-name readings, and cheap (this runs per candidate-rich toponym).
    const hit = gazetteer().lookup(part).find((h) => ok(h.entry));
    if (hit) return hit.entry;
  }
  return null;
}

/**
 * What the way a name is written says about its reading. The admin hierarchy "Town, Region"
 * ("Springfield, Illinois", "LaFayette, Ga.", "Latakia, Syria"): the town's readings in the region gain
 * (same admin1 code, else nearness to the region's point), and the region after a town reads as a region
 * ("Tacoma, Washington" is the state); a list ("Paris, London and Berlin") is not a hierarchy. A list of
 * regions or countries lifts the readings at their level ("Utah, Virginia, Washington and Wyoming"), and
 * "X state", "the province of X" make X the region. Readings picked this way are marked `written`.
 */
function applyHierarchy(cands: ScoredCandidate[], input: ToponymInput, text: string): void {
  if (!text || cands.length < 2) return;
  const before = text.slice(Math.max(0, input.start - 60), input.start);
  const after = NAME_AFTER_COMMA.exec(text.slice(input.end, input.end + 60));
  if (after && !/,\s*$/.test(before) && !LIST_GOES_ON.test(text.slice(input.end + after[0].length, input.end + after[0].length + 8))) {
    const area = knownRun(after[1]!.split(/\s+/), false, (e) => CONTAINER_AREAS.has(e.featureCode));
    if (area?.country) {
      for (const c of cands) {
        if (c.entry.country !== area.country || adminLevel(c.entry.featureCode) <= adminLevel(area.featureCode)) continue;
        // Same admin1 code when both carry one; else nearness to the region's point stands in for it.
        const coded = area.featureCode === 'ADM1' && area.admin1 && c.entry.admin1;
        if (coded && area.admin1 !== c.entry.admin1) continue;
        const near = coded ? 1 : area.featureCode === 'ADM1' ? Math.max(0, 1 - distanceKm(area.lat, area.lon, c.entry.lat, c.entry.lon) / 600) : 0;
        c.score += 0.6 + 0.4 * near;
        c.parts.push(`in ${area.name} (written after it)`);
        c.written = true;
      }
    }
  }
  const town = NAME_BEFORE_COMMA.exec(before);
  const rest = text.slice(input.end, input.end + 8);
  if (town && !/,\s*$/.test(before.slice(0, town.index)) && !LIST_GOES_ON.test(rest)) {
    const words = town[1]!.split(/\s+/);
    const place = knownRun(words, true, (e) => e.featureCode.startsWith('PPL'));
    // The name before the comma must be a town, not a region or country of its own ("Ohio, Oregon").
    if (place && !knownRun(words, true, (e) => !e.featureCode.startsWith('PPL'))) {
      for (const c of cands) {
        if (!CONTAINER_AREAS.has(c.entry.featureCode)) continue;
        c.score += 0.8;
        c.parts.push(`container of ${place.name}`);
        c.written = true;
      }
    }
  }
  // A list of regions or countries ("Utah, Virginia, Washington and Wyoming"; "Armenia, Georgia and
  // Azerbaijan"): the readings at the level of the neighbouring items gain.
  const prevItem = /(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})(?:,|,? and|,? or)\s+$/u.exec(before);
  const nextItem = /^(?:,|,? and|,? or)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})/u.exec(text.slice(input.end, input.end + 60));
  const levels = new Set<number>();
  for (const [m, fromEnd] of [[prevItem, true], [nextItem, false]] as const) {
    if (!m) continue;
    const area = knownRun(m[1]!.split(/\s+/), fromEnd, (e) => e.featureCode === 'PCLI' || e.featureCode === 'ADM1');
    if (area && !knownRun(m[1]!.split(/\s+/), fromEnd, (e) => e.featureCode.startsWith('PPL') && e.population >= 1e5)) levels.add(adminLevel(area.featureCode));
  }
  if (levels.size === 1) {
    const level = [...levels][0]!;
    for (const c of cands) {
      if (adminLevel(c.entry.featureCode) !== level || !CONTAINER_AREAS.has(c.entry.featureCode)) continue;
      c.score += 1;
      c.parts.push(level === 0 ? 'in a list of countries' : 'in a list of regions');
        c.written = true;
    }
  }
  // "Washington state", "the state of Washington", "Idlib province": the name is the region.
  if (REGION_AFTER.test(text.slice(input.end, input.end + 16)) || REGION_BEFORE.test(before)) {
    for (const c of cands) {
      if (c.entry.featureCode !== 'ADM1') continue;
      c.score += 0.8;
      c.parts.push('called a state or province');
        c.written = true;
    }
  }
  cands.sort((a, b) => b.score - a.score);
}

function score(hit: GazHit, ctx: GeoContext, method: ResolveMethod, name: string): ScoredCandidate {
  const e = hit.entry;
  if (method === 'population') return { entry: e, score: e.population, parts: [`population ${e.population}`] };
  const parts: string[] = [];
  let s = featurePrior(e.featureCode);
  parts.push(e.featureCode);
  if (e.source === 'cities') {
    s += (Math.min(1, Math.log10(e.population + 1) / 7)) * 0.8;
    parts.push(`population ${e.population}`);
  }
  const share = e.country ? shareFor(ctx, e.country, name) : 0;
  if (share > 0) {
    // Focus helps a capital, an admin seat or a region more than a village that shares a famous name.
    s += (MAJOR.has(e.featureCode) || e.source !== 'cities' ? 0.8 : 0.4) * share;
    parts.push(`country focus ${e.country} ${share.toFixed(2)}`);
  } else if (!e.country && CONTAINERS.has(e.featureCode)) {
    // A continent or sea is consistent with whatever country the document is about.
    s += 0.4 * Math.max(0, ...ctx.focus.values());
  }
  if (hit.via === 'part') parts.push(`named after ${hit.row}`);
  if (hit.via === 'alias') {
    const bonus = hit.context === 'political' ? (ctx.political ? 0.8 : 0.1) : 0.3;
    s += bonus;
    parts.push(`alias ${hit.row}${hit.context === 'political' && ctx.political ? ' (political context)' : ''}`);
  }
  return { entry: e, score: s, parts, ...(hit.via === 'alias' && hit.row ? { alias: hit.row } : {}) };
}

/** Keeps one candidate per place (a city reached by name and by alias appears once). */
function dedupe(cands: ScoredCandidate[]): ScoredCandidate[] {
  const seen = new Set<GazEntry>();
  return cands.filter((c) => (seen.has(c.entry) ? false : (seen.add(c.entry), true)));
}
