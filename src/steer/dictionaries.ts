/**
 * User dictionaries of a store: files under the store's folder (`corpus.db` → `corpus.newsgraph/`)
 * in the same formats as `data/`, edited by `newsgraph dictionaries add|edit|remove` and used by
 * every ingest and recode of that store.
 *
 * Layout of the store folder:
 * - `dictionaries/actors.yaml`: actor records (format of `data/actors/*.yaml`) that add actors or
 *   replace shipped ones by id (an alias added to a shipped actor writes a full copy of its record).
 * - `state/actors-<hash>.yaml`: immutable, content-addressed snapshots of the dictionary. Analyses
 *   read a snapshot, never the edited file, so a process that already loaded one version of the KB
 *   (the actors stage caches by file path) sees the next version under a new path.
 * - `state/recode.json`: which snapshot the stored facts were last coded with (the baseline of the
 *   pending change that `recode` applies).
 *
 * The events stage takes no extra verb pattern files yet (`AnalysisOptions` has no `verbFiles`),
 * so user dictionaries are actors only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { NewsgraphError } from '../errors.js';
import { loadKb, shippedActors } from '../kb/index.js';
import { parseKbText } from '../kb/parse.js';
import { ActorSchema, ROLE_KINDS, type KbActor, type KbRole, type LoadedActor } from '../kb/types.js';
import type { Correction } from '../store/types.js';

/** The store's folder for dictionaries and recode state; null for stores without a place on disk. */
export function storeDir(location: string): string | null {
  if (process.env.NEWSGRAPH_STORE_DIR) return resolve(process.env.NEWSGRAPH_STORE_DIR);
  if (location === ':memory:' || location === '') return null;
  const url = /^[a-z][a-z0-9+.-]+:\/\/[^/]*\/([^?#]+)/i.exec(location);
  // A networked store (postgres://host/db) keeps its folder in the working directory, named after the database.
  if (url) return resolve(`${url[1]!.replace(/[^\w.-]+/g, '_')}.newsgraph`);
  const path = resolve(location.replace(/^(sqlite|file):(\/\/)?/i, ''));
  return join(dirname(path), `${basename(path).replace(/\.[^.]+$/, '')}.newsgraph`);
}

/** Paths of a store's user dictionaries. */
export interface DictionaryPaths {
  dir: string;
  actors: string;
  stateDir: string;
  state: string;
}

export function dictionaryPaths(location: string): DictionaryPaths | null {
  const dir = storeDir(location);
  if (!dir) return null;
  return {
    dir,
    actors: join(dir, 'dictionaries', 'actors.yaml'),
    stateDir: join(dir, 'state'),
    state: join(dir, 'state', 'recode.json'),
  };
}

/** The recode state: the dictionary snapshot the stored facts were coded with. */
export interface RecodeState {
  /** Content hash of the applied actors dictionary ('' when there was none). */
  actors: string;
  /** Highest correction id applied to the stored facts by a recode (0: none). */
  corrections: number;
  /** Corrections removed since the last recode: their facts go back to the machine's at the next recode. */
  removed?: Correction[];
  updated: string;
  runId: string | null;
}

export const EMPTY_HASH = '';

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The current actors dictionary text and hash ('' when absent). */
export function currentActors(paths: DictionaryPaths): { text: string; hash: string } {
  if (!existsSync(paths.actors)) return { text: '', hash: EMPTY_HASH };
  const text = readFileSync(paths.actors, 'utf8');
  return { text, hash: text.trim() ? hashText(text) : EMPTY_HASH };
}

/** Path of the snapshot of an actors dictionary version (written when first needed). */
export function snapshotPath(paths: DictionaryPaths, hash: string): string {
  return join(paths.stateDir, `actors-${hash}.yaml`);
}

function writeSnapshot(paths: DictionaryPaths, text: string, hash: string): string {
  const file = snapshotPath(paths, hash);
  if (!existsSync(file)) {
    mkdirSync(paths.stateDir, { recursive: true });
    atomicWrite(file, text);
  }
  return file;
}

/** Text of an applied snapshot ('' for the empty dictionary or a lost snapshot). */
export function snapshotText(paths: DictionaryPaths, hash: string): string {
  if (hash === EMPTY_HASH) return '';
  const file = snapshotPath(paths, hash);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

export function readState(paths: DictionaryPaths): RecodeState | null {
  if (!existsSync(paths.state)) return null;
  try {
    return JSON.parse(readFileSync(paths.state, 'utf8')) as RecodeState;
  } catch {
    throw new NewsgraphError('NG_DATA', paths.state, 'recode state is not valid JSON; delete it to treat every dictionary entry as pending');
  }
}

export function writeState(paths: DictionaryPaths, state: RecodeState): void {
  mkdirSync(paths.stateDir, { recursive: true });
  atomicWrite(paths.state, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * The analysis options that make an ingest or recode of this store use its user dictionaries:
 * `actorFiles` pointing at the snapshot of the current dictionary (none when there is none).
 *
 * @example
 *   const options = storeAnalysisOptions('corpus.db'); // { actorFiles: ['/…/corpus.newsgraph/state/actors-3f2a….yaml'] }
 *   analyze(article, options);
 */
export function storeAnalysisOptions(location: string): { actorFiles?: string[]; verbFiles?: string[] } {
  const paths = dictionaryPaths(location);
  if (!paths) return {};
  // User verb patterns (same TSV format as data/events/verbs.tsv) are used as they are; a change to
  // them is not targeted by `recode` (it diffs actor dictionaries): apply one with `recode --all`.
  const verbs = join(paths.dir, 'dictionaries', 'verbs.tsv');
  const verbFiles = existsSync(verbs) ? { verbFiles: [verbs] } : {};
  const { text, hash } = currentActors(paths);
  if (hash === EMPTY_HASH) return verbFiles;
  return { actorFiles: [writeSnapshot(paths, text, hash)], ...verbFiles };
}

/** Records the current dictionary as applied when the store has one and no recode state yet (first ingest); no state means the empty dictionary. */
export function ensureBaseline(location: string, runId: string | null): void {
  const paths = dictionaryPaths(location);
  if (!paths || !existsSync(paths.actors) || readState(paths)) return;
  const { text, hash } = currentActors(paths);
  if (hash !== EMPTY_HASH) writeSnapshot(paths, text, hash);
  writeState(paths, { actors: hash, corrections: 0, updated: new Date().toISOString(), runId });
}

/** Marks the current dictionary as applied (after a recode). */
export function markApplied(paths: DictionaryPaths, hash: string, text: string, runId: string | null, corrections: number): void {
  if (hash !== EMPTY_HASH) writeSnapshot(paths, text, hash);
  writeState(paths, { actors: hash, corrections, updated: new Date().toISOString(), runId });
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export function atomicWrite(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Actor records of a dictionary text, by id (no validation beyond the schema). */
export function actorsOf(text: string, file = 'actors.yaml'): Map<string, LoadedActor> {
  if (!text.trim()) return new Map();
  return new Map(parseKbText(text, file).actors.map((a) => [a.id, a]));
}

// ---------------------------------------------------------------------------------------------
// Edits

/** One edit of the actors dictionary. */
export type DictionaryEdit =
  | { op: 'add-actor'; actor: KbActor }
  | { op: 'add-alias'; id: string; alias: string }
  | { op: 'add-role'; id: string; role: KbRole }
  | { op: 'set'; id: string; fields: Partial<Pick<KbActor, 'name' | 'type' | 'qid' | 'cameo' | 'country' | 'gender' | 'kind'>> }
  | { op: 'remove-alias'; id: string; alias: string }
  | { op: 'remove-actor'; id: string };

/** What an edit did: a one-line description and the dictionary file written. */
export interface EditResult {
  file: string;
  message: string;
}

/**
 * Applies one edit to a store's actors dictionary. The new text is checked with the KB schema and
 * loaded together with the shipped KB (same checks as `--actors`); an edit that would make the
 * dictionary invalid throws a NewsgraphError with the reason and leaves the file untouched. The
 * file is written to a temporary file, then renamed over the old one.
 *
 * @example
 *   editDictionary('corpus.db', { op: 'add-alias', id: 'RU', alias: 'the Kremlin' });
 */
export function editDictionary(location: string, edit: DictionaryEdit): EditResult {
  const paths = dictionaryPaths(location);
  if (!paths) throw new NewsgraphError('NG_USAGE', location, 'this store has no folder for user dictionaries; set NEWSGRAPH_STORE_DIR');
  const { text } = currentActors(paths);
  const doc = parseDocument(text.trim() ? text : '[]\n');
  if (!text.trim() && isSeq(doc.contents)) doc.contents.flow = false;
  if (doc.errors.length) throw new NewsgraphError('NG_DATA', paths.actors, `cannot edit: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (doc.contents === null || !isSeq(doc.contents)) throw new NewsgraphError('NG_DATA', paths.actors, 'cannot edit: expected a YAML list of actor records');
  const records = (doc.toJS() as Array<Record<string, unknown>>) ?? [];
  const index = (id: string) => records.findIndex((r) => r && r.id === id);
  const shipped = (id: string): KbActor | undefined => {
    const a = shippedActors().find((x) => x.id === id);
    if (!a) return undefined;
    const { origin: _origin, ...record } = a;
    return record;
  };
  /** The user record of `id`, copied from the shipped KB when the user file has none yet. */
  const editable = (id: string): { record: Record<string, unknown>; at: number } => {
    const at = index(id);
    if (at >= 0) return { record: { ...records[at]! }, at };
    const base = shipped(id);
    if (!base) throw new NewsgraphError('NG_USAGE', id, 'no actor with this id in the knowledge base or the user dictionary');
    return { record: structuredClone(base) as Record<string, unknown>, at: -1 };
  };
  const items = (doc.contents as { items: unknown[] }).items;
  const put = (record: Record<string, unknown>, at: number) => {
    // The layout of data/actors/*.yaml: a block mapping per actor, name lists inline, one role a line.
    const node = doc.createNode(record);
    node.flow = false;
    for (const pair of node.items) {
      const value = pair.value as { flow?: boolean; items?: Array<{ flow?: boolean }> } | null;
      if (!value || !Array.isArray(value.items)) continue;
      value.flow = String(pair.key) !== 'roles' && String(pair.key) !== 'codes';
      if (!value.flow) for (const item of value.items) item.flow = true;
    }
    if (at >= 0) items[at] = node;
    else items.push(node);
  };
  let message: string;
  switch (edit.op) {
    case 'add-actor': {
      if (index(edit.actor.id) >= 0 || shipped(edit.actor.id)) {
        throw new NewsgraphError('NG_USAGE', edit.actor.id, 'an actor with this id exists; use `dictionaries edit` or `add alias|role`');
      }
      put(stripUndefined(edit.actor), -1);
      message = `added actor ${edit.actor.id} (${edit.actor.name})`;
      break;
    }
    case 'add-alias': {
      const { record, at } = editable(edit.id);
      const aliases = (record.aliases as string[] | undefined) ?? [];
      if (aliases.includes(edit.alias) || record.name === edit.alias) throw new NewsgraphError('NG_USAGE', edit.alias, `is already a name of ${edit.id}`);
      record.aliases = [...aliases, edit.alias];
      put(record, at);
      message = `added alias '${edit.alias}' to ${edit.id}`;
      break;
    }
    case 'add-role': {
      const { record, at } = editable(edit.id);
      record.roles = [...((record.roles as unknown[] | undefined) ?? []), stripUndefined(edit.role)];
      put(record, at);
      message = `added role ${edit.role.title} (${edit.role.kind}, ${edit.role.org}, ${edit.role.from ?? '…'}–${edit.role.to ?? '…'}) to ${edit.id}`;
      break;
    }
    case 'set': {
      const { record, at } = editable(edit.id);
      Object.assign(record, stripUndefined(edit.fields));
      put(record, at);
      message = `set ${Object.entries(stripUndefined(edit.fields)).map(([k, v]) => `${k}=${v}`).join(', ')} on ${edit.id}`;
      break;
    }
    case 'remove-alias': {
      const { record, at } = editable(edit.id);
      const aliases = (record.aliases as string[] | undefined) ?? [];
      if (!aliases.includes(edit.alias)) throw new NewsgraphError('NG_USAGE', edit.alias, `is not an alias of ${edit.id}`);
      record.aliases = aliases.filter((a) => a !== edit.alias);
      put(record, at);
      message = `removed alias '${edit.alias}' from ${edit.id}`;
      break;
    }
    case 'remove-actor': {
      const at = index(edit.id);
      if (at < 0) throw new NewsgraphError('NG_USAGE', edit.id, 'not in the user dictionary (shipped actors cannot be removed, only overridden)');
      items.splice(at, 1);
      message = `removed ${edit.id} from the user dictionary${shipped(edit.id) ? ' (the shipped record applies again)' : ''}`;
      break;
    }
  }
  writeValidated(paths.actors, doc.toString({ lineWidth: 0 }));
  return { file: paths.actors, message };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Validates a new actors dictionary text (schema, then loading it over the shipped KB: duplicate
 * ids, unknown countries, role dates) and writes it atomically; throws NG_DATA naming the line and
 * the problem otherwise, leaving the file untouched.
 */
export function writeValidated(file: string, text: string): void {
  const parsed = parseKbText(text, file);
  const first = parsed.problems[0];
  if (first) throw new NewsgraphError('NG_DATA', `${first.file}:${first.line}`, `edit refused, ${first.message}; ${file} is unchanged`);
  for (const a of parsed.actors) {
    // parseKbText checked the shape; a second check here keeps the refusal message in one place.
    ActorSchema.parse(stripOrigin(a));
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  try {
    loadKb({ actorFiles: [tmp] });
  } catch (err) {
    unlinkSync(tmp);
    if (err instanceof NewsgraphError) {
      throw new NewsgraphError('NG_DATA', err.subject.split(tmp).join(file), `edit refused, ${err.detail}; ${file} is unchanged`);
    }
    throw err;
  }
  renameSync(tmp, file);
}

function stripOrigin(a: LoadedActor): KbActor {
  const { origin: _origin, ...rest } = a;
  return rest;
}

/** Role kinds accepted by `add role` (for the CLI's help). */
export const ROLE_KIND_LIST = ROLE_KINDS.join(', ');

/** The user dictionary's records and whether a change is pending against the applied state. */
export function listDictionary(location: string): { file: string | null; actors: LoadedActor[]; pending: boolean; applied: string | null; current: string } {
  const paths = dictionaryPaths(location);
  if (!paths) return { file: null, actors: [], pending: false, applied: null, current: EMPTY_HASH };
  const { text, hash } = currentActors(paths);
  const state = readState(paths);
  return {
    file: existsSync(paths.actors) ? paths.actors : null,
    actors: [...actorsOf(text, paths.actors).values()],
    pending: (state?.actors ?? EMPTY_HASH) !== hash,
    applied: state?.actors ?? null,
    current: hash,
  };
}

/** Copies a dictionary file into a store's folder (for tests and `--from`). */
export function installDictionary(location: string, from: string): string {
  const paths = dictionaryPaths(location);
  if (!paths) throw new NewsgraphError('NG_USAGE', location, 'this store has no folder for user dictionaries');
  writeValidated(paths.actors, readFileSync(from, 'utf8'));
  return paths.actors;
}

