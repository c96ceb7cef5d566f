import type { Entity } from '../contract.js';
import { gazetteer, type Gazetteer } from '../geo/gazetteer.js';

let gaz: Gazetteer | undefined;

/** Feature codes of regions and bodies of water (LOC rather than GPE). */
const LOC_CODES = new Set(['RGN', 'CONT', 'SEA', 'OCN', 'GULF', 'BAY', 'STRT', 'LK', 'STM', 'MTS', 'DSRT', 'PEN', 'ISL', 'ISLS', 'VAL', 'PLN']);

/**
 * The entity type of an unknown name that the gazetteer knows as a place: GPE for countries,
 * regions of a country and cities, LOC for regions, seas and landforms; undefined otherwise.
 * Single words must be big places (a capital, an admin region, or a city of 100,000+), since many
 * surnames are also small towns; longer names need only a town of 5,000+, and any town will do
 * after a place preposition ("in Brampton").
 * Uses the geo stage's gazetteer (loaded once per process, shared with the places stage).
 *
 * @example
 *   placeType('Los Angeles', 2) // 'GPE'
 *   placeType('Warhol', 1)      // undefined
 */
export function placeType(name: string, words: number, afterPreposition = false): Entity['type'] | undefined {
  gaz ??= gazetteer();
  let best: Entity['type'] | undefined;
  for (const hit of gaz.lookup(name)) {
    if (hit.via === 'part') continue;
    const e = hit.entry;
    if (LOC_CODES.has(e.featureCode)) return 'LOC';
    const big = e.featureCode === 'PCLI' || e.featureCode === 'ADM1' || e.featureCode === 'PPLC' || e.population >= (afterPreposition ? 1_000 : words > 1 ? 5_000 : 100_000);
    if (big) best = 'GPE';
  }
  return best;
}
