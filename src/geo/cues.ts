import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { NewsgraphError } from '../errors.js';
import { dataPath } from '../paths.js';

/** The lexical cues of the places stage (`data/geo/cues.yaml`), as sets of lower-case words. */
export interface GeoCues {
  political: Set<string>;
  locative: Set<string>;
  eventLocative: Set<string>;
  personTitles: Set<string>;
  stop: Set<string>;
  stopUnlessLocative: Set<string>;
  orgHeads: Set<string>;
}

const KEYS = ['political', 'locative', 'eventLocative', 'personTitles', 'stop', 'stopUnlessLocative', 'orgHeads'] as const;

let cached: GeoCues | undefined;

/**
 * Loads `data/geo/cues.yaml` once.
 *
 * @example
 *   geoCues().locative.has('near'); // true
 */
export function geoCues(): GeoCues {
  if (cached) return cached;
  const file = dataPath('geo', 'cues.yaml');
  const raw = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out = {} as Record<(typeof KEYS)[number], Set<string>>;
  for (const key of KEYS) {
    const list = raw[key];
    if (!Array.isArray(list)) throw new NewsgraphError('NG_DATA', file, `'${key}' must be a list of words`);
    out[key] = new Set(list.map((w) => String(w).toLowerCase()));
  }
  return (cached = out);
}
