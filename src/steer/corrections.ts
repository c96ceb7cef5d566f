/**
 * User corrections of machine output: stored in the store's `corrections` table, apart from the
 * facts, and applied on top of every later analysis of the store (ingest and recode) before the
 * facts are written. A corrected fact carries `corrected: true` and a provenance naming the
 * correction (`{ stage: 'correction', rule: 'correction:<id>', entry: <machine rule> }`).
 *
 * Kinds and how each finds its fact again in a new run:
 * - `event`: article id + trigger offsets + CAMEO root of the machine event (`412-419#04`);
 *   change `{ wrong: true }` drops the event, or `{ source, target, code, modality }` overrides
 *   fields (source/target: an entity of the article or a KB actor by id, Q-id or CAMEO code).
 * - `entity-merge`: every entity whose actor key is `target` becomes the actor `into` (KB id).
 * - `entity-split`: mentions with text `surface` of entities with actor key `target` become
 *   their own entity, linked to `into` (KB id) or unlinked.
 * - `place`: places named `target` (case-insensitive) or with that geoname id get `lat`/`lon`
 *   (and `country`).
 */
import type { Analysis, Entity, Event, KbLink, Modality, Provenance } from '../contract.js';
import { describeCode, ploverFor } from '../events/tables.js';
import { NewsgraphError } from '../errors.js';
import { type ActorKb, loadKb } from '../kb/index.js';
import type { LoadedActor } from '../kb/types.js';
import { actorKey, normalizeName } from '../store/keys.js';
import type { Correction, Store } from '../store/types.js';
import { dictionaryPaths, readState, storeAnalysisOptions, writeState } from './dictionaries.js';
import { eventKeys } from './facts.js';

const MODALITIES: Modality[] = ['asserted', 'negated', 'hypothetical', 'future', 'reported', 'denied'];

/** Change of an event correction. */
export interface EventChange {
  wrong?: boolean;
  source?: string;
  target?: string;
  code?: string;
  modality?: Modality;
  /** Surface text of the machine source/target in the event's sentence (for `corrections suggest`). */
  surface?: { source?: string; target?: string };
}

/** The store's steering methods, or a one-line refusal for a backend without them. */
export function steerable(store: Store): Required<Pick<Store, 'replaceArticles' | 'articlesTouching' | 'addCorrection' | 'corrections' | 'removeCorrection' | 'supersededFacts'>> {
  const s = store as Required<Store>;
  for (const m of ['replaceArticles', 'articlesTouching', 'addCorrection', 'corrections', 'removeCorrection', 'supersededFacts'] as const) {
    if (typeof s[m] !== 'function') throw new NewsgraphError('NG_USAGE', store.location, `the ${store.kind} store does not support re-coding and corrections yet (no ${m})`);
  }
  return {
    replaceArticles: s.replaceArticles.bind(s), articlesTouching: s.articlesTouching.bind(s), addCorrection: s.addCorrection.bind(s),
    corrections: s.corrections.bind(s), removeCorrection: s.removeCorrection.bind(s), supersededFacts: s.supersededFacts.bind(s),
  };
}


/** A KB actor named by id, Q-id or CAMEO code (first match), in the store's KB (shipped + user dictionary). */
export function kbActor(kb: ActorKb, ref: string): LoadedActor | undefined {
  const direct = kb.get(ref);
  if (direct) return direct;
  for (const a of kb.actors.values()) if (a.qid === ref || a.cameo === ref) return a;
  return undefined;
}

function linkOf(a: LoadedActor): KbLink {
  return { id: a.id, qid: a.qid ?? null, cameo: a.cameo ?? null, country: a.country ?? null };
}

/** The entity of an analysis named by local id, KB id/Q-id/CAMEO, actor key or name. */
function findEntity(a: Analysis, ref: string): Entity | undefined {
  const byId = a.entities.find((e) => e.id === ref);
  if (byId) return byId;
  const upper = ref.toUpperCase();
  return a.entities.find((e) => e.kb?.id === ref || e.kb?.qid === ref || e.kb?.cameo === upper || actorKey(e) === ref)
    ?? a.entities.find((e) => normalizeName(e.name) === normalizeName(ref));
}

function provenance(c: Correction, old?: Provenance | string): Provenance {
  const entry = typeof old === 'string' ? old : old ? `${old.stage}:${old.rule}` : undefined;
  return { stage: 'correction', rule: `correction:${c.id}`, ...(entry ? { entry } : {}) };
}

/**
 * Applies corrections to a fresh analysis (in place) and returns how many facts they changed.
 * Corrections whose fact is not found (the text changed, the machine no longer codes that event)
 * are skipped.
 *
 * @example
 *   const n = applyCorrections(analysis, await store.corrections(), kb);
 */
export function applyCorrections(a: Analysis, corrections: readonly Correction[], kb?: ActorKb): number {
  let changed = 0;
  // Keys of the machine events, before any correction drops one (ordinals of `#root.2` stay put).
  const keys = new Map(eventKeys(a.events).map((k, i) => [k, a.events[i]!]));
  for (const c of corrections) {
    if (c.article !== null && c.article !== a.document.id) continue;
    if (c.kind === 'event') changed += applyEvent(a, c, keys, kb);
    else if (c.kind === 'entity-merge') changed += applyMerge(a, c, kb);
    else if (c.kind === 'entity-split') changed += applySplit(a, c, kb);
    else if (c.kind === 'place') changed += applyPlace(a, c);
  }
  return changed;
}

/** An entity for `ref`: one of the article's, else a new mention-less entity for a KB actor. */
function entityFor(a: Analysis, ref: string, c: Correction, kb?: ActorKb): string | null {
  if (ref === '-' || ref === 'none') return null;
  const found = findEntity(a, ref);
  if (found) return found.id;
  const actor = kb ? kbActor(kb, ref) : undefined;
  if (!actor) return null;
  const id = `c${c.id}`;
  if (!a.entities.some((e) => e.id === id)) {
    a.entities.push({
      id, name: actor.name, type: actor.type, kb: linkOf(actor), roles: [], mentions: [], provenance: provenance(c, actor.origin), corrected: true,
    });
  }
  return id;
}

function applyEvent(a: Analysis, c: Correction, keys: ReadonlyMap<string, Event>, kb?: ActorKb): number {
  const machine = keys.get(c.target);
  const i = machine ? a.events.indexOf(machine) : -1;
  if (i < 0) return 0;
  const change = c.change as EventChange;
  if (change.wrong) {
    a.events.splice(i, 1);
    return 1;
  }
  const v = a.events[i]!;
  if (change.source !== undefined) v.source = entityFor(a, change.source, c, kb);
  if (change.target !== undefined) v.target = entityFor(a, change.target, c, kb);
  if (change.modality) v.modality = change.modality;
  if (change.code) {
    const d = describeCode(change.code);
    v.code = change.code;
    v.root = change.code.slice(0, 2);
    if (d) {
      v.quadClass = d.quadClass;
      v.goldstein = d.goldstein;
      v.label = d.name;
    }
    const p = ploverFor(change.code);
    v.plover = p ? { type: p.type, mode: p.mode, context: p.context } : null;
  }
  v.provenance = provenance(c, v.provenance ?? v.rule);
  v.corrected = true;
  return 1;
}

/** Merges entity `from` into `into` within one article: mentions, roles and every reference. */
function mergeInto(a: Analysis, from: Entity, into: Entity): void {
  into.mentions = [...into.mentions, ...from.mentions].sort((x, y) => x.start - y.start);
  into.roles = [...into.roles, ...from.roles];
  const re = (id: string | null) => (id === from.id ? into.id : id);
  for (const v of a.events) { v.source = re(v.source); v.target = re(v.target); v.place = re(v.place); }
  for (const r of a.relations) { r.source = re(r.source)!; r.target = re(r.target)!; }
  for (const q of a.quotes) { q.speaker = re(q.speaker); q.addressee = re(q.addressee); }
  for (const p of a.places) p.entity = re(p.entity)!;
  if (a.tone) for (const s of a.tone.stance) s.entity = re(s.entity)!;
  a.entities.splice(a.entities.indexOf(from), 1);
}

function applyMerge(a: Analysis, c: Correction, kb?: ActorKb): number {
  const into = String(c.change.into);
  const actor = kb ? kbActor(kb, into) : undefined;
  let n = 0;
  for (const e of a.entities.filter((x) => actorKey(x) === c.target)) {
    const existing = a.entities.find((x) => x !== e && (x.kb?.id === into || x.kb?.qid === into || (actor && x.kb?.id === actor.id)));
    if (existing) {
      mergeInto(a, e, existing);
      existing.corrected = true;
      existing.provenance = provenance(c, existing.provenance);
    } else if (actor) {
      e.kb = linkOf(actor);
      e.name = actor.name;
      e.type = actor.type;
      e.corrected = true;
      e.provenance = provenance(c, e.provenance);
    } else continue;
    n++;
  }
  return n;
}

function applySplit(a: Analysis, c: Correction, kb?: ActorKb): number {
  const surface = normalizeName(String(c.change.surface));
  const into = c.change.into ? String(c.change.into) : null;
  const actor = into && kb ? kbActor(kb, into) : undefined;
  let n = 0;
  for (const e of a.entities.filter((x) => actorKey(x) === c.target)) {
    const moved = e.mentions.filter((m) => normalizeName(m.text) === surface);
    if (!moved.length || moved.length === e.mentions.length && !actor) continue;
    e.mentions = e.mentions.filter((m) => !moved.includes(m));
    const split: Entity = {
      id: `${e.id}s${c.id}`, name: actor?.name ?? moved[0]!.text, type: actor?.type ?? e.type, kb: actor ? linkOf(actor) : null,
      roles: [], mentions: moved, provenance: provenance(c, e.provenance), corrected: true,
    };
    a.entities.push(split);
    if (!e.mentions.length) mergeInto(a, e, split);
    n++;
  }
  return n;
}

function applyPlace(a: Analysis, c: Correction): number {
  const name = normalizeName(c.target);
  let n = 0;
  for (const p of a.places) {
    if (normalizeName(p.name) !== name && String(p.geonameId ?? '') !== c.target) continue;
    p.lat = Number(c.change.lat);
    p.lon = Number(c.change.lon);
    if (typeof c.change.country === 'string') p.country = c.change.country;
    p.provenance = provenance(c, p.provenance);
    p.corrected = true;
    n++;
  }
  return n;
}

/** The store's KB (shipped + its user dictionary), for resolving correction targets. */
export function storeKb(store: Store): ActorKb {
  return loadKb(storeAnalysisOptions(store.location));
}

/**
 * Records a correction of an event (by numeric id or `articleId#v1`): checks the event exists and
 * that the new source/target/code/modality make sense, remembers the machine source/target surface
 * text for `corrections suggest`, and applies nothing yet (the next `recode` does, or
 * {@link correctStored} right away).
 *
 * @example
 *   await correctEvent(store, 'reuters-12#v1', { target: 'RUSGOV' });
 */
export async function correctEvent(store: Store, ref: string, change: EventChange): Promise<Correction> {
  const s = steerable(store);
  const ev = await store.why(ref);
  if (!ev) throw new NewsgraphError('NG_USAGE', ref, 'no such event in the store');
  const a = (await store.getAnalysis(ev.event.articleId))!;
  const machine = a.events.find((v) => v.id === ev.event.localId)!;
  if (change.modality && !MODALITIES.includes(change.modality)) {
    throw new NewsgraphError('NG_USAGE', change.modality, `unknown modality (known: ${MODALITIES.join(', ')})`);
  }
  if (change.code && !/^\d{2,4}$/.test(change.code)) throw new NewsgraphError('NG_USAGE', change.code, 'a CAMEO code is 2 to 4 digits');
  const kb = storeKb(store);
  for (const side of ['source', 'target'] as const) {
    const ref2 = change[side];
    if (ref2 && ref2 !== '-' && !findEntity(a, ref2) && !kbActor(kb, ref2)) {
      throw new NewsgraphError('NG_USAGE', ref2, `--${side}: not an entity of ${a.document.id} nor a KB actor id, Q-id or CAMEO code`);
    }
  }
  const sentence = a.sentences[machine.sentence] ?? { start: 0, end: a.document.text.length };
  const surface = (id: string | null) => {
    const e = id ? a.entities.find((x) => x.id === id) : undefined;
    const m = e?.mentions.find((x) => x.start >= sentence.start && x.end <= sentence.end) ?? e?.mentions[0];
    return m?.text;
  };
  const surfaces = { source: change.source ? surface(machine.source) : undefined, target: change.target ? surface(machine.target) : undefined };
  if (machine.corrected) {
    throw new NewsgraphError('NG_USAGE', ref, 'this event is already corrected; remove that correction first (`corrections remove <id>`) and add one with every change');
  }
  return s.addCorrection({
    kind: 'event', article: a.document.id, target: eventKeys(a.events)[a.events.indexOf(machine)]!,
    change: { ...change, ...(surfaces.source || surfaces.target ? { surface: surfaces } : {}) } as Record<string, unknown>,
  });
}

/** Records an entity merge: the stored actor `from` (any actor reference) becomes the KB actor `into`. */
export async function correctMerge(store: Store, from: string, into: string): Promise<Correction> {
  const s = steerable(store);
  const actor = (await store.findActors(from, 1))[0];
  if (!actor) throw new NewsgraphError('NG_USAGE', from, 'no such actor in the store');
  const target = kbActor(storeKb(store), into);
  if (!target) throw new NewsgraphError('NG_USAGE', into, 'not a KB actor id, Q-id or CAMEO code (add it with `dictionaries add actor` first)');
  const names = (await store.actorProfile(actor.id, { top: 1 }))?.names.map((n) => n.text) ?? [actor.name];
  return s.addCorrection({ kind: 'entity-merge', article: null, target: actor.key, change: { into: target.id, surfaces: names } });
}

/** Records an entity split: mentions reading `surface` of the stored actor `from` become their own entity (linked to `into`). */
export async function correctSplit(store: Store, from: string, surface: string, into?: string): Promise<Correction> {
  const s = steerable(store);
  const actor = (await store.findActors(from, 1))[0];
  if (!actor) throw new NewsgraphError('NG_USAGE', from, 'no such actor in the store');
  if (into && !kbActor(storeKb(store), into)) throw new NewsgraphError('NG_USAGE', into, 'not a KB actor id, Q-id or CAMEO code');
  return s.addCorrection({ kind: 'entity-split', article: null, target: actor.key, change: { surface, ...(into ? { into } : {}), surfaces: [surface] } });
}

/** Records a place coordinates fix for every place with this name or geoname id. */
export async function correctPlace(store: Store, place: string, lat: number, lon: number, country?: string): Promise<Correction> {
  const s = steerable(store);
  if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) throw new NewsgraphError('NG_USAGE', `${lat},${lon}`, 'latitude must be within ±90 and longitude within ±180');
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new NewsgraphError('NG_USAGE', country, 'country must be an ISO 3166 alpha-2 code');
  return s.addCorrection({ kind: 'place', article: null, target: place, change: { lat, lon, ...(country ? { country } : {}) } });
}

/** A suggested dictionary entry drawn from repeated corrections. */
export interface Suggestion {
  surface: string;
  actor: string;
  cameo: string | null;
  count: number;
  /** The `dictionaries add alias` command that would make the machine do it. */
  command: string;
}

/**
 * Turns corrections into suggested dictionary entries: each (surface text → actor) pair that the
 * user corrected, with how often ("you corrected 'the Kremlin' → RUSGOV 14 times").
 *
 * @example
 *   (await suggestEntries(store)).map((s) => `'${s.surface}' → ${s.actor} ×${s.count}`);
 */
export async function suggestEntries(store: Store): Promise<Suggestion[]> {
  const kb = storeKb(store);
  const counts = new Map<string, number>();
  const bump = (surface: string | undefined, ref: string | undefined) => {
    if (!surface || !ref || ref === '-') return;
    const actor = kbActor(kb, ref);
    if (!actor) return;
    const k = `${surface}\0${actor.id}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  for (const c of await steerable(store).corrections()) {
    if (c.kind === 'event') {
      const ch = c.change as EventChange;
      bump(ch.surface?.source, ch.source);
      bump(ch.surface?.target, ch.target);
    } else if (c.change.into) {
      for (const s of (c.change.surfaces as string[] | undefined) ?? []) bump(s, String(c.change.into));
    }
  }
  return [...counts].map(([k, count]) => {
    const [surface, id] = k.split('\0') as [string, string];
    const actor = kb.get(id)!;
    const alias = surface.replace(/^the\s+/i, '');
    return { surface, actor: id, cameo: actor.cameo ?? null, count, command: `newsgraph dictionaries add alias ${id} '${alias.replace(/'/g, "'\\''")}'` };
  }).sort((x, y) => y.count - x.count || x.surface.localeCompare(y.surface));
}

/**
 * Deletes a correction and remembers it as pending in the store's recode state, so that the next
 * `recode` re-codes the articles it touched and the machine's facts come back.
 *
 * @example
 *   await removeCorrection(store, 12); // then: await recode(store)
 */
export async function removeCorrection(store: Store, id: number): Promise<Correction> {
  const s = steerable(store);
  const c = (await s.corrections()).find((x) => x.id === id);
  if (!c || !(await s.removeCorrection(id))) throw new NewsgraphError('NG_USAGE', String(id), 'no such correction (see `corrections list`)');
  const paths = dictionaryPaths(store.location);
  if (paths) {
    const state = readState(paths) ?? { actors: '', corrections: 0, updated: new Date().toISOString(), runId: null };
    writeState(paths, { ...state, removed: [...(state.removed ?? []), c] });
  }
  return c;
}
