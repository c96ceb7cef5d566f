import type { Doc } from '../document/doc.js';
import type { Stage, StageFactory } from '../pipeline/stage.js';
import { proposePlaces, type PlacesOptions } from './places.js';

export { eventPlace } from './event-place.js';
export { detectToponyms, type Toponym } from './detect.js';
export { distanceKm, foldName, gazetteer, type GazEntry, type GazHit, type Gazetteer } from './gazetteer.js';
export { geoContext, lookupName, resolveToponyms, type Resolution, type ToponymInput } from './resolve.js';
export { proposePlaces, type PlaceProposal, type PlacesOptions } from './places.js';

/**
 * The `places` stage: resolves every place entity (GPE/LOC/FAC used as a place) to coordinates, an
 * ISO country, a GeoNames id and feature code, with up to five scored candidates and a one-line
 * reason; toponyms the actors stage missed are added as entities of their own (ids `p1`, `p2`...,
 * provenance `places/toponym-detector`), and untyped (OTHER) entities the detector recognises as
 * places are retyped GPE/LOC. An unknown place stays an entity with null coordinates and
 * an NG_PLACE_UNKNOWN diagnostic.
 *
 * @example
 *   pipeline: [language, tokens, actors, places]
 *   analysis.places[0]; // { entity: 'e7', name: 'Latakia', lat: 35.53, lon: 35.79, country: 'SY', ... }
 */
export const createPlacesStage: StageFactory = (options) => {
  const opts = options as PlacesOptions;
  return {
    name: 'places',
    requires: ['sentences', 'tokens', 'mentions', 'entities'],
    assigns: ['places'],
    languages: ['en'],
    run(doc: Doc) {
      applyPlaces(doc, opts);
    },
  } satisfies Stage;
};

/** Applies the proposal: new entities appended to `entities`, places written, unknown places diagnosed. */
export function applyPlaces(doc: Doc, options: PlacesOptions = {}): void {
  const { places, newEntities, retyped, unknown } = proposePlaces(doc, options);
  if (newEntities.length || retyped.length) {
    const byId = new Map(retyped.map((e) => [e.id, e]));
    doc.set('entities', [...doc.getOr('entities', []).map((e) => byId.get(e.id) ?? e), ...newEntities]);
  }
  doc.set('places', places);
  for (const u of unknown) doc.diagnose('NG_PLACE_UNKNOWN', u.span, `place '${u.name}' not found in the gazetteer`);
}
