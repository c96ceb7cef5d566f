import { existsSync, readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { detectToponyms } from '../../geo/detect.js';
import { distanceKm, type GazEntry } from '../../geo/gazetteer.js';
import { geoContext, resolveToponyms, type Resolution, type ResolveMethod, type ToponymInput } from '../../geo/resolve.js';
import { tokenize } from '../../nlp/index.js';
import { ERROR_CATEGORIES, errorAnalysis, type CodedToponym } from './geo-errors.js';
import { evalDataPath } from '../../paths.js';
import { f3, prf, type EvalReport, type EvalSuite } from '../suite.js';

/**
 * Geoparsing evaluation on GeoWebNews and GeoVirus with the metrics of Gritta et al., "A Pragmatic
 * Guide to Geoparsing Evaluation" (2019): geotagging precision/recall/F1 of our toponym detector
 * against the gold spans, and geocoding of the gold toponyms that have coordinates — accuracy@161 km,
 * mean and median error, AUC of the log error curve — for our context resolver and for a
 * population-only baseline computed in the same run.
 */

/** GWN toponym types that are toponyms (the paper's literal and associative types); expressions, demonyms, languages, homonyms and non-toponyms are not. */
const GWN_TOPONYM_TYPES = new Set(['Literal', 'Mixed', 'Coercion', 'Literal_Modifier', 'Embedded_Literal',
  'Metonymic', 'Non_Literal_Modifier', 'Embedded_Non_Lit']);
/** Error given to a gold toponym we cannot resolve: half the Earth's circumference, as in the paper. */
const MAX_ERROR_KM = 20039;

interface Gold {
  name: string;
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
}
interface Article {
  text: string;
  gold: Gold[];
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const num = (x: unknown): number | null => (x === undefined || x === '' || x === null ? null : Number(x));

function parseXml(file: string): Record<string, unknown> {
  const parser = new XMLParser({ trimValues: false, parseTagValue: false, processEntities: true, ignoreAttributes: true });
  return parser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** GeoWebNews: `<article><text/><toponyms><toponym><type/><start/><end/><latitude/>...` */
export function readGwn(file: string): Article[] {
  const root = parseXml(file) as { articles: { article: unknown } };
  return asArray(root.articles.article as Array<Record<string, any>>).map((a) => ({
    text: String(a.text),
    gold: asArray(a.toponyms?.toponym as Array<Record<string, any>>)
      .filter((t) => GWN_TOPONYM_TYPES.has(String(t.type).trim()))
      .map((t) => ({
        name: String(t.extractedName), start: Number(t.start), end: Number(t.end),
        lat: num(t.latitude), lon: num(t.longitude),
      })),
  }));
}

/** GeoVirus: `<article><text/><locations><location><name/><start/><end/><lat/><lon/>...` */
export function readGeoVirus(file: string): Article[] {
  const root = parseXml(file) as { articles: { article: unknown } };
  return asArray(root.articles.article as Array<Record<string, any>>).map((a) => ({
    text: String(a.text),
    gold: asArray(a.locations?.location as Array<Record<string, any>>).map((t) =>
      align(String(a.text), { name: String(t.name), start: Number(t.start), end: Number(t.end), lat: num(t.lat), lon: num(t.lon) })),
  }));
}

/** GeoVirus offsets are often off by one or two characters: move a gold span onto its name when a small shift does it. */
function align(text: string, g: Gold): Gold {
  for (const d of [0, -1, 1, -2, 2, -3, 3]) {
    if (text.slice(g.start + d, g.end + d) === g.name) return { ...g, start: g.start + d, end: g.end + d };
  }
  return g;
}

interface Scores {
  tagging: { strict: { tp: number; fp: number; fn: number }; overlap: { tp: number; fp: number; fn: number } };
  coding: Record<ResolveMethod | 'backoff', number[]>;
  resolved: Record<ResolveMethod, number>;
  /** Every geocoded gold toponym per method, for the error analysis. */
  coded: Record<ResolveMethod, CodedToponym[]>;
}

/** Scores one corpus: detection against gold spans, resolution of the gold toponyms with coordinates. */
export function scoreCorpus(articles: Article[], adjectives = true): Scores {
  const s: Scores = {
    tagging: { strict: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } },
    coding: { context: [], population: [], backoff: [] },
    resolved: { context: 0, population: 0 },
    coded: { context: [], population: [] },
  };
  for (const a of articles) {
    const { tokens } = tokenize(a.text);
    const all = detectToponyms(a.text, tokens);
    // GeoVirus annotates place names only; GWN also annotates adjectives used as modifiers ("Russian").
    const found = adjectives ? all : all.filter((t) => t.kind === 'name');
    const gold = a.gold;
    const exact = (x: { start: number; end: number }, y: { start: number; end: number }): boolean => x.start === y.start && x.end === y.end;
    const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }): boolean => x.start < y.end && y.start < x.end;
    const tpStrict = found.filter((f) => gold.some((g) => exact(f, g))).length;
    s.tagging.strict.tp += tpStrict;
    s.tagging.strict.fp += found.length - tpStrict;
    s.tagging.strict.fn += gold.filter((g) => !found.some((f) => exact(f, g))).length;
    const tpOverlap = found.filter((f) => gold.some((g) => overlaps(f, g))).length;
    s.tagging.overlap.tp += tpOverlap;
    s.tagging.overlap.fp += found.length - tpOverlap;
    s.tagging.overlap.fn += gold.filter((g) => !found.some((f) => overlaps(f, g))).length;

    const located = gold.filter((g) => g.lat !== null && g.lon !== null && Number.isFinite(g.lat) && Number.isFinite(g.lon));
    if (!located.length) continue;
    const inputs: ToponymInput[] = located.map((g) => ({ name: g.name, start: g.start, end: g.end }));
    // Context: the gold toponyms plus the country adjectives and names the detector sees in the text.
    const evidence: ToponymInput[] = [...inputs, ...all.filter((f) => !gold.some((g) => overlaps(f, g)))
      .map((f) => ({ name: f.text, start: f.start, end: f.end, hits: f.hits }))];
    const ctx = geoContext(a.text, evidence);
    for (const method of ['context', 'population'] as const) {
      const rs = resolveToponyms(inputs, ctx, method);
      const locality = method === 'context' ? documentLocality(rs) : null;
      rs.forEach((r, k) => {
        const g = located[k]!;
        if (r.best) s.resolved[method]++;
        const err = r.best ? distanceKm(g.lat!, g.lon!, r.best.entry.lat, r.best.entry.lon) : MAX_ERROR_KM;
        s.coding[method].push(err);
        s.coded[method].push({ name: g.name, goldLat: g.lat!, goldLon: g.lon!, best: r.best?.entry ?? null, error: err });
        if (method === 'context') {
          const local = r.best ? null : nearestTown(rs, g.start) ?? locality;
          s.coding.backoff.push(r.best || !local ? err : distanceKm(g.lat!, g.lon!, local.lat, local.lon));
        }
      });
    }
  }
  return s;
}

/** The town resolved nearest in the text to `at` (a street or venue is usually in the town named around it). */
function nearestTown(rs: Resolution[], at: number): GazEntry | null {
  let best: { e: GazEntry; d: number } | null = null;
  for (const r of rs) {
    const e = r.best?.entry;
    if (!e || !e.featureCode.startsWith('PPL')) continue;
    const d = Math.abs(r.input.start - at);
    if (!best || d < best.d) best = { e, d };
  }
  return best?.e ?? null;
}

/**
 * The document's locality: the most mentioned resolved town, else first-level region, else country. Only the eval's "backoff" column uses it for names the gazetteer lacks (streets,
 * buildings); the places stage leaves those without coordinates.
 */
function documentLocality(rs: Resolution[]): GazEntry | null {
  const count = (pred: (e: GazEntry) => boolean): GazEntry | null => {
    const n = new Map<GazEntry, number>();
    for (const r of rs) if (r.best && pred(r.best.entry)) n.set(r.best.entry, (n.get(r.best.entry) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  return count((e) => e.featureCode.startsWith('PPL')) ?? count((e) => e.featureCode === 'ADM1') ?? count((e) => e.featureCode === 'PCLI');
}

/** The error analysis of one corpus as note lines: errors (> 161 km) per category for both methods, then the top 30 error names of ours. */
function errorNotes(corpus: string, s: Scores): string[] {
  const ours = errorAnalysis(s.coded.context);
  const base = errorAnalysis(s.coded.population);
  const total = s.coded.context.length;
  const pct = (n: number): string => `${((100 * n) / total).toFixed(1)}%`;
  const lines = [`${corpus} errors > 161 km by category (of ${total} gold toponyms with coordinates): newsgraph | population baseline`];
  for (const c of ERROR_CATEGORIES) {
    const a = ours.byCategory.get(c)!;
    const b = base.byCategory.get(c)!;
    lines.push(`  ${c.padEnd(32)} ${String(a).padStart(5)} ${pct(a).padStart(6)} | ${String(b).padStart(5)} ${pct(b).padStart(6)}`);
  }
  lines.push(`${corpus} top 30 error names (newsgraph): count, name → what it became [category]`);
  for (const t of ours.top) lines.push(`  ${String(t.n).padStart(3)}  ${t.name} → ${t.best} [${t.category}]`);
  return lines;
}

/** accuracy@161, mean and median error, and AUC (area under the curve of ln(1 + error) / ln(20039)). */
export function codingMetrics(errors: number[]): { acc161: number; mean: number; median: number; auc: number } {
  if (!errors.length) return { acc161: 0, mean: 0, median: 0, auc: 0 };
  const sorted = [...errors].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    acc161: errors.filter((e) => e <= 161).length / errors.length,
    mean: errors.reduce((a, b) => a + b, 0) / errors.length,
    median,
    auc: errors.reduce((a, e) => a + Math.log(1 + e) / Math.log(MAX_ERROR_KM), 0) / errors.length,
  };
}

const suite: EvalSuite = {
  name: 'geo',
  description: 'geotagging P/R/F1 and geocoding accuracy@161km on GeoWebNews and GeoVirus (Gritta et al. 2019)',
  async run(): Promise<EvalReport> {
    const corpora = [
      { name: 'GWN', file: evalDataPath('geowebnews', 'GWN.xml'), read: readGwn, adjectives: true },
      { name: 'GeoVirus', file: evalDataPath('geowebnews', 'GeoVirus.xml'), read: readGeoVirus, adjectives: false },
    ].filter((c) => existsSync(c.file));
    if (!corpora.length) return { skipped: `no GeoWebNews data at ${evalDataPath('geowebnews')}` };
    const table: Array<Array<string | number>> = [[
      'corpus', 'method', 'tag P', 'tag R', 'tag F1', 'tag F1 overlap', 'toponyms w/ coords', 'resolved', 'acc@161', 'mean km', 'median km', 'AUC',
    ]];
    const analysis: string[] = [];
    for (const c of corpora) {
      const s = scoreCorpus(c.read(c.file), c.adjectives);
      if (process.env.NEWSGRAPH_GEO_ERRORS) analysis.push(...errorNotes(c.name, s));
      const strict = prf(s.tagging.strict.tp, s.tagging.strict.fp, s.tagging.strict.fn);
      const overlap = prf(s.tagging.overlap.tp, s.tagging.overlap.fp, s.tagging.overlap.fn);
      for (const method of ['context', 'backoff', 'population'] as const) {
        const m = codingMetrics(s.coding[method]);
        table.push([
          c.name, method === 'context' ? 'newsgraph' : method === 'backoff' ? 'newsgraph + locality backoff' : 'population baseline',
          method === 'context' ? f3(strict.p) : '', method === 'context' ? f3(strict.r) : '',
          method === 'context' ? f3(strict.f1) : '', method === 'context' ? f3(overlap.f1) : '',
          s.coding[method].length, method === 'backoff' ? '' : s.resolved[method], f3(m.acc161), Math.round(m.mean), Math.round(m.median), f3(m.auc),
        ]);
      }
    }
    return {
      table,
      notes: [
        'tag: our toponym detector (gazetteer lookup over capitalised tokens + country adjectives) vs gold spans; strict = same offsets, overlap = any overlap.',
        `GWN gold toponyms: types ${[...GWN_TOPONYM_TYPES].join(', ')}; GeoVirus: every location (it annotates no adjectives, so ours are left out there; its offsets are re-aligned by up to 3 characters).`,
        'geocoding: gold toponyms with coordinates, resolved with the document context; unresolved ones count as wrong with error 20,039 km.',
        'locality backoff: names the gazetteer lacks (streets, buildings, venues) take the town resolved nearest in the text, else the document\'s most mentioned town or region (eval only; the places stage leaves them without coordinates).',
        'population baseline: the most populous gazetteer candidate (our own rows carry stand-in populations by feature class).',
        ...(analysis.length ? analysis : ['error analysis: set NEWSGRAPH_GEO_ERRORS=1 to print errors by category and the most frequent error names.']),
      ],
    };
  },
};
export default suite;
