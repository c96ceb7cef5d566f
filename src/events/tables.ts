import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { NewsgraphError } from '../errors.js';
import { dataPath } from '../paths.js';

/** One CAMEO event code as the codebook defines it. */
export interface CameoCode {
  code: string;
  name: string;
  goldstein: number;
  root: string;
  quadClass: 1 | 2 | 3 | 4;
  /** `file:line` of the row. */
  entry: string;
}

/** A PLOVER classification of a CAMEO code. */
export interface PloverClass {
  type: string;
  mode: string | null;
  context: string[];
}

/** The PLOVER ontology as newsgraph uses it: types with modes, and the context vocabulary. */
export interface PloverOntology {
  types: Record<string, { quad: string; modes: string[] }>;
  contexts: string[];
}

/** A TSV row with its 1-based line number; comment lines (`#`) and the header are skipped. */
export interface TsvRow {
  line: number;
  cells: string[];
}

/**
 * Reads a TSV data file: skips `#` comments, blank lines and the header line.
 *
 * @example
 *   readTsv(dataPath('cameo', 'codes.tsv'))[0]; // { line: 3, cells: ['01', 'Make public statement', '0'] }
 */
export function readTsv(file: string): TsvRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NewsgraphError('NG_DATA', file, 'cannot read the file');
  }
  const rows: TsvRow[] = [];
  let header = true;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    if (header) {
      header = false;
      return;
    }
    rows.push({ line: i + 1, cells: line.split('\t').map((c) => c.trim()) });
  });
  return rows;
}

let cameo: Map<string, CameoCode> | undefined;
let ploverMap: Map<string, PloverClass> | undefined;
let ontology: PloverOntology | undefined;

/** QuadClass of each CAMEO root, from `data/cameo/quadclass.tsv`. */
export function quadClasses(): Map<string, 1 | 2 | 3 | 4> {
  const out = new Map<string, 1 | 2 | 3 | 4>();
  for (const r of readTsv(dataPath('cameo', 'quadclass.tsv'))) out.set(r.cells[0]!, Number(r.cells[1]) as 1 | 2 | 3 | 4);
  return out;
}

/**
 * The CAMEO codebook (`data/cameo/codes.tsv`), by code, with root and QuadClass filled in.
 *
 * @example
 *   cameoCodes().get('2041')!.goldstein; // -10
 */
export function cameoCodes(): Map<string, CameoCode> {
  if (cameo) return cameo;
  const quads = quadClasses();
  const file = dataPath('cameo', 'codes.tsv');
  cameo = new Map();
  for (const r of readTsv(file)) {
    const [code, name, g] = r.cells as [string, string, string];
    const root = code.slice(0, 2);
    cameo.set(code, { code, name, goldstein: Number(g), root, quadClass: quads.get(root) ?? 1, entry: `data/cameo/codes.tsv:${r.line}` });
  }
  return cameo;
}

/** The PLOVER ontology (`data/plover/types.yaml`). */
export function ploverOntology(): PloverOntology {
  ontology ??= parseYaml(readFileSync(dataPath('plover', 'types.yaml'), 'utf8')) as PloverOntology;
  return ontology;
}

function ploverRows(): Map<string, PloverClass> {
  if (ploverMap) return ploverMap;
  ploverMap = new Map();
  for (const r of readTsv(dataPath('plover', 'map.tsv'))) {
    const [code, type, mode, context] = r.cells;
    ploverMap.set(code!, { type: type!, mode: mode || null, context: context ? context.split(',') : [] });
  }
  return ploverMap;
}

/**
 * The PLOVER type/mode/context of a CAMEO code: the row of the longest matching code prefix in `data/plover/map.tsv`.
 *
 * @example
 *   ploverFor('195'); // { type: 'ASSAULT', mode: 'aerial', context: ['military'] }
 */
export function ploverFor(code: string): PloverClass | null {
  const rows = ploverRows();
  for (let n = code.length; n >= 2; n--) {
    const hit = rows.get(code.slice(0, n));
    if (hit) return hit;
  }
  return null;
}

/** Describes a CAMEO code, or null when the codebook does not have it (e.g. dictionary-specific codes). */
export function describeCode(code: string): CameoCode | null {
  return cameoCodes().get(code) ?? null;
}
