/**
 * Targeted re-coding: which stored articles a pending dictionary change (or new corrections) can
 * affect, what would change in their facts, and replacing those facts as a new run.
 *
 * The index of "which dictionary entries and surface forms each article touched" is not a table of
 * its own: it is derived from what the store already keeps for every article —
 * - entity links: `entities` → `actors.key` (the KB Q-id or `kb:<id>`), indexed by actor;
 * - surface forms: the FTS5 full-text index of titles and texts, which also finds alias strings that
 *   were never recognised as mentions (the usual case for a newly added alias).
 * A change to an actor record maps to a query on both (see {@link changeOf}): an alias or name
 * added or removed → articles containing that phrase; a changed code, country, Q-id or type →
 * articles linked to the actor; a changed role → articles containing the role's title and linked
 * to the role's organisation. The affected set is a superset of the articles whose facts change;
 * the dry-run shows which do.
 */
import { dataVersion, VERSION } from '../analyze.js';
import { analyze, type ArticleInput } from '../analyze.js';
import type { Analysis } from '../contract.js';
import { NewsgraphError } from '../errors.js';
import { loadKb, shippedActors } from '../kb/index.js';
import type { LoadedActor } from '../kb/types.js';
import type { Correction, RunFact, Store } from '../store/types.js';
import { applyCorrections, steerable } from './corrections.js';
import {
  actorsOf, currentActors, dictionaryPaths, EMPTY_HASH, markApplied, readState, snapshotText, storeAnalysisOptions, type DictionaryPaths,
} from './dictionaries.js';
import { diffFacts, factsOf, type FactDiff } from './facts.js';

/** The queries that find the articles a dictionary change can affect. */
export interface DictionaryChange {
  /** Actor ids whose record differs between the applied and the current dictionary. */
  actors: string[];
  actorKeys: string[];
  phrases: string[];
  /** Role titles with the actor key of their organisation: articles must contain the title and link the organisation. */
  roles: Array<{ title: string; orgKey: string }>;
}

const strip = (a: LoadedActor | undefined) => {
  if (!a) return undefined;
  const { origin: _o, aliases: _a, name: _n, roles: _r, ...rest } = a;
  return JSON.stringify(rest);
};

/**
 * What changed between two versions of a user actors dictionary, as index queries.
 *
 * @example
 *   changeOf('', '- { id: RU, name: Russia, type: GPE, aliases: [the Kremlin] }').phrases; // ['the Kremlin', …]
 */
export function changeOf(oldText: string, newText: string): DictionaryChange {
  const before = actorsOf(oldText);
  const after = actorsOf(newText);
  const shipped = new Map<string, LoadedActor>();
  const ids = new Set([...before.keys(), ...after.keys()]);
  for (const a of shippedActors()) if (ids.has(a.id)) shipped.set(a.id, a);
  const keyOf = (a: LoadedActor) => a.qid ?? `kb:${a.id}`;
  const countryKey = (code: string) => {
    const c = after.get(code) ?? shipped.get(code) ?? shippedActors().find((x) => x.id === code);
    return c ? keyOf(c) : `kb:${code}`;
  };
  const out: DictionaryChange = { actors: [], actorKeys: [], phrases: [], roles: [] };
  const phrases = new Set<string>();
  const keys = new Set<string>();
  const roleKeys = new Set<string>();
  for (const id of ids) {
    // Without a user record the shipped one applies.
    const b = before.get(id) ?? shipped.get(id);
    const a = after.get(id) ?? shipped.get(id);
    if (JSON.stringify({ ...b, origin: 0 }) === JSON.stringify({ ...a, origin: 0 })) continue;
    out.actors.push(id);
    const names = (x: LoadedActor | undefined) => new Set(x ? [x.name, ...(x.aliases ?? [])] : []);
    const nb = names(b);
    const na = names(a);
    for (const n of nb) if (!na.has(n)) phrases.add(n);
    for (const n of na) if (!nb.has(n)) phrases.add(n);
    // A person's surname links too ("Putin" for "Vladimir Putin").
    for (const x of [a, b]) {
      if (x?.type === 'PERSON' && (!a || !b || a.name !== b.name)) phrases.add(x.name.split(/\s+/).pop()!);
    }
    if (strip(a) !== strip(b) || (a && !b) || (b && !a) || (a && b && a.name !== b.name)) {
      for (const x of [a, b]) if (x) keys.add(keyOf(x));
    }
    const rolesOf = (x: LoadedActor | undefined) => new Map((x?.roles ?? []).map((r) => [JSON.stringify(r), r]));
    const rb = rolesOf(b);
    const ra = rolesOf(a);
    for (const [k, r] of [...rb].filter(([k]) => !ra.has(k)).concat([...ra].filter(([k]) => !rb.has(k)))) {
      if (roleKeys.has(k)) continue;
      roleKeys.add(k);
      out.roles.push({ title: r.title, orgKey: countryKey(r.org) });
      for (const x of [a, b]) if (x) keys.add(keyOf(x));
    }
  }
  out.phrases = [...phrases].filter((p) => p.trim());
  out.actorKeys = [...keys];
  return out;
}

/** Articles a dictionary change and new corrections can affect (sorted ids). */
export async function affectedArticles(store: Store, change: DictionaryChange, corrections: readonly Correction[] = []): Promise<string[]> {
  const s = steerable(store);
  const ids = new Set(await s.articlesTouching({ actorKeys: change.actorKeys, phrases: change.phrases }));
  for (const r of change.roles) {
    const withTitle = new Set(await s.articlesTouching({ actorKeys: [], phrases: [r.title] }));
    for (const id of await s.articlesTouching({ actorKeys: [r.orgKey], phrases: [] })) if (withTitle.has(id)) ids.add(id);
  }
  for (const c of corrections) {
    if (c.article) ids.add(c.article);
    else if (c.kind === 'place') for (const id of await s.articlesTouching({ actorKeys: [], phrases: [c.target] })) ids.add(id);
    else for (const id of await s.articlesTouching({ actorKeys: [c.target], phrases: [] })) ids.add(id);
  }
  return [...ids].sort();
}

/** Options of {@link recode}. */
export interface RecodeOptions {
  /** Show what would change; write nothing. */
  dryRun?: boolean;
  /** Re-code every stored article (a full re-run), whatever changed. */
  all?: boolean;
  /** Re-code exactly these articles. */
  articles?: string[];
  /** How many example changes to keep (default 10). */
  examples?: number;
  /** How long to wait for another writer, ms. */
  waitMs?: number;
  onProgress?: (done: number, total: number) => void;
}

/** What {@link recode} found and did. */
export interface RecodeReport {
  /** The pending dictionary change (empty when none). */
  change: DictionaryChange;
  /** Corrections added since the last recode. */
  newCorrections: number;
  /** Corrections removed since the last recode (their articles are re-coded too). */
  removedCorrections: number;
  affected: string[];
  diff: FactDiff;
  /** The new run, or null for a dry run / nothing to do. */
  runId: string | null;
  dataVersion: string;
  seconds: { find: number; analyse: number; write: number; total: number };
}

/** Rebuilds the input of an article from its stored analysis, for a new analysis of the same text. */
export function inputOf(a: Analysis): { input: ArticleInput; date?: string } {
  const d = a.document;
  const input: ArticleInput = {
    id: d.id, text: d.text, title: d.title ?? undefined, source: d.source ?? undefined, outlet: d.outlet ?? undefined, authors: d.authors,
    ...(d.dateSource === 'metadata' && d.date ? { date: d.date } : {}),
    ...(d.caption ? { caption: d.caption } : {}), ...(d.imageCredit ? { imageCredit: d.imageCredit } : {}),
  };
  return { input, ...(d.dateSource === 'argument' && d.date ? { date: d.date } : {}) };
}

/**
 * Re-codes the articles affected by the pending dictionary change and new corrections (or all,
 * or a given list): analyses them again with the store's current user dictionary, applies every
 * correction, diffs the new facts against the stored ones and — unless `dryRun` — replaces them in
 * one transaction as a new run (with its code and data version), then marks the dictionary applied.
 * A crash or kill before the commit leaves the previous facts and the pending state as they were.
 *
 * @example
 *   const preview = await recode(store, { dryRun: true });
 *   console.log(preview.affected.length, preview.diff.events);
 *   const done = await recode(store);
 */
export async function recode(store: Store, opts: RecodeOptions = {}): Promise<RecodeReport> {
  const t0 = performance.now();
  const s = steerable(store);
  const paths = dictionaryPaths(store.location);
  const state = paths ? readState(paths) : null;
  const current = paths ? currentActors(paths) : { text: '', hash: EMPTY_HASH };
  const change = paths ? changeOf(snapshotText(paths, state?.actors ?? EMPTY_HASH), current.text) : { actors: [], actorKeys: [], phrases: [], roles: [] };
  const corrections = await s.corrections();
  const appliedUpTo = state?.corrections ?? 0;
  const fresh = corrections.filter((c) => c.id > appliedUpTo);
  let affected: string[];
  if (opts.articles) affected = [...opts.articles];
  else if (opts.all) {
    affected = [];
    for await (const r of store.rows('articles')) affected.push(String(r.id));
  } else affected = await affectedArticles(store, change, [...fresh, ...(state?.removed ?? [])]);
  const t1 = performance.now();

  const options = paths ? storeAnalysisOptions(store.location) : {};
  const version = dataVersion(options.actorFiles);
  const kb = loadKb(options);
  const before: RunFact[] = [];
  const after: RunFact[] = [];
  const superseded: Array<RunFact & { run: string }> = [];
  const analyses: Analysis[] = [];
  let done = 0;
  for (const id of affected) {
    const stored = await store.getAnalysis(id);
    if (!stored) throw new NewsgraphError('NG_USAGE', id, 'no such article in the store');
    const { input, date } = inputOf(stored);
    const a = analyze(input, { ...options, ...(date ? { date } : {}) });
    applyCorrections(a, corrections, kb);
    const old = factsOf(stored);
    before.push(...old);
    after.push(...factsOf(a));
    if (!opts.dryRun) {
      const run = (await store.getArticle(id))?.runId ?? 'unknown';
      for (const f of old) superseded.push({ ...f, run });
      analyses.push(a);
    }
    opts.onProgress?.(++done, affected.length);
  }
  const t2 = performance.now();
  const diff = diffFacts(before, after, opts.examples ?? 10);
  let runId: string | null = null;
  if (!opts.dryRun && (affected.length || change.actors.length || fresh.length || state?.removed?.length)) {
    const release = await store.lockWriter({ waitMs: opts.waitMs, owner: 'recode' });
    try {
      runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-recode`;
      await store.startRun({ id: runId, started: new Date().toISOString(), codeVersion: VERSION, dataVersion: version });
      if (analyses.length) await s.replaceArticles(analyses, runId, superseded);
      await store.finishRun(runId, {
        recoded: analyses.length, eventsAdded: diff.events.added, eventsRemoved: diff.events.removed, eventsChanged: diff.events.changed,
        linksAdded: diff.links.added, linksRemoved: diff.links.removed, linksChanged: diff.links.changed,
      });
      if (paths) markApplied(paths, current.hash, current.text, runId, corrections.at(-1)?.id ?? appliedUpTo);
    } finally {
      await release();
    }
  }
  const t3 = performance.now();
  const sec = (x: number) => Math.round(x) / 1000;
  return {
    change, newCorrections: fresh.length, removedCorrections: state?.removed?.length ?? 0, affected, diff, runId, dataVersion: version,
    seconds: { find: sec(t1 - t0), analyse: sec(t2 - t1), write: sec(t3 - t2), total: sec(t3 - t0) },
  };
}

/** Whether a dictionary change or corrections are waiting for `recode`. */
export async function pending(store: Store): Promise<{ dictionary: boolean; corrections: number; paths: DictionaryPaths | null }> {
  const paths = dictionaryPaths(store.location);
  const state = paths ? readState(paths) : null;
  const dictionary = paths ? (state?.actors ?? EMPTY_HASH) !== currentActors(paths).hash : false;
  const corrections = (await steerable(store).corrections()).filter((c) => c.id > (state?.corrections ?? 0)).length + (state?.removed?.length ?? 0);
  return { dictionary, corrections, paths };
}

/**
 * The facts of a run: the stored facts of articles last coded by it, plus the facts it produced
 * that later runs replaced (kept by `replaceArticles`).
 */
export async function runFacts(store: Store, runId: string): Promise<RunFact[]> {
  const s = steerable(store);
  const live = new Set<string>();
  const out: RunFact[] = [];
  const ids: string[] = [];
  for await (const r of store.rows('articles')) if (r.run_id === runId) ids.push(String(r.id));
  for (const id of ids) {
    const a = await store.getAnalysis(id);
    if (!a) continue;
    live.add(id);
    out.push(...factsOf(a));
  }
  for (const f of await s.supersededFacts(runId)) if (!live.has(f.article)) out.push(f);
  return out;
}

/**
 * Compares two runs' facts over the articles both coded: events by article + trigger + root
 * (code, source, target, modality may change), entity links by article + mention offsets.
 *
 * @example
 *   const d = await runsDiff(store, 'run-a', 'run-b');
 *   console.log(`${(d.agreement * 100).toFixed(1)}% of facts agree`);
 */
export async function runsDiff(store: Store, a: string, b: string, examples = 10): Promise<FactDiff & { articlesCompared: number }> {
  const runs = new Set((await store.runs()).map((r) => r.id));
  for (const r of [a, b]) if (!runs.has(r)) throw new NewsgraphError('NG_USAGE', r, 'no such run (see `newsgraph runs list`)');
  const fa = await runFacts(store, a);
  const fb = await runFacts(store, b);
  const inB = new Set(fb.map((f) => f.article));
  const compared = new Set(fa.map((f) => f.article).filter((x) => inB.has(x))).size;
  return { ...diffFacts(fa, fb, examples), articlesCompared: compared };
}
