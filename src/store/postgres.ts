import { hostname } from 'node:os';
import pg from 'pg';
import { maskUrl } from '../cluster/redis.js';
import type { Analysis, Modality } from '../contract.js';
import { clusterIncidents, incidentKey, INCIDENT_MODALITIES, type IncidentEventRow } from '../dedup/incidents.js';
import { NewsgraphError } from '../errors.js';
import { actorKey, monthOf, normalizeName, sentenceAt } from './keys.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './pg-schema.js';
import { assembleAnalysis, round, toActor, toArticle, toEvent, toIncident } from './rows.js';
import type {
  Actor, ActorProfile, ActorRef, ArticleRecord, Correction, DedupCandidate, RunFact, DyadMonth, EventEvidence, EventFilter, Incident,
  NeighbourEdge, OpenStoreOptions, PutResult, RunInfo, SearchHit, SearchOptions, Store, StoreStats, StoredArticle,
  StoredEvent, TableName,
} from './types.js';

type Row = Record<string, any>;
type Client = pg.PoolClient;

const APP_ID = 'newsgraph';
const DEFAULT_MODALITY: Modality[] = ['asserted'];
/** Advisory lock keys (one bigint space per database): schema migrations, and the single-writer lock. */
const MIGRATE_LOCK = 0x6e67_0001;
const WRITER_LOCK = 0x6e67_0002;
/** SQLSTATEs worth retrying a whole transaction for: deadlock, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * A connection the server closed (restart, failover, pg_terminate_backend): the statement is run
 * again once on a fresh connection. Every statement of this store is safe to repeat (writes are
 * idempotent by article id, upserts or whole rewrites).
 */
function connectionLost(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return ['57P01', '57P02', '57P03', 'ECONNRESET', 'EPIPE'].includes(e.code ?? '') || /Connection terminated|not queryable/i.test(e.message ?? '');
}

/** int8 (counts, identities) and numeric (sums) as JS numbers: every value in a store fits in 2^53. */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => (v === null ? null : Number(v));
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * Opens the PostgreSQL store at a `postgres://` or `postgresql://` URL: a connection pool, the
 * schema migrated (in one transaction under an advisory lock, so several workers starting at once
 * do not race). Refuses, with a one-line NewsgraphError naming the URL (password masked), an
 * unreachable server, a failed login, a missing database, another application's tables, or a
 * schema newer than this code.
 *
 * @example
 *   const store = await openPostgresStore('postgres://news:secret@db.internal/newsgraph');
 *   console.log(await store.stats());
 *   await store.close();
 */
export async function openPostgresStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const store = new PostgresStore(url, opts);
  try {
    await store.open(opts);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/**
 * Turns a pg or network error into a one-line NewsgraphError (`NG_DB`) naming the URL, password
 * masked, and the failure: unreachable (with the socket error code), authentication failed, no
 * such database, or PostgreSQL's own first line.
 *
 * @example
 *   pgError('postgres://news:secret@db:5432/news', { code: 'ECONNREFUSED' }).message;
 *   // 'postgres://news:***@db:5432/news: PostgreSQL unreachable (ECONNREFUSED)'
 */
export function pgError(url: string, err: unknown): NewsgraphError {
  if (err instanceof NewsgraphError) return err;
  const e = err as { code?: string; message?: string; errors?: Array<{ code?: string }> };
  const code = e.code ?? e.errors?.find((x) => x.code)?.code;
  let detail: string;
  if (code === '28P01' || code === '28000') detail = `authentication failed (${e.message})`;
  else if (code === '3D000') detail = `no such database (${e.message})`;
  else if (code && /^E[A-Z]+$/.test(code)) detail = `PostgreSQL unreachable (${code})`;
  else if (/timeout/i.test(e.message ?? '')) detail = `PostgreSQL unreachable (connection timeout)`;
  else if (/Connection terminated/i.test(e.message ?? '')) detail = `PostgreSQL connection lost (${e.message})`;
  else detail = (e.message ?? String(err)).split('\n')[0]!;
  return new NewsgraphError('NG_DB', maskUrl(url), detail);
}

/** `$n` placeholders collected as values are added. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** PostgreSQL text cannot hold NUL: a space keeps every offset into the text valid. */
const clean = (v: unknown): unknown => (typeof v === 'string' && v.includes('\0') ? v.replaceAll('\0', ' ') : v);
const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const noop = () => {};
const GUARDED = new WeakSet<pg.PoolClient>();

/** Parameters per statement: PostgreSQL's limit is 65535. */
const MAX_PARAMS = 60_000;

/** Multi-row INSERT of `rows`, chunked under PostgreSQL's parameter limit. */
async function insertRows(c: Client, table: string, cols: string[], rows: unknown[][], suffix = ''): Promise<Row[]> {
  const out: Row[] = [];
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  for (let i = 0; i < rows.length; i += per) {
    const p = new Params();
    const tuples = rows.slice(i, i + per).map((r) => `(${r.map((v) => p.add(clean(v))).join(', ')})`);
    const res = await c.query(`INSERT INTO ${table}(${cols.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, p.values);
    out.push(...res.rows);
  }
  return out;
}

/**
 * INSERTs sent together as data-modifying CTEs of one statement: one round trip for all the facts
 * of a batch instead of one per table (round trips, not PostgreSQL, bound a worker's write time).
 */
class InsertBatch {
  private p = new Params();
  private ctes: string[] = [];
  constructor(private readonly c: Client) {}

  async add(table: string, cols: string[], rows: unknown[][], suffix = ''): Promise<void> {
    const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      if (this.p.values.length + chunk.length * cols.length > MAX_PARAMS) await this.flush();
      const tuples = chunk.map((r) => `(${r.map((v) => this.p.add(clean(v))).join(', ')})`);
      this.ctes.push(`i${this.ctes.length} AS (INSERT INTO ${table}(${cols.join(', ')}) VALUES ${tuples.join(', ')} ${suffix})`);
    }
  }

  async flush(): Promise<void> {
    if (!this.ctes.length) return;
    await this.c.query(`WITH ${this.ctes.join(', ')} SELECT 1`, this.p.values);
    this.p = new Params();
    this.ctes = [];
  }
}

class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly location: string;
  private readonly url: string;
  private readonly pool: pg.Pool;
  private readonly readonly: boolean;
  private version = 0;
  /** Connections held by writer locks: closed with the store (which frees their locks). */
  private readonly held = new Set<Client>();

  constructor(url: string, opts: OpenStoreOptions) {
    this.url = url;
    this.location = maskUrl(url);
    this.readonly = opts.readonly ?? false;
    this.pool = new pg.Pool({
      connectionString: url,
      types: TYPES,
      max: Number(process.env.NEWSGRAPH_PG_POOL ?? 10),
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      application_name: 'newsgraph',
      ...(this.readonly ? { options: '-c default_transaction_read_only=on' } : {}),
    });
    // An idle client losing its connection (server restart) must not crash the process: the pool
    // drops it and the next query reconnects or fails with a NewsgraphError.
    this.pool.on('error', noop);
  }

  private async connect(): Promise<Client> {
    let c: Client;
    try {
      c = await this.pool.connect();
    } catch (err) {
      throw pgError(this.url, err);
    }
    // A checked-out client whose connection drops emits 'error': without a listener that would crash the process.
    if (!GUARDED.has(c)) {
      GUARDED.add(c);
      c.on('error', noop);
    }
    return c;
  }

  private async q(sql: string, params: unknown[] = []): Promise<Row[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.pool.query(sql, params)).rows as Row[];
      } catch (err) {
        if (attempt === 0 && connectionLost(err)) continue;
        throw pgError(this.url, err);
      }
    }
  }

  private async one(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return (await this.q(sql, params))[0];
  }

  /** Runs `fn` in a transaction, retried a few times on deadlock or serialization failure. */
  private async tx<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const c = await this.connect();
      let broken = false;
      try {
        await c.query('BEGIN');
        const out = await fn(c);
        await c.query('COMMIT');
        return out;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => { broken = true; });
        const code = (err as { code?: string }).code;
        if ((code && RETRYABLE.has(code) && attempt < 5) || (attempt === 0 && connectionLost(err))) {
          await sleep(20 + Math.random() * 100 * (attempt + 1));
          continue;
        }
        throw pgError(this.url, err);
      } finally {
        c.release(broken);
      }
    }
  }

  /** Checks the database, then migrates it (unless read-only). */
  async open(opts: OpenStoreOptions): Promise<void> {
    const c = await this.connect();
    try {
      const state = await readState(c);
      this.checkState(state);
      const wanted = !this.readonly && opts.create !== false;
      if (!state.hasMeta && !wanted) {
        throw new NewsgraphError('NG_DB', this.location, 'no newsgraph store in this database; run `newsgraph ingest --db` or a worker first');
      }
      if (this.readonly || state.version === PG_SCHEMA_VERSION) {
        this.version = state.version;
        return;
      }
      for (let attempt = 0; ; attempt++) {
        await c.query('BEGIN');
        try {
          // Several workers may start at once: the first migrates, the others wait here, then see the new version.
          await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
          const now = await readState(c);
          this.checkState(now);
          for (const m of PG_MIGRATIONS) {
            if (m.version <= now.version) continue;
            await c.query(m.sql);
            await c.query("INSERT INTO meta(key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(m.version)]);
          }
          await c.query("INSERT INTO meta(key, value) VALUES ('application', $1) ON CONFLICT (key) DO NOTHING", [APP_ID]);
          await c.query('COMMIT');
          break;
        } catch (err) {
          await c.query('ROLLBACK').catch(noop);
          // A session may still see the catalog as it was before the lock was granted (its cache is
          // refreshed at the next transaction): the other process's objects then look new to it.
          // The next attempt sees them and has nothing left to do.
          const code = (err as { code?: string }).code ?? '';
          if (attempt < 3 && ['23505', '42P07', '42710', '40P01'].includes(code)) continue;
          throw err;
        }
      }
      this.version = PG_SCHEMA_VERSION;
    } catch (err) {
      throw pgError(this.url, err);
    } finally {
      c.release();
    }
  }

  private checkState(state: DbState): void {
    if (!state.hasMeta && state.hasArticles) {
      throw new NewsgraphError('NG_DB_FOREIGN', this.location, 'has an articles table but no newsgraph meta table; refusing to modify it');
    }
    if (state.hasMeta && state.app !== APP_ID) {
      throw new NewsgraphError('NG_DB_FOREIGN', this.location, "has a 'meta' table of another application; refusing to modify it");
    }
    if (state.version > PG_SCHEMA_VERSION) {
      throw new NewsgraphError('NG_DB_SCHEMA', this.location, `store schema v${state.version} is newer than this newsgraph (v${PG_SCHEMA_VERSION}); upgrade newsgraph`);
    }
  }

  async schemaVersion(): Promise<number> {
    const r = await this.one("SELECT value FROM meta WHERE key = 'schema_version'");
    return r ? Number(r.value) : this.version;
  }

  async lockWriter(opts: { waitMs?: number; owner?: string } = {}): Promise<() => Promise<void>> {
    const deadline = Date.now() + (opts.waitMs ?? 0);
    // A session-level advisory lock lives as long as this connection: a killed process's lock
    // vanishes with its session, so there is nothing stale to take over.
    const c = await this.connect();
    const host = hostname();
    try {
      for (;;) {
        const got = (await c.query('SELECT pg_try_advisory_lock($1) AS ok', [WRITER_LOCK])).rows[0]!.ok as boolean;
        if (got) break;
        if (Date.now() >= deadline) {
          const h = (await c.query("SELECT pid, host, since FROM locks WHERE name = 'writer'")).rows[0] as Row | undefined;
          throw new NewsgraphError('NG_DB_LOCKED', this.location,
            `another ingest (pid ${h?.pid ?? '?'} on ${h?.host ?? '?'}, since ${h?.since ?? '?'}) is writing this store; wait for it or pass --wait`);
        }
        await sleep(250);
      }
      await c.query(`INSERT INTO locks(name, pid, host, owner, since) VALUES ('writer', $1, $2, $3, $4)
        ON CONFLICT (name) DO UPDATE SET pid = excluded.pid, host = excluded.host, owner = excluded.owner, since = excluded.since`,
      [process.pid, host, opts.owner ?? null, new Date().toISOString()]);
    } catch (err) {
      c.release(true);
      throw pgError(this.url, err);
    }
    this.held.add(c);
    let released = false;
    return async () => {
      if (released || !this.held.delete(c)) return;
      released = true;
      try {
        await c.query("DELETE FROM locks WHERE name = 'writer' AND pid = $1 AND host = $2", [process.pid, host]);
        await c.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]);
        c.release();
      } catch {
        c.release(true); // closing the session frees the lock anyway
      }
    };
  }

  async startRun(run: Omit<RunInfo, 'finished' | 'stats'>): Promise<void> {
    await this.q(`INSERT INTO runs(id, started, code_version, data_version) VALUES ($1, $2, $3, $4)
      ON CONFLICT (id) DO UPDATE SET started = excluded.started, code_version = excluded.code_version, data_version = excluded.data_version,
        finished = NULL, stats = NULL`, [run.id, run.started, run.codeVersion, run.dataVersion]);
  }

  async finishRun(id: string, stats: Record<string, number>): Promise<void> {
    await this.q('UPDATE runs SET finished = $1, stats = $2 WHERE id = $3', [new Date().toISOString(), JSON.stringify(stats), id]);
  }

  async runs(): Promise<RunInfo[]> {
    return (await this.q('SELECT * FROM runs ORDER BY started, id')).map((r) => ({
      id: r.id, started: r.started, finished: r.finished, codeVersion: r.code_version, dataVersion: r.data_version,
      stats: parse(r.stats, null),
    }));
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    return new Set((await this.q('SELECT id FROM articles WHERE id = ANY($1::text[])', [ids])).map((r) => r.id as string));
  }

  async byContentHash(hashes: string[]): Promise<Map<string, { id: string; storyId: string }>> {
    const out = new Map<string, { id: string; storyId: string }>();
    if (!hashes.length) return out;
    const rows = await this.q(`SELECT DISTINCT ON (content_hash) content_hash, id, story_id FROM articles
      WHERE content_hash = ANY($1::text[]) ORDER BY content_hash, seq`, [hashes]);
    for (const r of rows) out.set(r.content_hash, { id: r.id, storyId: r.story_id });
    return out;
  }

  async nearCandidates(bands: string[]): Promise<DedupCandidate[]> {
    if (!bands.length) return [];
    const rows = await this.q(`SELECT a.id, a.story_id, a.content_hash, a.minhash FROM articles a
      WHERE a.seq IN (SELECT article FROM bands WHERE key = ANY($1::bigint[])) ORDER BY a.seq`, [bands]);
    return rows.map((r) => ({ id: r.id, storyId: r.story_id, contentHash: r.content_hash, minhash: r.minhash ? bufferToSig(r.minhash) : null }));
  }

  async putArticles(records: ArticleRecord[], runId: string | null): Promise<PutResult> {
    if (this.readonly) throw new NewsgraphError('NG_DB', this.location, 'store was opened read-only');
    return this.tx(async (c) => {
      const skipped: string[] = [];
      const inserted: Array<{ rec: ArticleRecord; seq: number }> = [];
      // Idempotent under concurrency: a second writer of the same id waits for the first one's
      // commit on the unique index, then inserts nothing and skips every fact of that article.
      for (const rec of records) {
        const row = await this.insertArticle(c, rec, runId);
        if (row) inserted.push({ rec, seq: row.seq });
        else skipped.push(rec.analysis.document.id);
      }
      if (inserted.length) {
        const actorIds = await upsertActors(c, inserted.map((x) => x.rec.analysis));
        await writeFacts(c, inserted, actorIds);
      }
      return { stored: inserted.length, skipped };
    });
  }

  private async insertArticle(c: Client, rec: ArticleRecord, runId: string | null): Promise<{ seq: number } | null> {
    const a = rec.analysis;
    const d = a.document;
    const p = new Params();
    const values = [
      d.id, d.source, /^https?:/.test(d.source ?? '') ? d.source : null, d.title, d.date, d.dateSource, JSON.stringify(d.authors),
      d.outlet, d.genre, d.language, d.caption, d.imageCredit, d.copyright, d.text, d.contentHash ?? '',
      JSON.stringify(a.sentences.map((s) => [s.start, s.end])), json(d.parts), rec.storyId, rec.duplicateOf, rec.duplicateKind,
      rec.similarity, rec.minhash ? Buffer.from(rec.minhash.buffer, rec.minhash.byteOffset, rec.minhash.byteLength) : null,
      runId, json(a.pipeline), a.diagnostics.length ? JSON.stringify(a.diagnostics) : null,
    ].map((v) => p.add(clean(v)));
    // Only the first member of a story is indexed for near-duplicate lookups: later copies would find it anyway.
    const bands = !rec.duplicateOf && rec.bands.length
      ? `, b AS (INSERT INTO bands(key, article) SELECT k, ins.seq FROM ins, unnest(${p.add(rec.bands)}::bigint[]) AS k)` : '';
    const res = await c.query(`WITH ins AS (INSERT INTO articles(id, source, url, title, date, date_source, authors, outlet, genre, language,
        caption, image_credit, copyright, text, content_hash, sentences, parts, story_id, duplicate_of, duplicate_kind, similarity, minhash,
        run_id, pipeline, diagnostics) VALUES (${values.join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING seq)${bands}
      SELECT seq FROM ins`, p.values);
    return res.rows.length ? { seq: res.rows[0].seq as number } : null;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const r = await this.one('SELECT * FROM articles WHERE id = $1', [id]);
    return r ? toArticle(r) : null;
  }

  async getAnalysis(id: string): Promise<Analysis | null> {
    const r = await this.one('SELECT * FROM articles WHERE id = $1', [id]);
    if (!r) return null;
    const seq = r.seq as number;
    const by = (table: string) => this.q(`SELECT * FROM ${table} WHERE article = $1 ORDER BY id`, [seq]);
    const [entities, mentions, roles, toneRows, places, times, events, relations, quotes] = await Promise.all([
      // By local id as text: the order SQLite returns them in (its key is (article, local_id)).
      this.q('SELECT e.*, a.key FROM entities e JOIN actors a ON a.id = e.actor WHERE e.article = $1 ORDER BY e.local_id', [seq]),
      by('mentions'), by('roles'), this.q('SELECT * FROM tone WHERE article = $1', [seq]), by('places'), by('times'), by('events'),
      by('relations'), by('quotes'),
    ]);
    return assembleAnalysis(r, { entities, mentions, roles, tone: toneRows[0], places, times, events, relations, quotes });
  }

  async story(storyId: string): Promise<string[]> {
    return (await this.q('SELECT id FROM articles WHERE story_id = $1 ORDER BY seq', [storyId])).map((r) => r.id);
  }

  async findActors(ref: ActorRef, limit = 10): Promise<Actor[]> {
    if (typeof ref === 'number' || /^\d+$/.test(ref)) {
      const r = await this.one('SELECT * FROM actors WHERE id = $1', [Number(ref)]);
      return r ? [toActor(r)] : [];
    }
    const exact = await this.q('SELECT * FROM actors WHERE key = $1 OR qid = $1 OR cameo = $2 ORDER BY articles DESC, id LIMIT $3', [ref, ref.toUpperCase(), limit]);
    if (exact.length) return exact.map(toActor);
    const lc = normalizeName(ref);
    const named = await this.q('SELECT * FROM actors WHERE name_lc = $1 ORDER BY articles DESC, id LIMIT $2', [lc, limit]);
    if (named.length) return named.map(toActor);
    const prefix = await this.q('SELECT * FROM actors WHERE name_lc >= $1 AND name_lc < $2 ORDER BY articles DESC, id LIMIT $3', [lc, `${lc}\uffff`, limit]);
    if (prefix.length || !lc) return prefix.map(toActor);
    // A surname or a later word of the name ("Putin" for "Vladimir Putin"), as the SQLite store does.
    const word = await this.q('SELECT * FROM actors WHERE name_lc LIKE $1 ORDER BY articles DESC, mentions DESC, id LIMIT $2',
      [`% ${lc.replace(/[%_\\]/g, '')}%`, limit]);
    return word.map(toActor);
  }

  private async actorId(ref: ActorRef): Promise<number | null> {
    return (await this.findActors(ref, 1))[0]?.id ?? null;
  }

  async actorProfile(ref: ActorRef, opts: { top?: number; from?: string; to?: string } = {}): Promise<ActorProfile | null> {
    const actor = (await this.findActors(ref, 1))[0];
    if (!actor) return null;
    const id = actor.id;
    const top = opts.top ?? 10;
    const from = opts.from ?? '0000';
    const to = opts.to ?? '9999';
    const names = (await this.q('SELECT text, count(*) AS n FROM mentions WHERE actor = $1 GROUP BY text ORDER BY n DESC, text LIMIT 20', [id]))
      .map((r) => ({ text: r.text, count: r.n }));
    const roles = (await this.q(`SELECT title, org, valid_from, valid_to, min(date) AS first, max(date) AS last, count(*) AS n
      FROM roles WHERE actor = $1 GROUP BY title, org, valid_from, valid_to ORDER BY first NULLS FIRST, title`, [id]))
      .map((r) => ({ title: r.title, org: r.org, from: r.valid_from, to: r.valid_to, firstSeen: r.first, lastSeen: r.last, count: r.n }));
    const counterRows = await this.q(`SELECT other, count(*) AS n, sum(goldstein) AS g FROM (
        SELECT target AS other, goldstein FROM events WHERE source = $1 AND target IS NOT NULL AND target != $1 AND modality = 'asserted'
          AND coalesce(date_from, '') BETWEEN $2 AND $3
        UNION ALL
        SELECT source AS other, goldstein FROM events WHERE target = $1 AND source IS NOT NULL AND source != $1 AND modality = 'asserted'
          AND coalesce(date_from, '') BETWEEN $2 AND $3
      ) x GROUP BY other ORDER BY n DESC, other LIMIT $4`, [id, from, to, top]);
    const others = new Map((await this.q('SELECT * FROM actors WHERE id = ANY($1::bigint[])', [counterRows.map((r) => r.other)]))
      .map((r) => [r.id as number, toActor(r)]));
    const counterparts = counterRows.map((r) => ({ actor: others.get(r.other)!, events: r.n, goldstein: round(r.g) }));
    const months = (await this.q(`SELECT month, count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
        count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
      FROM (
        SELECT month, quad_class FROM events WHERE source = $1 AND modality = 'asserted' AND month IS NOT NULL AND date_from BETWEEN $2 AND $3
        UNION ALL
        SELECT month, quad_class FROM events WHERE target = $1 AND coalesce(source, -1) != $1 AND modality = 'asserted' AND month IS NOT NULL
          AND date_from BETWEEN $2 AND $3
      ) x GROUP BY month ORDER BY month`, [id, from, to]))
      .map((r) => ({ month: r.month, q1: r.q1, q2: r.q2, q3: r.q3, q4: r.q4 }));
    return { actor, names, roles, counterparts, months };
  }

  async dyadTimeline(a: ActorRef, b: ActorRef, opts: { from?: string; to?: string; both?: boolean; modality?: Modality[] | 'any' } = {}): Promise<DyadMonth[]> {
    const s = await this.actorId(a);
    const t = await this.actorId(b);
    if (s === null || t === null) return [];
    const p = new Params();
    const [ps, pt] = [p.add(s), p.add(t)];
    const pairs = opts.both ? `((source = ${ps} AND target = ${pt}) OR (source = ${pt} AND target = ${ps}))` : `source = ${ps} AND target = ${pt}`;
    const range = `date_from BETWEEN ${p.add(opts.from ?? '0000')} AND ${p.add(opts.to ?? '9999')}`;
    const mods = modalityClause(opts.modality, 'modality', p);
    const rows = await this.q(`SELECT month, count(*) AS n, sum(goldstein) AS g, count(*) FILTER (WHERE quad_class = 1) AS q1,
        count(*) FILTER (WHERE quad_class = 2) AS q2, count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
      FROM events WHERE ${pairs} AND month IS NOT NULL AND ${range} ${mods}
      GROUP BY month ORDER BY month`, p.values);
    return rows.map((r) => ({ month: r.month, events: r.n, goldstein: round(r.g), q1: r.q1, q2: r.q2, q3: r.q3, q4: r.q4 }));
  }

  async events(filter: EventFilter): Promise<StoredEvent[]> {
    const where: string[] = [];
    const p = new Params();
    if (filter.actor !== undefined) {
      const id = p.add((await this.actorId(filter.actor)) ?? -1);
      where.push(`(e.source = ${id} OR e.target = ${id})`);
    }
    if (filter.source !== undefined) where.push(`e.source = ${p.add((await this.actorId(filter.source)) ?? -1)}`);
    if (filter.target !== undefined) where.push(`e.target = ${p.add((await this.actorId(filter.target)) ?? -1)}`);
    if (filter.code) where.push(`e.code LIKE ${p.add(`${filter.code.replace(/[%_\\*?[\]]/g, '')}%`)}`);
    if (filter.root) where.push(`e.root = ${p.add(filter.root.padStart(2, '0'))}`);
    if (filter.ploverType) where.push(`e.plover_type = ${p.add(filter.ploverType.toUpperCase())}`);
    if (filter.quadClass) where.push(`e.quad_class = ${p.add(filter.quadClass)}`);
    if (filter.from) where.push(`coalesce(e.date_to, e.date_from) >= ${p.add(filter.from)}`);
    if (filter.to) where.push(`e.date_from <= ${p.add(filter.to)}`);
    if (filter.place) where.push(`lower(e.place_name) = ${p.add(filter.place.toLowerCase())}`);
    if (filter.country) where.push(`e.country = ${p.add(filter.country.toUpperCase())}`);
    if (filter.articleId) where.push(`e.article = (SELECT seq FROM articles WHERE id = ${p.add(filter.articleId)})`);
    if (filter.incidentId !== undefined) where.push(`e.incident = ${p.add(filter.incidentId)}`);
    const mods = modalityClause(filter.modality, 'e.modality', p);
    // SQLite sorts NULL lowest: NULLS LAST in a descending order gives the same rows.
    const sql = `${EVENT_SELECT} WHERE true ${where.map((w) => `AND ${w}`).join(' ')} ${mods}
      ORDER BY e.date_from DESC NULLS LAST, e.id DESC LIMIT ${p.add(filter.limit ?? 100)} OFFSET ${p.add(filter.offset ?? 0)}`;
    return (await this.q(sql, p.values)).map(toEvent);
  }

  async neighbourhood(ref: ActorRef, depth: 1 | 2 = 1): Promise<NeighbourEdge[]> {
    const centre = await this.actorId(ref);
    if (centre === null) return [];
    const seen = new Set<string>();
    const out: NeighbourEdge[] = [];
    const actorCache = new Map<number, Actor>();
    const actor = async (id: number) => {
      let a = actorCache.get(id);
      if (!a) {
        a = toActor((await this.one('SELECT * FROM actors WHERE id = $1', [id]))!);
        actorCache.set(id, a);
      }
      return a;
    };
    let frontier = [centre];
    const visited = new Set([centre]);
    for (let d = 1; d <= depth; d++) {
      const next: number[] = [];
      for (const node of frontier) {
        const rows = await this.q(`SELECT source, target, type, polarity, count(*) AS n FROM relations WHERE source = $1 OR target = $1
          GROUP BY source, target, type, polarity ORDER BY n DESC, source, target, type, polarity LIMIT 200`, [node]);
        for (const r of rows) {
          const k = `${r.source}|${r.target}|${r.type}|${r.polarity}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push({ source: await actor(r.source), target: await actor(r.target), type: r.type, polarity: r.polarity, count: r.n, depth: d });
          for (const other of [r.source as number, r.target as number]) {
            if (!visited.has(other)) { visited.add(other); next.push(other); }
          }
        }
      }
      frontier = next;
    }
    return out;
  }

  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    const [open, close] = opts.highlight ?? ['«', '»'];
    // websearch_to_tsquery accepts any input (quotes, OR, -word) without a syntax error.
    // ts_headline marks every match (with control characters that cannot clash with the text);
    // the window is then chosen like SQLite FTS5's snippet() so both stores give the same snippets.
    const rows = await this.q(`SELECT a.id, a.title, a.date, a.source, h.rank,
        ts_headline('newsgraph', coalesce(a.title, ''), h.q, $3) AS h_title, ts_headline('newsgraph', a.text, h.q, $3) AS h_text
      FROM (SELECT seq, q, ts_rank(fts, q) AS rank FROM articles, websearch_to_tsquery('newsgraph', $1) q
            WHERE fts @@ q ORDER BY rank DESC, seq LIMIT $2) h
      JOIN articles a ON a.seq = h.seq ORDER BY h.rank DESC, h.seq`,
    [query, opts.limit ?? 20, `HighlightAll=true, StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}"`]);
    return rows.map((r) => ({
      articleId: r.id, title: r.title, date: r.date, source: r.source,
      snippet: fts5Snippet([r.h_title, r.h_text], open, close), rank: round(-r.rank),
    }));
  }

  async why(eventRef: number | string): Promise<EventEvidence | null> {
    let row: Row | undefined;
    if (typeof eventRef === 'number' || /^\d+$/.test(eventRef)) {
      row = await this.one(`${EVENT_SELECT} WHERE e.id = $1`, [Number(eventRef)]);
    } else {
      const hash = eventRef.lastIndexOf('#');
      if (hash < 0) throw new NewsgraphError('NG_USAGE', eventRef, 'event reference must be a number or articleId#v1');
      row = await this.one(`${EVENT_SELECT} WHERE e.article = (SELECT seq FROM articles WHERE id = $1) AND e.local_id = $2`,
        [eventRef.slice(0, hash), eventRef.slice(hash + 1)]);
    }
    if (!row) return null;
    const event = toEvent(row);
    const art = (await this.one('SELECT seq, id, title, date, source, url, outlet, text, sentences FROM articles WHERE id = $1', [event.articleId]))!;
    const sentences = JSON.parse(art.sentences) as Array<[number, number]>;
    const [start, end] = sentences[event.sentence] ?? [event.trigger.start, event.trigger.end];
    const inc = event.incidentId !== null ? await this.one('SELECT * FROM incidents WHERE id = $1', [event.incidentId]) : undefined;
    return {
      event,
      article: { id: art.id, title: art.title, date: art.date, source: art.source, url: art.url, outlet: art.outlet },
      sentence: { index: event.sentence, start, end, text: (art.text as string).slice(start, end) },
      provenance: parse(row.provenance, null),
      incident: inc ? toIncident(inc) : null,
    };
  }

  async rebuildIncidents(): Promise<number> {
    const rows: IncidentEventRow[] = [];
    // NULLS FIRST: the same row order (hence the same incident ids) as SQLite.
    for await (const r of this.cursor(`SELECT e.id, e.source, e.target, e.root, coalesce(e.country, pa.key) AS where_key,
        e.date_from, coalesce(e.date_to, e.date_from) AS date_to, e.article, a.story_id
      FROM events e JOIN articles a ON a.seq = e.article LEFT JOIN actors pa ON pa.id = e.place
      WHERE e.modality = ANY($1::text[]) AND e.date_from IS NOT NULL AND (e.source IS NOT NULL OR e.target IS NOT NULL)
      ORDER BY e.source NULLS FIRST, e.target NULLS FIRST, e.root, where_key NULLS FIRST, e.date_from, e.id`, [[...INCIDENT_MODALITIES]])) {
      const key = incidentKey(r.source, r.target, r.root, r.where_key);
      if (key) rows.push({ eventId: r.id, key, dateFrom: r.date_from, dateTo: r.date_to, articleId: r.article, storyId: r.story_id });
    }
    const clusters = [...clusterIncidents(rows)];
    await this.tx(async (c) => {
      await c.query('UPDATE events SET incident = NULL WHERE incident IS NOT NULL');
      await c.query('DELETE FROM incidents');
      await c.query("SELECT setval(pg_get_serial_sequence('incidents', 'id'), 1, false)");
      const ids = await insertRows(c, 'incidents', ['source', 'target', 'root', 'where_key', 'date_from', 'date_to', 'events', 'articles', 'sources'],
        clusters.map((cl) => {
          const [s, t, root, where] = cl.key.split('|');
          return [s === '-' ? null : Number(s), t === '-' ? null : Number(t), root, where === '-' ? null : where,
            cl.dateFrom, cl.dateTo, cl.eventIds.length, cl.articles, cl.sources];
        }), 'RETURNING id');
      const eventIds: number[] = [];
      const incidentIds: number[] = [];
      clusters.forEach((cl, i) => { for (const e of cl.eventIds) { eventIds.push(e); incidentIds.push(ids[i]!.id); } });
      for (let i = 0; i < eventIds.length; i += 50_000) {
        await c.query(`UPDATE events SET incident = v.inc FROM unnest($1::bigint[], $2::bigint[]) AS v(id, inc) WHERE events.id = v.id`,
          [eventIds.slice(i, i + 50_000), incidentIds.slice(i, i + 50_000)]);
      }
    });
    return clusters.length;
  }

  async incidents(opts: { minSources?: number; limit?: number } = {}): Promise<Incident[]> {
    return (await this.q('SELECT * FROM incidents WHERE sources >= $1 ORDER BY sources DESC, events DESC, id LIMIT $2',
      [opts.minSources ?? 1, opts.limit ?? 100])).map(toIncident);
  }

  /** Streams a query's rows through a server-side cursor (a read-only transaction on its own connection). */
  private async *cursor(sql: string, params: unknown[] = [], batch = 1000): AsyncGenerator<Row> {
    const c = await this.connect();
    let inTx = false;
    let broken = false;
    try {
      await c.query('BEGIN READ ONLY');
      inTx = true;
      await c.query(`DECLARE ng_rows NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const res = await c.query(`FETCH ${batch} FROM ng_rows`);
        for (const r of res.rows) yield r as Row;
        if (res.rows.length < batch) break;
      }
      await c.query('COMMIT');
      inTx = false;
    } catch (err) {
      throw pgError(this.url, err);
    } finally {
      // Stopped early (break in for-await) or failed: end the transaction, or drop the connection.
      if (inTx) await c.query('ROLLBACK').catch(() => { broken = true; });
      c.release(broken);
    }
  }

  // --- Steering (issue 9): re-coding, corrections, superseded run facts -------------------------

  async replaceArticles(analyses: Analysis[], runId: string, superseded: Array<RunFact & { run: string }>): Promise<void> {
    if (this.readonly) throw new NewsgraphError('NG_DB', this.location, 'store was opened read-only');
    await this.tx(async (c) => {
      if (superseded.length) {
        await insertRows(c, 'run_facts', ['run', 'article', 'kind', 'key', 'value', 'text'],
          superseded.map((f) => [f.run, f.article, f.kind, f.key, f.value, f.text]), '');
      }
      const inserted: Array<{ rec: ArticleRecord; seq: number }> = [];
      for (const a of analyses) {
        const old = (await c.query('SELECT seq, story_id, duplicate_of, duplicate_kind, similarity, minhash FROM articles WHERE id = $1 FOR UPDATE',
          [a.document.id])).rows[0] as Row | undefined;
        if (!old) throw new NewsgraphError('NG_DB', a.document.id, 'cannot re-code an article that is not stored');
        const seq = old.seq as number;
        const bands = (await c.query('SELECT key FROM bands WHERE article = $1', [seq])).rows.map((r: Row) => String(r.key));
        await c.query(`UPDATE actors SET articles = actors.articles - x.n FROM (SELECT actor, count(*) AS n FROM entities WHERE article = $1 GROUP BY actor) x
          WHERE actors.id = x.actor`, [seq]);
        await c.query(`UPDATE actors SET mentions = actors.mentions - x.n FROM (SELECT actor, count(*) AS n FROM mentions WHERE article = $1 GROUP BY actor) x
          WHERE actors.id = x.actor`, [seq]);
        for (const t of ['entities', 'mentions', 'roles', 'places', 'times', 'events', 'relations', 'quotes', 'tone', 'bands']) {
          await c.query(`DELETE FROM ${t} WHERE article = $1`, [seq]);
        }
        await c.query('DELETE FROM articles WHERE seq = $1', [seq]);
        const rec: ArticleRecord = {
          analysis: a, storyId: old.story_id, duplicateOf: old.duplicate_of, duplicateKind: old.duplicate_kind, similarity: old.similarity,
          minhash: old.minhash ? bufferToSig(old.minhash) : null, bands,
        };
        const row = await this.insertArticle(c, rec, runId);
        if (row) inserted.push({ rec, seq: row.seq });
      }
      if (inserted.length) await writeFacts(c, inserted, await upsertActors(c, inserted.map((x) => x.rec.analysis)));
    });
  }

  async articlesTouching(query: { actorKeys: string[]; phrases: string[] }): Promise<string[]> {
    const seqs = new Set<number>();
    if (query.actorKeys.length) {
      for (const r of await this.q('SELECT DISTINCT e.article FROM entities e JOIN actors a ON a.id = e.actor WHERE a.key = ANY($1::text[])', [query.actorKeys])) {
        seqs.add(r.article as number);
      }
    }
    for (const p of query.phrases) {
      const terms = p.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (!terms.length) continue;
      for (const r of await this.q("SELECT seq FROM articles WHERE fts @@ phraseto_tsquery('newsgraph', $1)", [terms.join(' ')])) seqs.add(r.seq as number);
    }
    if (!seqs.size) return [];
    return (await this.q('SELECT id FROM articles WHERE seq = ANY($1::bigint[]) ORDER BY seq', [[...seqs]])).map((r) => r.id as string);
  }

  async addCorrection(c: Omit<Correction, 'id' | 'created'>): Promise<Correction> {
    const created = new Date().toISOString();
    const r = await this.one('INSERT INTO corrections(created, kind, article, target, change) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [created, c.kind, c.article, c.target, JSON.stringify(c.change)]);
    return { id: Number(r!.id), created, ...c };
  }

  async corrections(): Promise<Correction[]> {
    return (await this.q('SELECT * FROM corrections ORDER BY id')).map((r) => ({
      id: Number(r.id), created: r.created, kind: r.kind, article: r.article, target: r.target, change: JSON.parse(r.change),
    }));
  }

  async removeCorrection(id: number): Promise<boolean> {
    return (await this.q('DELETE FROM corrections WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  async supersededFacts(runId: string): Promise<RunFact[]> {
    return (await this.q('SELECT article, kind, key, value, text FROM run_facts WHERE run = $1 ORDER BY id', [runId]))
      .map((r) => ({ article: r.article, kind: r.kind, key: r.key, value: r.value, text: r.text }));
  }

  async *rows(table: TableName): AsyncIterable<Record<string, unknown>> {
    yield* this.cursor(ROWS_SQL[table]);
  }

  async stats(): Promise<StoreStats> {
    const r = (await this.one(`SELECT
      (SELECT count(*) FROM articles) AS articles,
      (SELECT count(DISTINCT story_id) FROM articles) AS stories,
      (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
      (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM mentions) AS mentions,
      (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM incidents) AS incidents,
      (SELECT count(*) FROM relations) AS relations, (SELECT count(*) FROM quotes) AS quotes,
      (SELECT count(*) FROM places) AS places, (SELECT count(*) FROM times) AS times, (SELECT count(*) FROM runs) AS runs`))!;
    return {
      articles: r.articles, stories: r.stories, duplicates: r.duplicates, actors: r.actors, mentions: r.mentions, events: r.events,
      incidents: r.incidents, relations: r.relations, quotes: r.quotes, places: r.places, times: r.times, runs: r.runs,
      schemaVersion: await this.schemaVersion(),
    };
  }

  async close(): Promise<void> {
    if (this.pool.ended || this.pool.ending) return;
    for (const c of this.held) c.release(true);
    this.held.clear();
    await this.pool.end();
  }
}

interface DbState {
  hasMeta: boolean;
  hasArticles: boolean;
  app: string | null;
  version: number;
}

async function readState(c: Client): Promise<DbState> {
  const t = (await c.query("SELECT to_regclass('meta') IS NOT NULL AS meta, to_regclass('articles') IS NOT NULL AS articles")).rows[0] as Row;
  if (!t.meta) return { hasMeta: false, hasArticles: t.articles, app: null, version: 0 };
  let rows: Row[];
  try {
    rows = (await c.query("SELECT key, value FROM meta WHERE key IN ('application', 'schema_version')")).rows as Row[];
  } catch {
    return { hasMeta: true, hasArticles: t.articles, app: null, version: 0 }; // a 'meta' table of another shape
  }
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? null;
  return { hasMeta: true, hasArticles: t.articles, app: get('application'), version: Number(get('schema_version') ?? 0) };
}

/**
 * Merges the entities of the inserted articles into actors: one upsert for the batch, aggregated
 * by key and sorted by key so that concurrent writers lock actor rows in the same order (no
 * deadlock between two workers sharing actors). Counts follow the SQLite store: each entity adds
 * its mentions and one article.
 */
async function upsertActors(c: Client, analyses: Analysis[]): Promise<Map<string, number>> {
  const agg = new Map<string, { key: string; name: string; type: string; qid: string | null; cameo: string | null; country: string | null; mentions: number; articles: number }>();
  for (const a of analyses) {
    for (const e of a.entities) {
      const key = actorKey(e);
      const cur = agg.get(key);
      if (!cur) {
        agg.set(key, { key, name: e.name, type: e.type, qid: e.kb?.qid ?? null, cameo: e.kb?.cameo ?? null, country: e.kb?.country ?? null, mentions: e.mentions.length, articles: 1 });
      } else {
        cur.mentions += e.mentions.length;
        cur.articles += 1;
        cur.qid ??= e.kb?.qid ?? null;
        cur.cameo ??= e.kb?.cameo ?? null;
        cur.country ??= e.kb?.country ?? null;
      }
    }
  }
  const list = [...agg.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const ids = new Map<string, number>();
  if (!list.length) return ids;
  const rows = await insertRows(c, 'actors', ['key', 'name', 'name_lc', 'type', 'qid', 'cameo', 'country', 'mentions', 'articles'],
    list.map((x) => [x.key, x.name, normalizeName(x.name), x.type, x.qid, x.cameo, x.country, x.mentions, x.articles]),
    `ON CONFLICT (key) DO UPDATE SET mentions = actors.mentions + excluded.mentions, articles = actors.articles + excluded.articles,
      qid = coalesce(actors.qid, excluded.qid), cameo = coalesce(actors.cameo, excluded.cameo), country = coalesce(actors.country, excluded.country)
    RETURNING id, key`);
  for (const r of rows) ids.set(r.key, r.id);
  return ids;
}

/** Writes every fact of the inserted articles, one multi-row INSERT per table. */
async function writeFacts(c: Client, inserted: Array<{ rec: ArticleRecord; seq: number }>, actorIds: Map<string, number>): Promise<void> {
  const t = {
    entities: [] as unknown[][], mentions: [] as unknown[][], roles: [] as unknown[][], places: [] as unknown[][], times: [] as unknown[][],
    events: [] as unknown[][], relations: [] as unknown[][], quotes: [] as unknown[][], tone: [] as unknown[][],
  };
  for (const { rec, seq } of inserted) {
    const a = rec.analysis;
    const d = a.document;
    const sentenceOf = (at: number) => sentenceAt(a.sentences, at);
    const actors = new Map<string, number>();
    for (const e of a.entities) {
      const actor = actorIds.get(actorKey(e))!;
      actors.set(e.id, actor);
      t.entities.push([seq, e.id, actor, e.name, e.type, json(e.kb), json(e.provenance)]);
      for (const m of e.mentions) t.mentions.push([seq, actor, e.id, m.start, m.end, sentenceOf(m.start), m.text, m.role ?? null, json(m.metonymy)]);
      for (const r of e.roles) t.roles.push([seq, actor, r.title, r.org, r.from, r.to, d.date]);
    }
    const actorOf = (id: string | null) => (id ? actors.get(id) ?? null : null);
    const firstMention = (id: string) => a.entities.find((e) => e.id === id)?.mentions[0];
    const placeBy = new Map<string, (typeof a.places)[number]>();
    for (const p of a.places) {
      placeBy.set(p.entity, p);
      const m = firstMention(p.entity);
      t.places.push([seq, p.entity, actorOf(p.entity), p.name, p.lat, p.lon, p.country, p.geonameId, p.featureCode, p.reason,
        JSON.stringify(p.candidates), m ? sentenceOf(m.start) : null, m?.start ?? null, m?.end ?? null, json(p.provenance)]);
    }
    for (const x of a.times) t.times.push([seq, x.start, x.end, sentenceOf(x.start), x.text, x.value, x.from, x.to, x.grain, json(x.provenance)]);
    for (const v of a.events) {
      const from = v.date?.from ?? d.date;
      const to = v.date?.to ?? from;
      const place = v.place ? placeBy.get(v.place) : undefined;
      const placeName = place?.name ?? (v.place ? a.entities.find((e) => e.id === v.place)?.name ?? null : null);
      t.events.push([seq, v.id, v.code, v.root, v.quadClass, v.goldstein, v.plover?.type ?? null, v.plover?.mode ?? null,
        json(v.plover?.context), v.label, actorOf(v.source), actorOf(v.target), from, to, v.date ? 1 : 0, monthOf(from),
        actorOf(v.place), placeName, place?.country ?? null, place?.lat ?? null, place?.lon ?? null, v.modality, v.sentence,
        v.trigger.start, v.trigger.end, v.trigger.text, v.evidence, v.rule, v.confidence, json(v.provenance)]);
    }
    for (const r of a.relations) {
      const s = actorOf(r.source);
      const tg = actorOf(r.target);
      if (s === null || tg === null) continue;
      t.relations.push([seq, r.type, r.polarity, s, tg, r.modality, r.evidence.sentence, r.evidence.start, r.evidence.end, json(r.provenance)]);
    }
    for (const q of a.quotes) {
      t.quotes.push([seq, q.start, q.end, sentenceOf(q.start), q.text, actorOf(q.speaker), actorOf(q.addressee), q.cue, q.kind ?? null, json(q.provenance)]);
    }
    if (a.tone) {
      const stance = a.tone.stance.map((s) => ({ actor: actorOf(s.entity), entity: s.entity, score: s.score }));
      t.tone.push([seq, a.tone.score, a.tone.positive, a.tone.negative, a.tone.polarity, a.tone.wordCount, JSON.stringify(stance)]);
    }
  }
  const batch = new InsertBatch(c);
  await batch.add('entities', ['article', 'local_id', 'actor', 'name', 'type', 'kb', 'provenance'], t.entities, 'ON CONFLICT DO NOTHING');
  await batch.add('mentions', ['article', 'actor', 'entity', 'start', '"end"', 'sentence', 'text', 'role', 'metonymy'], t.mentions);
  await batch.add('roles', ['article', 'actor', 'title', 'org', 'valid_from', 'valid_to', 'date'], t.roles);
  await batch.add('places', ['article', 'entity', 'actor', 'name', 'lat', 'lon', 'country', 'geoname_id', 'feature_code', 'reason',
    'candidates', 'sentence', 'start', '"end"', 'provenance'], t.places);
  await batch.add('times', ['article', 'start', '"end"', 'sentence', 'text', 'value', 'date_from', 'date_to', 'grain', 'provenance'], t.times);
  await batch.add('events', ['article', 'local_id', 'code', 'root', 'quad_class', 'goldstein', 'plover_type', 'plover_mode',
    'plover_context', 'label', 'source', 'target', 'date_from', 'date_to', 'dated', 'month', 'place', 'place_name', 'country', 'lat', 'lon',
    'modality', 'sentence', 'trigger_start', 'trigger_end', 'trigger_text', 'evidence', 'rule', 'confidence', 'provenance'], t.events);
  await batch.add('relations', ['article', 'type', 'polarity', 'source', 'target', 'modality', 'sentence', 'start', '"end"', 'provenance'], t.relations);
  await batch.add('quotes', ['article', 'start', '"end"', 'sentence', 'text', 'speaker', 'addressee', 'cue', 'kind', 'provenance'], t.quotes);
  await batch.add('tone', ['article', 'score', 'positive', 'negative', 'polarity', 'word_count', 'stance'], t.tone);
  await batch.flush();
}

const EVENT_SELECT = `SELECT e.*, a.id AS article_id,
  s.name AS s_name, s.cameo AS s_cameo, s.country AS s_country, t.name AS t_name, t.cameo AS t_cameo, t.country AS t_country
  FROM events e JOIN articles a ON a.seq = e.article LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target`;

/** What `rows(table)` returns: the same columns, names and order as the SQLite store. */
const ROWS_SQL: Record<TableName, string> = {
  articles: `SELECT id, source, url, title, date, date_source, authors, outlet, genre, language, caption, image_credit, copyright,
    content_hash, story_id, duplicate_of, duplicate_kind, similarity, run_id, text FROM articles ORDER BY seq`,
  actors: 'SELECT id, key, name, type, qid, cameo, country, mentions, articles FROM actors ORDER BY id',
  mentions: 'SELECT a.id AS article, m.entity, m.actor, m.start, m."end", m.sentence, m.text, m.role FROM mentions m JOIN articles a ON a.seq = m.article ORDER BY m.id',
  roles: 'SELECT a.id AS article, r.actor, r.title, r.org, r.valid_from, r.valid_to, r.date FROM roles r JOIN articles a ON a.seq = r.article ORDER BY r.id',
  places: `SELECT a.id AS article, p.entity, p.actor, p.name, p.lat, p.lon, p.country, p.geoname_id, p.feature_code, p.reason,
    p.sentence, p.start, p."end" FROM places p JOIN articles a ON a.seq = p.article ORDER BY p.id`,
  times: `SELECT a.id AS article, t.start, t."end", t.sentence, t.text, t.value, t.date_from, t.date_to, t.grain
    FROM times t JOIN articles a ON a.seq = t.article ORDER BY t.id`,
  events: `SELECT e.id, a.id AS article, a.url AS article_url, a.source AS article_source, a.date AS article_date, e.local_id,
    e.code, e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.plover_context, e.label,
    e.source, s.name AS source_name, s.cameo AS source_cameo, s.country AS source_country, s.type AS source_type,
    e.target, t.name AS target_name, t.cameo AS target_cameo, t.country AS target_country, t.type AS target_type,
    e.date_from, e.date_to, e.place, e.place_name, e.country, e.lat, e.lon, p.feature_code AS place_feature, p.geoname_id AS place_geoname,
    e.modality, e.sentence, e.trigger_start, e.trigger_end, e.trigger_text, e.evidence, e.rule, e.confidence, e.incident,
    i.sources AS incident_sources, i.articles AS incident_articles, i.events AS incident_events,
    (SELECT count(*) FROM events x WHERE x.article = e.article) AS article_events, tn.score AS tone, rn.started AS run_started
    FROM events e JOIN articles a ON a.seq = e.article LEFT JOIN runs rn ON rn.id = a.run_id
    LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
    LEFT JOIN LATERAL (SELECT feature_code, geoname_id FROM places WHERE article = e.article AND actor = e.place ORDER BY id LIMIT 1) p ON true
    LEFT JOIN incidents i ON i.id = e.incident LEFT JOIN tone tn ON tn.article = e.article
    ORDER BY e.id`,
  relations: `SELECT a.id AS article, r.type, r.polarity, r.source, r.target, r.modality, r.sentence, r.start, r."end"
    FROM relations r JOIN articles a ON a.seq = r.article ORDER BY r.id`,
  quotes: `SELECT a.id AS article, q.start, q."end", q.sentence, q.text, q.speaker, q.addressee, q.cue, q.kind
    FROM quotes q JOIN articles a ON a.seq = q.article ORDER BY q.id`,
  tone: `SELECT a.id AS article, t.score, t.positive, t.negative, t.polarity, t.word_count, t.stance
    FROM tone t JOIN articles a ON a.seq = t.article ORDER BY t.article`,
  incidents: 'SELECT id, source, target, root, where_key, date_from, date_to, events, articles, sources FROM incidents ORDER BY id',
  runs: 'SELECT id, started, finished, code_version, data_version, stats FROM runs ORDER BY started, id',
};

function modalityClause(modality: Modality[] | 'any' | undefined, col: string, p: Params): string {
  if (modality === 'any') return '';
  const list = modality?.length ? modality : DEFAULT_MODALITY;
  return `AND ${col} = ANY(${p.add(list)}::text[])`;
}

const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';
const SNIPPET_TOKENS = 16;

/**
 * The snippet SQLite FTS5's `snippet(t, -1, open, close, '…', 16)` would give, from columns whose
 * matches ts_headline marked with {@link MARK_OPEN}/{@link MARK_CLOSE}. Hand-written because
 * ts_headline picks its window differently; this ports FTS5's choice (fts5_aux.c): score windows
 * of 16 tokens starting at each match (1000 per distinct term, 1 per repeat), centre the matches,
 * prefer a window starting at a sentence (+100, +120 at the text start), keep the first best column.
 *
 * @example
 *   fts5Snippet(['', 'A \u0001rebel\u0002 attack.'], '[', ']'); // 'A [rebel] attack.'
 */
export function fts5Snippet(marked: string[], open: string, close: string, nToken = SNIPPET_TOKENS): string {
  const cols = marked.map(unmark);
  let best = { score: 0, col: 0, start: 0 };
  for (const [ci, col] of cols.entries()) {
    const n = col.tokens.length;
    const score = (from: number): { score: number; adj: number } => {
      const seen = new Set<string>();
      let s = 0;
      let first = -1;
      let last = 0;
      for (const h of col.hits) {
        if (h < from || h >= from + nToken) continue;
        const term = col.tokens[h]!.term;
        s += seen.has(term) ? 1 : 1000;
        seen.add(term);
        if (first < 0) first = h;
        last = h + 1;
      }
      let adj = first - Math.trunc((nToken - (last - first)) / 2);
      if (adj + nToken > n) adj = n - nToken;
      if (adj < 0) adj = 0;
      return { score: s, adj };
    };
    for (const io of col.hits) {
      const w = score(io);
      if (w.score > best.score) best = { score: w.score, col: ci, start: w.adj };
      if (col.firsts.length && n > nToken) {
        let jj = 0;
        while (jj < col.firsts.length - 1 && col.firsts[jj + 1]! <= io) jj++;
        const sentenceStart = col.firsts[jj]!;
        if (sentenceStart < io) {
          const s = score(sentenceStart).score + (sentenceStart === 0 ? 120 : 100);
          if (s > best.score) best = { score: s, col: ci, start: sentenceStart };
        }
      }
    }
  }
  const col = cols[best.col]!;
  const { tokens, text } = col;
  if (!tokens.length) return text;
  const endTok = Math.min(best.start + nToken, tokens.length) - 1;
  let out = best.start > 0 ? '…' : '';
  let at = tokens[best.start]!.start;
  const hitSet = new Set(col.hits);
  for (let i = best.start; i <= endTok; i++) {
    const tk = tokens[i]!;
    out += text.slice(at, tk.start);
    out += hitSet.has(i) ? `${open}${text.slice(tk.start, tk.end)}${close}` : text.slice(tk.start, tk.end);
    at = tk.end;
  }
  out += endTok >= tokens.length - 1 ? text.slice(at) : '…';
  return out;
}

/** Tokens of a marked column (FTS5 unicode61-like: runs of letters and digits), which are matches, and sentence starts. */
function unmark(marked: string): { text: string; tokens: Array<{ start: number; end: number; term: string }>; hits: number[]; firsts: number[] } {
  let text = '';
  const ranges: Array<[number, number]> = [];
  let openAt = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) openAt = text.length;
    else if (ch === MARK_CLOSE) { if (openAt >= 0) ranges.push([openAt, text.length]); openAt = -1; }
    else text += ch;
  }
  const tokens: Array<{ start: number; end: number; term: string }> = [];
  const hits: number[] = [];
  const firsts: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    const i = tokens.length;
    tokens.push({ start, end, term: m[0].normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase() });
    if (ranges.some(([s, e]) => s < end && e > start)) hits.push(i);
    // FTS5 starts a sentence at the first token and after '.' or ':' followed by white space.
    let j = start - 1;
    while (j >= 0 && text[j] !== '.' && /\s/.test(text[j]!)) j--;
    if (i === 0 || (j !== start - 1 && j >= 0 && (text[j] === '.' || text[j] === ':'))) firsts.push(i);
  }
  return { text, tokens, hits, firsts };
}


function bufferToSig(b: Buffer): Uint32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Uint32Array(copy.buffer);
}





