import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NewsgraphError } from '../errors.js';
import { dataPath, PACKAGE_ROOT } from '../paths.js';
import { checkKb, countryCodes, dateKey } from './check.js';
import { parseKbFile, parseKbText } from './parse.js';
import type { KbRole, LoadedActor } from './types.js';

export type { KbActor, KbRole, LoadedActor } from './types.js';

/**
 * The lookup key of a name: words without diacritics, dots or hyphens, lower-cased.
 * "al-Assad", "Al Assad" and "AL ASSAD" share a key; "U.S." is "us".
 *
 * @example
 *   nameKey('Bashar al-Assad') // 'bashar al assad'
 */
export function nameKey(name: string): string {
  return nameWords(name).join(' ');
}

/** The words of a name as {@link nameKey} sees them. */
export function nameWords(name: string): string[] {
  // eslint-disable-next-line no-control-regex
  const base = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base
    .replace(/[’']s$/u, '')
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[\s\-‐–]+/u)
    .filter(Boolean);
}

/** A role of an actor, with its holder. */
export interface HeldRole extends KbRole {
  actor: string;
}

/** The serialisable part of a compiled KB (what the cache file holds). */
interface Compiled {
  actors: LoadedActor[];
}

/**
 * The actor knowledge base compiled into lookup tables: names and aliases by key, demonyms,
 * capitals and seats of government by key, and roles by (organisation, kind) sorted by start date.
 *
 * @example
 *   const kb = loadKb();
 *   kb.byName('Putin');                          // ['vladimir-putin']
 *   kb.holderOf('RU', 'head_of_state', '2017-04-11')?.actor // 'vladimir-putin'
 */
export class ActorKb {
  readonly actors = new Map<string, LoadedActor>();
  private readonly names = new Map<string, string[]>();
  /** Longest alias length (in words) by first word, so matching tries few lengths. */
  private readonly longest = new Map<string, number>();
  private readonly demonymOf = new Map<string, { country: string; plural: boolean }>();
  private readonly capitalOf = new Map<string, string>();
  private readonly seatOf = new Map<string, string>();
  private readonly roles = new Map<string, HeldRole[]>();
  private readonly placeFirstWords = new Set<string>();
  /** Persons by last name word(s), for surnames not listed as aliases. */
  private readonly surnames = new Map<string, string[]>();

  constructor(actors: readonly LoadedActor[]) {
    for (const a of actors) this.actors.set(a.id, a);
    for (const a of this.actors.values()) this.index(a);
    for (const list of this.roles.values()) list.sort((x, y) => dateKey(x.from).localeCompare(dateKey(y.from)));
    for (const map of [this.demonymOf, this.capitalOf, this.seatOf]) for (const k of map.keys()) this.placeFirstWords.add(k.split(' ')[0]!);
  }

  private addName(name: string, id: string): void {
    const words = nameWords(name);
    if (!words.length) return;
    const key = words.join(' ');
    const ids = this.names.get(key);
    if (!ids) this.names.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
    if ((this.longest.get(words[0]!) ?? 0) < words.length) this.longest.set(words[0]!, words.length);
  }

  private index(a: LoadedActor): void {
    this.addName(a.name, a.id);
    for (const alias of a.aliases ?? []) this.addName(alias, a.id);
    if (a.type === 'PERSON') {
      const words = nameWords(a.name);
      // "Bashar al-Assad" → "assad" and "al assad"; "Vladimir Putin" → "putin"
      if (words.length > 1) {
        const last = words[words.length - 1]!;
        push(this.surnames, last, a.id);
        if (words.length > 2 && PARTICLES.has(words[words.length - 2]!)) push(this.surnames, `${words[words.length - 2]} ${last}`, a.id);
      }
    }
    if (a.type === 'GPE' && a.iso3) {
      // a former country (Soviet Union) never takes a capital, seat or demonym from a current one
      const set = <V>(map: Map<string, V>, key: string, value: V, owner: (v: V) => string): void => {
        const prev = map.get(key);
        if (prev !== undefined && a.to && !this.actors.get(owner(prev))?.to) return;
        map.set(key, value);
      };
      const demonyms = new Set((a.demonyms ?? []).map(nameKey));
      for (const d of a.demonyms ?? []) {
        const key = nameKey(d);
        const isPlural = key.endsWith('s') && demonyms.has(key.slice(0, -1));
        set(this.demonymOf, key, { country: a.id, plural: isPlural }, (v) => v.country);
        const plural = pluralDemonym(d);
        if (plural && !demonyms.has(nameKey(plural))) set(this.demonymOf, nameKey(plural), { country: a.id, plural: true }, (v) => v.country);
      }
      if (a.capital) set(this.capitalOf, nameKey(a.capital), a.id, (v) => v);
      for (const s of a.seats ?? []) set(this.seatOf, nameKey(s), a.id, (v) => v);
    }
    for (const r of a.roles ?? []) push(this.roles, `${r.org}|${r.kind}`, { ...r, actor: a.id });
  }

  get size(): number {
    return this.actors.size;
  }

  get(id: string): LoadedActor | undefined {
    return this.actors.get(id);
  }

  /** Actor ids whose name or alias has this key (see {@link nameKey}). */
  byKey(key: string): readonly string[] {
    return this.names.get(key) ?? EMPTY;
  }

  /** Actor ids named `name` (any spelling with the same {@link nameKey}). */
  byName(name: string): readonly string[] {
    return this.byKey(nameKey(name));
  }

  /** Persons whose last name (with its particle: "al assad") has this key. */
  bySurname(key: string): readonly string[] {
    return this.surnames.get(key) ?? EMPTY;
  }

  /** The longest alias, in words, starting with this word key; 0 when none. */
  longestFrom(firstWordKey: string): number {
    return this.longest.get(firstWordKey) ?? 0;
  }

  /** The country of a demonym ("Russian", "Russians"), and whether it is the plural form. */
  demonym(word: string): { country: string; plural: boolean } | undefined {
    return this.demonymOf.get(nameKey(word));
  }

  /** The country whose capital is `name`. */
  capital(name: string): string | undefined {
    return this.capitalOf.get(nameKey(name));
  }

  /** The country whose seat of government is `name` ("Kremlin" → RU). */
  seat(name: string): string | undefined {
    return this.seatOf.get(nameKey(name));
  }

  /** {@link demonym}, {@link capital} and {@link seat} by an already computed {@link nameKey} (hot paths). */
  demonymByKey(key: string): { country: string; plural: boolean } | undefined {
    return this.demonymOf.get(key);
  }
  capitalByKey(key: string): string | undefined {
    return this.capitalOf.get(key);
  }
  seatByKey(key: string): string | undefined {
    return this.seatOf.get(key);
  }
  /** Whether any seat, capital or demonym starts with this word key (to skip lookups quickly). */
  placeWord(key: string): boolean {
    return this.placeFirstWords.has(key);
  }

  /** The government institution of a country (`<ISO2>-gov`), when the KB has one. */
  government(country: string): LoadedActor | undefined {
    return this.actors.get(`${country}-gov`);
  }

  /**
   * Roles of an actor valid on `date` (YYYY-MM-DD).
   *
   * @example
   *   kb.rolesAt('rex-tillerson', '2017-04-11') // [{ title: 'Secretary of State', ... }]
   */
  rolesAt(actorId: string, date: string): KbRole[] {
    return (this.actors.get(actorId)?.roles ?? []).filter((r) => validOn(r, date));
  }

  /**
   * Who held a role of `kind` for an organisation or country on `date`: the holder whose term
   * started last among those valid that day.
   *
   * @example
   *   kb.holderOf('US', 'foreign_minister', '2022-06-01')?.actor // 'antony-blinken'
   */
  holderOf(org: string, kind: KbRole['kind'], date: string): HeldRole | undefined {
    const list = this.roles.get(`${org}|${kind}`);
    if (!list) return undefined;
    let best: HeldRole | undefined;
    for (const r of list) if (validOn(r, date)) best = r;
    return best;
  }

  /** Every holder of a role kind for an organisation, in order of start date. */
  holders(org: string, kind: KbRole['kind']): readonly HeldRole[] {
    return this.roles.get(`${org}|${kind}`) ?? EMPTY_ROLES;
  }
}

const EMPTY: readonly string[] = [];
const EMPTY_ROLES: readonly HeldRole[] = [];
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'de', 'da', 'di', 'du', 'der', 'del', 'la', 'le', 'ben']);

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whether a role is held on `date`; open ends are unbounded. */
export function validOn(r: { from?: string | null; to?: string | null }, date: string): boolean {
  return dateKey(r.from) <= date && date <= dateKey(r.to, true);
}

/** "Russian" → "Russians"; "Chinese", "British", "Swiss" have no distinct plural. */
function pluralDemonym(d: string): string | undefined {
  if (/(ese|sh|ch|ss|s|x)$/i.test(d)) return undefined;
  return `${d}s`;
}

/** Options of {@link loadKb}. */
export interface LoadKbOptions {
  /** Extra actor files (YAML or JSON lists of records) that add actors or replace them by id. */
  actorFiles?: readonly string[];
  /** Replace the shipped data entirely (e.g. with PETRARCH-imported records). */
  actors?: readonly LoadedActor[];
}

let shipped: LoadedActor[] | undefined;

/**
 * Loads the shipped knowledge base (`data/actors/*.yaml`), plus user files, into an {@link ActorKb}.
 * The shipped records are parsed once per process and cached as compiled JSON under `dist/`
 * (rebuilt when any data file changes). A user file with any problem throws a NewsgraphError naming
 * `file:line` and the problem, and nothing of it is loaded.
 *
 * @example
 *   const kb = loadKb({ actorFiles: ['my-actors.yaml'] });
 */
export function loadKb(options: LoadKbOptions = {}): ActorKb {
  const base = options.actors ? [...options.actors] : shippedActors();
  const files = options.actorFiles ?? [];
  if (!files.length) return options.actors ? new ActorKb(base) : defaultKb();
  const byId = new Map(base.map((a) => [a.id, a]));
  for (const f of files) {
    const path = resolve(f);
    if (!existsSync(path)) throw new NewsgraphError('NG_INPUT_MISSING', f);
    const parsed = parseKbFile(path, f);
    const user = parsed.actors;
    const first = parsed.problems[0];
    if (first) throw new NewsgraphError('NG_DATA', `${first.file}:${first.line}`, first.message);
    const merged = new Map(byId);
    for (const a of user) merged.set(a.id, a);
    const userIds = new Set(user.map((a) => a.id));
    const dup = checkKb(user, new Set()).find((p) => p.message.includes('duplicate id'));
    if (dup) throw new NewsgraphError('NG_DATA', `${dup.file}:${dup.line}`, dup.message);
    const all = [...merged.values()];
    const known = countryCodes(all);
    const bad = checkKb(all, known).find((p) => p.file === f && userIds.has(p.message.split(':')[0]!));
    if (bad) throw new NewsgraphError('NG_DATA', `${bad.file}:${bad.line}`, bad.message);
    for (const a of user) byId.set(a.id, a);
  }
  return new ActorKb([...byId.values()]);
}

let defaultInstance: ActorKb | undefined;
function defaultKb(): ActorKb {
  defaultInstance ??= new ActorKb(shippedActors());
  return defaultInstance;
}

/** The shipped actor records, from the compiled cache when it is current. */
export function shippedActors(): LoadedActor[] {
  if (shipped) return shipped;
  const dir = dataPath('actors');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const signature = files.map((f) => {
    const s = statSync(join(dir, f));
    return `${f}:${s.size}:${s.mtimeMs}`;
  }).join('|');
  const cacheFile = join(PACKAGE_ROOT, 'dist', 'kb-cache.json');
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as Compiled & { signature: string };
    if (cached.signature === signature) return (shipped = cached.actors);
  } catch {
    // no cache yet, or unreadable: compile below
  }
  const actors: LoadedActor[] = [];
  for (const f of files) {
    const parsed = parseKbText(readFileSync(join(dir, f), 'utf8'), `data/actors/${f}`);
    // The shipped data is checked by `npm run validate-data`; a bad record is skipped here so that
    // one typo in the data does not stop every analysis.
    actors.push(...parsed.actors);
  }
  const seen = new Set<string>();
  shipped = actors.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
  try {
    mkdirSync(join(PACKAGE_ROOT, 'dist'), { recursive: true });
    // write then rename, so that a concurrent reader never sees half a file
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ signature, actors: shipped }));
    renameSync(tmp, cacheFile);
  } catch {
    // read-only install: stay uncached
  }
  return shipped;
}
