import type { LoadedActor } from './types.js';
import type { KbProblem } from './parse.js';

/** Pads a partial ISO date so that '2012' < '2012-05' < '2012-05-07' compare as start-of-period. */
export function dateKey(d: string | null | undefined, end = false): string {
  if (!d) return end ? '9999-12-31' : '0000-01-01';
  if (d.length === 4) return end ? `${d}-12-31` : `${d}-01-01`;
  if (d.length === 7) return end ? `${d}-31` : `${d}-01`;
  return d;
}

/** The country codes a knowledge base defines: ids of country records (GPE with an ISO alpha-3). */
export function countryCodes(actors: readonly LoadedActor[]): Set<string> {
  const out = new Set<string>();
  for (const a of actors) if (a.type === 'GPE' && a.iso3 && /^[A-Z]{2}$/.test(a.id)) out.add(a.id);
  return out;
}

/**
 * Cross-record checks over a whole knowledge base: ids unique across files, country codes known,
 * role dates ordered, role organisations resolvable (a country code or another actor's id).
 * When `known` is empty (no countries file yet) country codes are not checked.
 *
 * @example
 *   checkKb([{ id: 'x', name: 'X', type: 'PERSON', country: 'ZZ', origin: 'a.yaml:3' }], new Set(['RU']))
 *   // → [{ file: 'a.yaml', line: 3, message: "x: unknown country code 'ZZ'" }]
 */
export function checkKb(actors: readonly LoadedActor[], known: ReadonlySet<string> = countryCodes(actors)): KbProblem[] {
  const problems: KbProblem[] = [];
  const at = (a: LoadedActor, message: string): void => {
    const cut = a.origin.lastIndexOf(':');
    problems.push({ file: a.origin.slice(0, cut), line: Number(a.origin.slice(cut + 1)) || 1, message: `${a.id}: ${message}` });
  };
  const ids = new Map<string, LoadedActor>();
  for (const a of actors) {
    const prev = ids.get(a.id);
    if (prev) at(a, `duplicate id (first defined at ${prev.origin})`);
    else ids.set(a.id, a);
  }
  const checkCountry = known.size > 0;
  for (const a of actors) {
    if (checkCountry && a.country && !known.has(a.country)) at(a, `unknown country code '${a.country}'`);
    if (a.from && a.to && dateKey(a.from) > dateKey(a.to, true)) at(a, `from ${a.from} is after to ${a.to}`);
    for (const [i, r] of (a.roles ?? []).entries()) {
      const where = `roles[${i}] (${r.title})`;
      if (r.from && r.to && dateKey(r.from) > dateKey(r.to, true)) at(a, `${where}: from ${r.from} is after to ${r.to}`);
      const isCountry = /^[A-Z]{2}$/.test(r.org);
      if (isCountry ? checkCountry && !known.has(r.org) : !ids.has(r.org)) {
        at(a, `${where}: org '${r.org}' is neither a known country code nor an actor id`);
      }
    }
  }
  return problems;
}
