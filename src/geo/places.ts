import type { Entity, Place, PlaceCandidate, Span } from '../contract.js';
import type { Doc } from '../document/doc.js';
import { geoCues } from './cues.js';
import { detectToponyms, FEATURE_STRONG, type Toponym } from './detect.js';
import { foldName, gazetteer, type GazHit } from './gazetteer.js';
import { geoContext, lookupName, resolveToponyms, type Resolution, type ToponymInput } from './resolve.js';

/** Entity types whose mentions can be places. */
const PLACE_TYPES = new Set<Entity['type']>(['GPE', 'LOC', 'FAC']);

/** What the places stage proposes: the places, and the entities it found itself (toponyms the actors stage missed). */
export interface PlaceProposal {
  places: Place[];
  newEntities: Entity[];
  /** Entities the actors stage left untyped (OTHER) that the detector recognises as places, retyped GPE/LOC. */
  retyped: Entity[];
  unknown: Array<{ entity: string; span: Span; name: string }>;
}

/** Options of the places stage (from data/pipeline.yaml). */
export interface PlacesOptions {
  /** Also run the gazetteer toponym detector for places no entity covers (default true). */
  detect?: boolean;
}

/**
 * Proposes the places of a document: every GPE/LOC/FAC entity used as a place (mentions the actors
 * stage marked as metonymic actors, "Moscow said", do not count), plus toponyms the detector finds
 * outside any entity mention. Each is resolved with the document context. Pure: reads layers, writes nothing.
 *
 * @example
 *   const { places } = proposePlaces(doc);
 *   places.find((p) => p.name === 'Tartus')?.country; // 'SY'
 */
export function proposePlaces(doc: Doc, options: PlacesOptions = {}): PlaceProposal {
  const entities = doc.getOr('entities', []);
  const tokens = doc.get('tokens');
  const placeEntities = entities.filter((e) => PLACE_TYPES.has(e.type) && e.mentions.some((m) => m.metonymy?.as !== 'actor'));
  // Mentions of typed entities are settled; untyped ones (OTHER) stay open to the detector.
  const typed = new Set(entities.filter((e) => e.type !== 'OTHER').map((e) => e.id));
  const covered: Span[] = entities.filter((e) => typed.has(e.id)).flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end })));
  for (const m of doc.getOr('mentions', [])) if (m.type !== 'OTHER') covered.push({ start: m.start, end: m.end });

  const detected = options.detect === false ? [] : detectToponyms(doc.text, tokens, covered);
  const untyped = entities.filter((e) => e.type === 'OTHER');
  const names = detected.filter((t) => t.kind === 'name');
  const adopt = (t: Toponym): Entity | undefined =>
    untyped.find((e) => e.mentions.some((m) => m.start === t.start && m.end === t.end));
  const retyped = untyped
    .filter((e) => names.some((t) => adopt(t) === e))
    .map((e) => ({ ...e, type: typeOf(names.find((t) => adopt(t) === e)!) }));
  const newEntities = entitiesFor(names.filter((t) => !adopt(t)), new Set(entities.map((e) => e.id)));

  // Country evidence: detected names and adjectives, and the countries of linked actors.
  const extra = new Map<string, number>();
  for (const e of entities) {
    const iso = e.kb?.country;
    if (iso && !PLACE_TYPES.has(e.type)) extra.set(iso, (extra.get(iso) ?? 0) + 0.5 * e.mentions.length);
  }
  const inputs: ToponymInput[] = [];
  const owners: Entity[] = [];
  for (const e of [...placeEntities, ...retyped, ...newEntities]) {
    const first = e.mentions.find((m) => m.metonymy?.as !== 'actor') ?? e.mentions[0]!;
    inputs.push({ name: e.name, start: first.start, end: first.end, hits: hitsFor(e), country: countryOf(e) });
    owners.push(e);
  }
  const evidence: ToponymInput[] = [
    ...inputs.flatMap((inp, k) => owners[k]!.mentions.map(() => inp)),
    ...detected.filter((t) => t.kind === 'adjective').map((t) => ({ name: t.text, start: t.start, end: t.end, hits: t.hits })),
  ];
  const ctx = geoContext(doc.text, evidence, extra);
  const resolutions = resolveToponyms(inputs, ctx);

  const places: Place[] = [];
  const unknown: PlaceProposal['unknown'] = [];
  resolutions.forEach((r, k) => {
    const entity = owners[k]!;
    places.push(toPlace(entity, r));
    if (!r.best) unknown.push({ entity: entity.id, span: { start: r.input.start, end: r.input.end }, name: entity.name });
  });
  return { places, newEntities, retyped, unknown };
}

/** The contract form of one resolution. Coordinates are null, never NaN, when the place is unknown. */
export function toPlace(entity: Entity, r: Resolution): Place {
  const best = r.best?.entry;
  const candidates: PlaceCandidate[] = r.candidates.map((c) => ({
    name: c.entry.name, lat: c.entry.lat, lon: c.entry.lon, country: c.entry.country ?? '',
    score: Math.round(c.score * 1000) / 1000, geonameId: c.entry.geonameId, featureCode: c.entry.featureCode,
  }));
  const finite = best && Number.isFinite(best.lat) && Number.isFinite(best.lon);
  return {
    entity: entity.id,
    name: entity.name,
    lat: finite ? best.lat : null,
    lon: finite ? best.lon : null,
    country: best?.country ?? null,
    geonameId: best?.geonameId ?? null,
    featureCode: best?.featureCode ?? null,
    candidates,
    reason: r.reason,
    provenance: {
      stage: 'places',
      rule: entity.provenance?.stage === 'places' ? 'detected+context' : 'context',
      ...(r.best?.alias ? { entry: r.best.alias } : {}),
    },
  };
}

/**
 * Gazetteer hits for an entity: its canonical name, else any of its mention texts. A common word
 * ("the West", "North") reaching only small towns is not a place the gazetteer knows.
 */
function hitsFor(e: Entity): GazHit[] {
  const stop = geoCues().stop;
  for (const name of [e.name, ...e.mentions.map((m) => m.text)]) {
    const hits = lookupName(name);
    if (!hits.length) continue;
    if (stop.has(foldName(name)) && !hits.some((h) => FEATURE_STRONG.has(h.entry.featureCode) || h.via === 'alias')) return [];
    return hits;
  }
  return [];
}

/** A country entity of the actor KB has id = ISO alpha-2: it resolves to the country directly. */
function countryOf(e: Entity): string | null {
  const id = e.kb?.id;
  if (id && /^[A-Z]{2}$/.test(id) && gazetteer().country(id)) return id;
  return null;
}

/** GPE for countries, admin regions and towns; LOC for regions, seas and the rest. */
function typeOf(t: Toponym): Entity['type'] {
  const code = t.hits[0]?.entry.featureCode ?? '';
  return ['PCLI', 'ADM1', 'TERR'].includes(code) || code.startsWith('PPL') ? 'GPE' : 'LOC';
}

/** Groups detected toponyms by name into new entities with ids that do not clash with existing ones. */
function entitiesFor(toponyms: Toponym[], taken: Set<string>): Entity[] {
  const byName = new Map<string, Entity>();
  let n = 0;
  for (const t of toponyms) {
    const key = foldName(t.text.replace(/['’]s$/u, ''));
    let e = byName.get(key);
    if (!e) {
      let id: string;
      do id = `p${++n}`;
      while (taken.has(id));
      e = { id, name: t.text, type: typeOf(t), kb: null, roles: [], mentions: [], provenance: { stage: 'places', rule: 'toponym-detector' } };
      byName.set(key, e);
    }
    e.mentions.push({ start: t.start, end: t.end, text: t.text });
  }
  return [...byName.values()];
}
