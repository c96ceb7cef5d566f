import { distanceKm, type GazEntry } from '../../geo/gazetteer.js';
import { lookupName } from '../../geo/resolve.js';

/**
 * Error analysis of the geo eval (`NEWSGRAPH_GEO_ERRORS=1 npx tsx scripts/eval.ts geo`): every gold
 * toponym resolved more than 161 km from its gold point falls in one category — the name is not in the
 * gazetteer (by the kind of name), a wrong reading was chosen although a right one was a candidate
 * (another country, or another feature in the same country), the right area was chosen but its point
 * lies far from the gold's (countries, regions, states), or none of the name's readings is near.
 */

/** One geocoded gold toponym, as the eval saw it. */
export interface CodedToponym {
  name: string;
  goldLat: number;
  goldLon: number;
  best: GazEntry | null;
  error: number;
}

export type ErrorCategory =
  | 'unknown: street' | 'unknown: building' | 'unknown: county' | 'unknown: region' | 'unknown: demonym' | 'unknown: other'
  | 'wrong candidate: other country' | 'wrong candidate: same country' | 'area point far from gold' | 'no reading near gold';

export const ERROR_CATEGORIES: ErrorCategory[] = [
  'unknown: street', 'unknown: building', 'unknown: county', 'unknown: region', 'unknown: demonym', 'unknown: other',
  'wrong candidate: other country', 'wrong candidate: same country', 'area point far from gold', 'no reading near gold',
];

const ACC_KM = 161;
/** Feature codes of areas, whose single point may lie far from another gazetteer's point for the same area. */
const AREAS = new Set(['PCLI', 'PCLH', 'ADM1', 'ADM2', 'TERR', 'RGN', 'CONT', 'OCN', 'SEA', 'GULF', 'STRT', 'PEN', 'DSRT', 'MTS', 'STM', 'LK', 'ISL', 'VAL']);

const STREET = /\b(street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|highway|hwy|way|square|bridge|route|interstate|motorway|freeway|parkway|rue|calle|strasse|straße)\b\.?|^[AMIN]-?\d+$|^\d/i;
const BUILDING = /\b(center|centre|hall|school|elementary|middle|high|university|college|academy|institute|church|chapel|cathedral|basilica|mosque|temple|hospital|clinic|medical|hotel|inn|stadium|arena|tower|museum|library|court|embassy|consulate|castle|palace|mall|airport|station|club|house|building|office|prison|jail|market|restaurant|cafe|theatre|theater|zoo|gardens?|estate|campus|plaza|wing|capitol|base|circuit|raceway|village|foods|store|plantation|canal|railroad|farm|ranch|factory|plant|mine|port|pier|harbou?r|cemetery|memorial|monument)\b/i;
const COUNTY = /\b(county|parish|borough|township|district|municipality)\b|shire$/i;
const REGION = /\b(north|south|east|west|northern|southern|eastern|western|central|valley|river|delta|coast|mountains?|hills|sea|basin|islands?|lake|bay|peninsula|desert|region|province|gulf|ocean|lagoon|point|rock|forest|creek|falls|highlands?|plains?|belt|corridor)\b/i;
const DEMONYM = /^\p{Lu}\p{Ll}+(an|ans|ese|ish|i|is|ic|ers?)$/u;

/** The category of one error (a gold toponym resolved more than 161 km away, or not resolved). */
export function errorCategory(t: CodedToponym): ErrorCategory {
  if (!t.best) {
    if (STREET.test(t.name)) return 'unknown: street';
    if (COUNTY.test(t.name)) return 'unknown: county';
    if (BUILDING.test(t.name)) return 'unknown: building';
    if (REGION.test(t.name)) return 'unknown: region';
    if (DEMONYM.test(t.name)) return 'unknown: demonym';
    return 'unknown: other';
  }
  const near = lookupName(t.name)
    .map((h) => ({ e: h.entry, d: distanceKm(t.goldLat, t.goldLon, h.entry.lat, h.entry.lon) }))
    .filter((x) => x.d <= ACC_KM)
    .sort((a, b) => a.d - b.d)[0];
  if (near) return near.e.country === t.best.country ? 'wrong candidate: same country' : 'wrong candidate: other country';
  if (AREAS.has(t.best.featureCode)) return 'area point far from gold';
  return 'no reading near gold';
}

/** Counts of errors per category, and the most frequent wrongly geocoded names with what they became. */
export function errorAnalysis(coded: CodedToponym[]): { byCategory: Map<ErrorCategory, number>; top: Array<{ name: string; n: number; category: ErrorCategory; best: string }> } {
  const byCategory = new Map<ErrorCategory, number>(ERROR_CATEGORIES.map((c) => [c, 0]));
  const byName = new Map<string, { n: number; category: ErrorCategory; best: string }>();
  for (const t of coded) {
    if (t.error <= ACC_KM) continue;
    const category = errorCategory(t);
    byCategory.set(category, byCategory.get(category)! + 1);
    const best = t.best ? `${t.best.name} (${t.best.country ?? '-'} ${t.best.featureCode}, ${Math.round(t.error)} km)` : '-';
    const key = `${t.name}\u0000${best}`;
    const row = byName.get(key) ?? { n: 0, category, best };
    row.n++;
    byName.set(key, row);
  }
  const top = [...byName].map(([k, v]) => ({ name: k.split('\u0000')[0]!, ...v })).sort((a, b) => b.n - a.n).slice(0, 30);
  return { byCategory, top };
}
