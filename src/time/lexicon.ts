import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { NewsgraphError } from '../errors.js';
import { dataPath } from '../paths.js';

/** One named era or period of `data/time/lexicon.yaml`. */
export interface Era {
  names: string[];
  from: string;
  to: string | null;
}

/** The lexical data of the times stage (`data/time/lexicon.yaml`). */
export interface TimeLexicon {
  months: string[];
  monthAbbreviations: Record<string, number>;
  weekdays: string[];
  seasons: Record<string, { from: number; to: number; code: string }>;
  numbers: Record<string, number | null>;
  yearPrepositions: string[];
  monthPrepositions: string[];
  futureCues: string[];
  /** Capitalised words after a weekday that make it a name ("the Sunday Times", "Bloody Sunday" is not one). */
  notAfterWeekday: string[];
  durationUnits: Record<string, string>;
  eras: Era[];
}

let cached: TimeLexicon | undefined;

/**
 * Loads `data/time/lexicon.yaml` once. YAML turns unquoted ISO dates into Date objects; they are
 * turned back into 'YYYY-MM-DD' strings here.
 *
 * @example
 *   timeLexicon().seasons.autumn; // { from: 9, to: 11, code: 'FA' }
 */
export function timeLexicon(): TimeLexicon {
  if (cached) return cached;
  const file = dataPath('time', 'lexicon.yaml');
  let raw: TimeLexicon;
  try {
    raw = parseYaml(readFileSync(file, 'utf8')) as TimeLexicon;
  } catch (err) {
    throw new NewsgraphError('NG_DATA', file, `cannot read the time lexicon: ${(err as Error).message}`);
  }
  const iso = (v: unknown): string | null =>
    v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  raw.eras = (raw.eras ?? []).map((e) => ({ names: e.names.map(String), from: iso(e.from)!, to: iso(e.to) }));
  return (cached = raw);
}
