import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import type { Analysis, Entity, Modality } from '../contract.js';
import { clusterIncidents, incidentKey, INCIDENT_MODALITIES, type IncidentEventRow } from '../dedup/incidents.js';
import { NewsgraphError } from '../errors.js';
import { actorKey, monthOf, normalizeName, sentenceAt } from './keys.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { assembleAnalysis, round, toActor, toArticle, toEvent, toIncident } from './rows.js';
import type {
  Actor, ActorProfile, ActorRef, ArticleRecord, Correction, DedupCandidate, RunFact, DyadMonth, EventEvidence, EventFilter, Incident,
  NeighbourEdge, OpenStoreOptions, PutResult, RunInfo, SearchHit, SearchOptions, Store, StoreStats, StoredArticle,
  StoredEvent, TableName,
} from './types.js';

type Row = Record<string, any>;
type Db = Database.Database;

const SQLITE_MAGIC = 'SQLite format 3\0';
const APP_ID = 'newsgraph';
const DEFAULT_MODALITY: Modality[] = ['asserted'];

/**
 * Opens (creating if needed) the embedded SQLite store at `path`: WAL journal, FTS5 index,
 * migrations applied. Refuses, with a one-line NewsgraphError and without writing a byte, a file
 * that is not SQLite, an SQLite database of another application, a corrupt one, or one whose
 * schema is newer than this code.
 *
 * @example
 *   const store = await openSqliteStore('corpus.db');
 *   console.log(await store.stats());
 *   await store.close();
 */
export async function openSqliteStore(path: string, opts: OpenStoreOptions = {}): Promise<Store> {
  return new SqliteStore(path, opts);
}

/** Checks the file before SQLite touches it: must be absent, empty, or an SQLite database. */
function checkFile(path: string): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) throw new NewsgraphError('NG_DB_FOREIGN', path, 'is a directory, not a store file');
  if (st.size === 0) return;
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(16);
  try { readSync(fd, head, 0, 16, 0); } finally { closeSync(fd); }
  if (head.toString('latin1') !== SQLITE_MAGIC) {
    throw new NewsgraphError('NG_DB_FOREIGN', path, 'not an SQLite database (not a newsgraph store); refusing to touch it');
  }
}

function dbError(path: string, err: unknown): NewsgraphError {
  const e = err as { code?: string; message?: string };
  if (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB') {
    return new NewsgraphError('NG_DB', path, `database file is corrupt (${e.message}); nothing was changed`);
  }
  if (e.code === 'SQLITE_BUSY') return new NewsgraphError('NG_DB_LOCKED', path, 'database is busy (another process holds a write lock)');
  return new NewsgraphError('NG_DB', path, e.message ?? String(err));
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);

/**
 * SQLite page cache, KiB. Queries revisit the same index pages, so they get 64 MB. A writer (an
 * ingest holding the writer lock) mostly appends: with 64 MB the cache filled as the store grew and
 * ingest memory grew with it (by 45 MB on Reuters-21578), while 16 MB wrote as fast.
 */
const QUERY_CACHE_KIB = 65536;
const WRITE_CACHE_KIB = 16384;

class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly location: string;
  private readonly db: Db;
  private readonly readonly: boolean;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly actorIds = new Map<string, number>();

  constructor(path: string, opts: OpenStoreOptions) {
    this.location = path;
    this.readonly = opts.readonly ?? false;
    checkFile(path);
    if ((this.readonly || opts.create === false) && !existsSync(path)) {
      throw new NewsgraphError('NG_DB', path, 'no such store; run `newsgraph ingest --db` first');
    }
    try {
      this.db = new Database(path, { readonly: this.readonly, fileMustExist: this.readonly });
    } catch (err) {
      throw dbError(path, err);
    }
    try {
      this.checkApplication();
      if (!this.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        this.migrate();
      }
      this.db.pragma('busy_timeout = 10000');
      this.db.pragma(`cache_size = -${QUERY_CACHE_KIB}`);
      this.db.pragma('temp_store = MEMORY');
    } catch (err) {
      this.db.close();
      throw err instanceof NewsgraphError ? err : dbError(path, err);
    }
  }

  /** Reads the catalogue only: a foreign or too-new database is refused before anything is written. */
  private checkApplication(): void {
    const tables = (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[]).map((r) => r.name as string);
    if (tables.length === 0) {
      if (this.readonly) throw new NewsgraphError('NG_DB_FOREIGN', this.location, 'empty database, not a newsgraph store');
      return;
    }
    const app = tables.includes('meta')
      ? (this.db.prepare("SELECT value FROM meta WHERE key = 'application'").get() as Row | undefined)?.value
      : undefined;
    if (app !== APP_ID) {
      const shown = tables.slice(0, 4).join(', ') + (tables.length > 4 ? ', ...' : '');
      throw new NewsgraphError('NG_DB_FOREIGN', this.location, `an SQLite database of another application (tables: ${shown}); refusing to modify it`);
    }
    const version = this.readVersion();
    if (version > SCHEMA_VERSION) {
      throw new NewsgraphError('NG_DB_SCHEMA', this.location, `store schema v${version} is newer than this newsgraph (v${SCHEMA_VERSION}); upgrade newsgraph`);
    }
  }

  private readVersion(): number {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as Row | undefined;
    return row ? Number(row.value) : 0;
  }

  private migrate(): void {
    const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get();
    const current = hasMeta ? this.readVersion() : 0;
    if (current === SCHEMA_VERSION) return;
    const run = this.db.transaction(() => {
      // Re-read inside the write transaction: another process may have migrated meanwhile.
      const v = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() ? this.readVersion() : 0;
      for (const m of MIGRATIONS) {
        if (m.version <= v) continue;
        this.db.exec(m.sql);
        this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)").run(String(m.version));
      }
      this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('application', ?)").run(APP_ID);
    });
    run.immediate();
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw err instanceof NewsgraphError ? err : dbError(this.location, err);
    }
  }

  async schemaVersion(): Promise<number> {
    return this.readVersion();
  }

  async lockWriter(opts: { waitMs?: number; owner?: string } = {}): Promise<() => Promise<void>> {
    const deadline = Date.now() + (opts.waitMs ?? 0);
    const host = hostname();
    for (;;) {
      const holder = this.guard(() => this.db.transaction(() => {
        const row = this.stmt("SELECT pid, host, owner, since FROM locks WHERE name = 'writer'").get() as Row | undefined;
        if (row && row.pid !== process.pid && (row.host !== host || isAlive(row.pid as number))) return row;
        this.stmt("INSERT OR REPLACE INTO locks(name, pid, host, owner, since) VALUES ('writer', ?, ?, ?, ?)")
          .run(process.pid, host, opts.owner ?? null, new Date().toISOString());
        return null;
      }).immediate());
      if (!holder) {
        this.db.pragma(`cache_size = -${WRITE_CACHE_KIB}`);
        break;
      }
      if (Date.now() >= deadline) {
        throw new NewsgraphError('NG_DB_LOCKED', this.location,
          `another ingest (pid ${holder.pid} on ${holder.host}, since ${holder.since}) is writing this store; wait for it or pass --wait`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return async () => {
      if (!this.db.open) return;
      this.stmt("DELETE FROM locks WHERE name = 'writer' AND pid = ?").run(process.pid);
      this.db.pragma(`cache_size = -${QUERY_CACHE_KIB}`);
    };
  }

  async startRun(run: Omit<RunInfo, 'finished' | 'stats'>): Promise<void> {
    this.guard(() => this.stmt('INSERT OR REPLACE INTO runs(id, started, code_version, data_version) VALUES (?, ?, ?, ?)')
      .run(run.id, run.started, run.codeVersion, run.dataVersion));
  }

  async finishRun(id: string, stats: Record<string, number>): Promise<void> {
    this.guard(() => this.stmt('UPDATE runs SET finished = ?, stats = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify(stats), id));
  }

  async runs(): Promise<RunInfo[]> {
    return (this.stmt('SELECT * FROM runs ORDER BY started').all() as Row[]).map((r) => ({
      id: r.id, started: r.started, finished: r.finished, codeVersion: r.code_version, dataVersion: r.data_version,
      stats: parse(r.stats, null),
    }));
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const s = this.stmt('SELECT 1 FROM articles WHERE id = ?');
    for (const id of ids) if (s.get(id)) found.add(id);
    return found;
  }

  async byContentHash(hashes: string[]): Promise<Map<string, { id: string; storyId: string }>> {
    const out = new Map<string, { id: string; storyId: string }>();
    const s = this.stmt('SELECT id, story_id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1');
    for (const h of hashes) {
      const r = s.get(h) as Row | undefined;
      if (r) out.set(h, { id: r.id, storyId: r.story_id });
    }
    return out;
  }

  async nearCandidates(bands: string[]): Promise<DedupCandidate[]> {
    if (!bands.length) return [];
    const rows = this.stmt(`SELECT a.id, a.story_id, a.content_hash, a.minhash FROM articles a
      WHERE a.seq IN (SELECT article FROM bands WHERE key IN (${bands.map(() => '?').join(',')}))`).all(...bands.map(Number)) as Row[];
    return rows.map((r) => ({ id: r.id, storyId: r.story_id, contentHash: r.content_hash, minhash: r.minhash ? blobToSig(r.minhash) : null }));
  }

  async putArticles(records: ArticleRecord[], runId: string | null): Promise<PutResult> {
    const skipped: string[] = [];
    let stored = 0;
    const write = this.db.transaction(() => {
      for (const rec of records) {
        if (this.stmt('SELECT 1 FROM articles WHERE id = ?').get(rec.analysis.document.id)) {
          skipped.push(rec.analysis.document.id);
          continue;
        }
        this.writeArticle(rec, runId);
        stored++;
      }
    });
    try {
      write.immediate();
    } catch (err) {
      this.actorIds.clear(); // ids cached inside the rolled-back transaction are gone
      throw err instanceof NewsgraphError ? err : dbError(this.location, err);
    }
    return { stored, skipped };
  }

  private actorFor(e: Entity): number {
    const key = actorKey(e);
    const cached = this.actorIds.get(key);
    const mentions = e.mentions.length;
    if (cached !== undefined) {
      this.stmt('UPDATE actors SET mentions = mentions + ?, articles = articles + 1, qid = coalesce(qid, ?), cameo = coalesce(cameo, ?), country = coalesce(country, ?) WHERE id = ?')
        .run(mentions, e.kb?.qid ?? null, e.kb?.cameo ?? null, e.kb?.country ?? null, cached);
      return cached;
    }
    const row = this.stmt(`INSERT INTO actors(key, name, name_lc, type, qid, cameo, country, mentions, articles)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
      ON CONFLICT(key) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + 1,
        qid = coalesce(qid, excluded.qid), cameo = coalesce(cameo, excluded.cameo), country = coalesce(country, excluded.country)
      RETURNING id`).get(key, e.name, normalizeName(e.name), e.type, e.kb?.qid ?? null, e.kb?.cameo ?? null, e.kb?.country ?? null, mentions) as Row;
    if (this.actorIds.size > 200_000) this.actorIds.clear();
    this.actorIds.set(key, row.id);
    return row.id;
  }

  private writeArticle(rec: ArticleRecord, runId: string | null): void {
    const a = rec.analysis;
    const d = a.document;
    const sentences = a.sentences;
    const sentenceOf = (at: number) => sentenceAt(sentences, at);
    const info = this.stmt(`INSERT INTO articles(id, source, url, title, date, date_source, authors, outlet, genre, language,
      caption, image_credit, copyright, text, content_hash, sentences, parts, story_id, duplicate_of, duplicate_kind, similarity,
      minhash, run_id, pipeline, diagnostics) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(
      d.id, d.source, /^https?:/.test(d.source ?? '') ? d.source : null, d.title, d.date, d.dateSource, JSON.stringify(d.authors),
      d.outlet, d.genre, d.language, d.caption, d.imageCredit, d.copyright, d.text, d.contentHash ?? '',
      JSON.stringify(sentences.map((s) => [s.start, s.end])), json(d.parts), rec.storyId, rec.duplicateOf, rec.duplicateKind,
      rec.similarity, rec.minhash ? Buffer.from(rec.minhash.buffer, rec.minhash.byteOffset, rec.minhash.byteLength) : null,
      runId, json(a.pipeline), a.diagnostics.length ? JSON.stringify(a.diagnostics) : null,
    );
    const seq = Number(info.lastInsertRowid);
    this.stmt('INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)').run(seq, d.title ?? '', d.text);
    const band = this.stmt('INSERT INTO bands(key, article) VALUES (?, ?)');
    // Only the first member of a story is indexed: later copies would find it anyway.
    if (!rec.duplicateOf) for (const b of rec.bands) band.run(Number(b), seq);

    const actors = new Map<string, number>();
    const entityStmt = this.stmt('INSERT OR IGNORE INTO entities(article, local_id, actor, name, type, kb, provenance) VALUES (?,?,?,?,?,?,?)');
    const mentionStmt = this.stmt('INSERT INTO mentions(article, actor, entity, start, end, sentence, text, role, metonymy) VALUES (?,?,?,?,?,?,?,?,?)');
    const roleStmt = this.stmt('INSERT INTO roles(article, actor, title, org, valid_from, valid_to, date) VALUES (?,?,?,?,?,?,?)');
    for (const e of a.entities) {
      const actor = this.actorFor(e);
      actors.set(e.id, actor);
      entityStmt.run(seq, e.id, actor, e.name, e.type, json(e.kb), json(e.provenance));
      for (const m of e.mentions) {
        mentionStmt.run(seq, actor, e.id, m.start, m.end, sentenceOf(m.start), m.text, m.role ?? null, json(m.metonymy));
      }
      for (const r of e.roles) roleStmt.run(seq, actor, r.title, r.org, r.from, r.to, d.date);
    }
    const actorOf = (id: string | null) => (id ? actors.get(id) ?? null : null);
    const firstMention = (id: string) => a.entities.find((e) => e.id === id)?.mentions[0];

    const placeStmt = this.stmt(`INSERT INTO places(article, entity, actor, name, lat, lon, country, geoname_id, feature_code, reason,
      candidates, sentence, start, end, provenance) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
    const placeBy = new Map<string, (typeof a.places)[number]>();
    for (const p of a.places) {
      placeBy.set(p.entity, p);
      const m = firstMention(p.entity);
      placeStmt.run(seq, p.entity, actorOf(p.entity), p.name, p.lat, p.lon, p.country, p.geonameId, p.featureCode, p.reason,
        JSON.stringify(p.candidates), m ? sentenceOf(m.start) : null, m?.start ?? null, m?.end ?? null, json(p.provenance));
    }
    const timeStmt = this.stmt('INSERT INTO times(article, start, end, sentence, text, value, date_from, date_to, grain, provenance) VALUES (?,?,?,?,?,?,?,?,?,?)');
    for (const t of a.times) timeStmt.run(seq, t.start, t.end, sentenceOf(t.start), t.text, t.value, t.from, t.to, t.grain, json(t.provenance));

    const eventStmt = this.stmt(`INSERT INTO events(article, local_id, code, root, quad_class, goldstein, plover_type, plover_mode,
      plover_context, label, source, target, date_from, date_to, dated, month, place, place_name, country, lat, lon, modality, sentence,
      trigger_start, trigger_end, trigger_text, evidence, rule, confidence, provenance)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
    for (const v of a.events) {
      const from = v.date?.from ?? d.date;
      const to = v.date?.to ?? from;
      const place = v.place ? placeBy.get(v.place) : undefined;
      const placeName = place?.name ?? (v.place ? a.entities.find((e) => e.id === v.place)?.name ?? null : null);
      eventStmt.run(seq, v.id, v.code, v.root, v.quadClass, v.goldstein, v.plover?.type ?? null, v.plover?.mode ?? null,
        json(v.plover?.context), v.label, actorOf(v.source), actorOf(v.target), from, to, v.date ? 1 : 0, monthOf(from),
        actorOf(v.place), placeName, place?.country ?? null, place?.lat ?? null, place?.lon ?? null, v.modality, v.sentence,
        v.trigger.start, v.trigger.end, v.trigger.text, v.evidence, v.rule, v.confidence, json(v.provenance));
    }
    const relStmt = this.stmt('INSERT INTO relations(article, type, polarity, source, target, modality, sentence, start, end, provenance) VALUES (?,?,?,?,?,?,?,?,?,?)');
    for (const r of a.relations) {
      const s = actorOf(r.source);
      const t = actorOf(r.target);
      if (s === null || t === null) continue;
      relStmt.run(seq, r.type, r.polarity, s, t, r.modality, r.evidence.sentence, r.evidence.start, r.evidence.end, json(r.provenance));
    }
    const quoteStmt = this.stmt('INSERT INTO quotes(article, start, end, sentence, text, speaker, addressee, cue, kind, provenance) VALUES (?,?,?,?,?,?,?,?,?,?)');
    for (const q of a.quotes) {
      quoteStmt.run(seq, q.start, q.end, sentenceOf(q.start), q.text, actorOf(q.speaker), actorOf(q.addressee), q.cue, q.kind ?? null, json(q.provenance));
    }
    if (a.tone) {
      const stance = a.tone.stance.map((s) => ({ actor: actorOf(s.entity), entity: s.entity, score: s.score }));
      this.stmt('INSERT INTO tone(article, score, positive, negative, polarity, word_count, stance) VALUES (?,?,?,?,?,?,?)')
        .run(seq, a.tone.score, a.tone.positive, a.tone.negative, a.tone.polarity, a.tone.wordCount, JSON.stringify(stance));
    }
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const r = this.stmt('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    return r ? toArticle(r) : null;
  }

  async getAnalysis(id: string): Promise<Analysis | null> {
    const r = this.stmt('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    if (!r) return null;
    const seq = r.seq as number;
    const all = (sql: string) => this.stmt(sql).all(seq) as Row[];
    return assembleAnalysis(r, {
      entities: all('SELECT e.*, a.key FROM entities e JOIN actors a ON a.id = e.actor WHERE e.article = ?'),
      mentions: all('SELECT * FROM mentions WHERE article = ? ORDER BY rowid'),
      roles: all('SELECT * FROM roles WHERE article = ? ORDER BY rowid'),
      tone: this.stmt('SELECT * FROM tone WHERE article = ?').get(seq) as Row | undefined,
      places: all('SELECT * FROM places WHERE article = ? ORDER BY rowid'),
      times: all('SELECT * FROM times WHERE article = ? ORDER BY rowid'),
      events: all('SELECT * FROM events WHERE article = ? ORDER BY id'),
      relations: all('SELECT * FROM relations WHERE article = ? ORDER BY rowid'),
      quotes: all('SELECT * FROM quotes WHERE article = ? ORDER BY rowid'),
    });
  }

  async story(storyId: string): Promise<string[]> {
    return (this.stmt('SELECT id FROM articles WHERE story_id = ? ORDER BY seq').all(storyId) as Row[]).map((r) => r.id);
  }

  async findActors(ref: ActorRef, limit = 10): Promise<Actor[]> {
    return this.guard(() => this.resolve(ref, limit));
  }

  private resolve(ref: ActorRef, limit = 10): Actor[] {
    if (typeof ref === 'number' || /^\d+$/.test(ref)) {
      const r = this.stmt('SELECT * FROM actors WHERE id = ?').get(Number(ref)) as Row | undefined;
      return r ? [toActor(r)] : [];
    }
    const exact = this.stmt(`SELECT * FROM actors WHERE key = ? OR qid = ? OR cameo = ? ORDER BY articles DESC LIMIT ?`)
      .all(ref, ref, ref.toUpperCase(), limit) as Row[];
    if (exact.length) return exact.map(toActor);
    const lc = normalizeName(ref);
    const named = this.stmt('SELECT * FROM actors WHERE name_lc = ? ORDER BY articles DESC LIMIT ?').all(lc, limit) as Row[];
    if (named.length) return named.map(toActor);
    const prefix = this.stmt("SELECT * FROM actors WHERE name_lc >= ? AND name_lc < ? ORDER BY articles DESC LIMIT ?")
      .all(lc, `${lc}\uffff`, limit) as Row[];
    if (prefix.length || !lc) return prefix.map(toActor);
    // A surname or a later word of the name ("Putin" for "Vladimir Putin"): a scan, but actors are few.
    const word = this.stmt("SELECT * FROM actors WHERE name_lc LIKE ? ORDER BY articles DESC, mentions DESC LIMIT ?")
      .all(`% ${lc.replace(/[%_]/g, '')}%`, limit) as Row[];
    return word.map(toActor);
  }

  private actorId(ref: ActorRef): number | null {
    return this.resolve(ref, 1)[0]?.id ?? null;
  }

  async actorProfile(ref: ActorRef, opts: { top?: number; from?: string; to?: string } = {}): Promise<ActorProfile | null> {
    return this.guard(() => {
      const actor = this.resolve(ref, 1)[0];
      if (!actor) return null;
      const id = actor.id;
      const top = opts.top ?? 10;
      const from = opts.from ?? '0000';
      const to = opts.to ?? '9999';
      const names = (this.stmt('SELECT text, count(*) AS n FROM mentions WHERE actor = ? GROUP BY text ORDER BY n DESC, text LIMIT 20').all(id) as Row[])
        .map((r) => ({ text: r.text, count: r.n }));
      const roles = (this.stmt(`SELECT title, org, valid_from, valid_to, min(date) AS first, max(date) AS last, count(*) AS n
        FROM roles WHERE actor = ? GROUP BY title, org, valid_from, valid_to ORDER BY first, title`).all(id) as Row[])
        .map((r) => ({ title: r.title, org: r.org, from: r.valid_from, to: r.valid_to, firstSeen: r.first, lastSeen: r.last, count: r.n }));
      const counterRows = this.stmt(`SELECT other, count(*) AS n, sum(goldstein) AS g FROM (
          SELECT target AS other, goldstein FROM events WHERE source = @id AND target IS NOT NULL AND target != @id AND modality = 'asserted'
            AND coalesce(date_from, '') BETWEEN @from AND @to
          UNION ALL
          SELECT source AS other, goldstein FROM events WHERE target = @id AND source IS NOT NULL AND source != @id AND modality = 'asserted'
            AND coalesce(date_from, '') BETWEEN @from AND @to
        ) GROUP BY other ORDER BY n DESC, other LIMIT @top`).all({ id, from, to, top }) as Row[];
      const byId = this.stmt('SELECT * FROM actors WHERE id = ?');
      const counterparts = counterRows.map((r) => ({ actor: toActor(byId.get(r.other) as Row), events: r.n, goldstein: round(r.g) }));
      const months = (this.stmt(`SELECT month, sum(quad_class = 1) AS q1, sum(quad_class = 2) AS q2, sum(quad_class = 3) AS q3, sum(quad_class = 4) AS q4
        FROM (
          SELECT month, quad_class FROM events WHERE source = @id AND modality = 'asserted' AND month IS NOT NULL AND date_from BETWEEN @from AND @to
          UNION ALL
          SELECT month, quad_class FROM events WHERE target = @id AND coalesce(source, -1) != @id AND modality = 'asserted' AND month IS NOT NULL
            AND date_from BETWEEN @from AND @to
        ) GROUP BY month ORDER BY month`).all({ id, from, to }) as Row[])
        .map((r) => ({ month: r.month, q1: r.q1, q2: r.q2, q3: r.q3, q4: r.q4 }));
      return { actor, names, roles, counterparts, months };
    });
  }

  async dyadTimeline(a: ActorRef, b: ActorRef, opts: { from?: string; to?: string; both?: boolean; modality?: Modality[] | 'any' } = {}): Promise<DyadMonth[]> {
    return this.guard(() => {
      const s = this.actorId(a);
      const t = this.actorId(b);
      if (s === null || t === null) return [];
      const mods = modalityClause(opts.modality, 'modality');
      const pairs = opts.both ? '((source = ? AND target = ?) OR (source = ? AND target = ?))' : 'source = ? AND target = ?';
      const pairParams = opts.both ? [s, t, t, s] : [s, t];
      const rows = this.db.prepare(`SELECT month, count(*) AS n, sum(goldstein) AS g, sum(quad_class = 1) AS q1, sum(quad_class = 2) AS q2,
          sum(quad_class = 3) AS q3, sum(quad_class = 4) AS q4
        FROM events WHERE ${pairs} AND month IS NOT NULL AND date_from BETWEEN ? AND ? ${mods.sql}
        GROUP BY month ORDER BY month`).all(...pairParams, opts.from ?? '0000', opts.to ?? '9999', ...mods.params) as Row[];
      return rows.map((r) => ({ month: r.month, events: r.n, goldstein: round(r.g), q1: r.q1, q2: r.q2, q3: r.q3, q4: r.q4 }));
    });
  }

  async events(filter: EventFilter): Promise<StoredEvent[]> {
    return this.guard(() => {
      const where: string[] = [];
      const params: unknown[] = [];
      const actorCond = (ref: ActorRef, col: string) => {
        const id = this.actorId(ref);
        where.push(`e.${col} = ?`);
        params.push(id ?? -1);
      };
      if (filter.actor !== undefined) {
        const id = this.actorId(filter.actor) ?? -1;
        where.push('(e.source = ? OR e.target = ?)');
        params.push(id, id);
      }
      if (filter.source !== undefined) actorCond(filter.source, 'source');
      if (filter.target !== undefined) actorCond(filter.target, 'target');
      const code = filter.code?.replace(/[^0-9]/g, '');
      // A two-digit prefix is a root code: the root index serves it, ordered by date.
      if (code && code.length === 2) { where.push('e.root = ?'); params.push(code); }
      else if (code) { where.push('e.code GLOB ?'); params.push(`${code}*`); }
      if (filter.root) { where.push('e.root = ?'); params.push(filter.root.padStart(2, '0')); }
      if (filter.ploverType) { where.push('e.plover_type = ?'); params.push(filter.ploverType.toUpperCase()); }
      if (filter.quadClass) { where.push('e.quad_class = ?'); params.push(filter.quadClass); }
      // date_to is set whenever date_from is (an event without its own dates takes the article date).
      if (filter.from) { where.push('e.date_to >= ?'); params.push(filter.from); }
      if (filter.to) { where.push('e.date_from <= ?'); params.push(filter.to); }
      if (filter.place) { where.push('lower(e.place_name) = ?'); params.push(filter.place.toLowerCase()); }
      if (filter.country) { where.push('e.country = ?'); params.push(filter.country.toUpperCase()); }
      if (filter.articleId) { where.push('e.article = (SELECT seq FROM articles WHERE id = ?)'); params.push(filter.articleId); }
      if (filter.incidentId !== undefined) { where.push('e.incident = ?'); params.push(filter.incidentId); }
      const mods = modalityClause(filter.modality, 'e.modality');
      const sql = `${EVENT_SELECT} WHERE 1 = 1 ${where.map((w) => `AND ${w}`).join(' ')} ${mods.sql}
        ORDER BY e.date_from DESC, e.id DESC LIMIT ? OFFSET ?`;
      const rows = this.db.prepare(sql).all(...params, ...mods.params, filter.limit ?? 100, filter.offset ?? 0) as Row[];
      return rows.map(toEvent);
    });
  }

  async neighbourhood(ref: ActorRef, depth: 1 | 2 = 1): Promise<NeighbourEdge[]> {
    return this.guard(() => {
      const centre = this.actorId(ref);
      if (centre === null) return [];
      const edgesOf = this.stmt(`SELECT source, target, type, polarity, count(*) AS n FROM relations WHERE source = @id OR target = @id
        GROUP BY source, target, type, polarity ORDER BY n DESC LIMIT 200`);
      const seen = new Set<string>();
      const out: NeighbourEdge[] = [];
      const actorCache = new Map<number, Actor>();
      const actor = (id: number) => {
        let a = actorCache.get(id);
        if (!a) { a = toActor(this.stmt('SELECT * FROM actors WHERE id = ?').get(id) as Row); actorCache.set(id, a); }
        return a;
      };
      let frontier = [centre];
      const visited = new Set([centre]);
      for (let d = 1; d <= depth; d++) {
        const next: number[] = [];
        for (const node of frontier) {
          for (const r of edgesOf.all({ id: node }) as Row[]) {
            const k = `${r.source}|${r.target}|${r.type}|${r.polarity}`;
            if (seen.has(k)) continue;
            seen.add(k);
            out.push({ source: actor(r.source), target: actor(r.target), type: r.type, polarity: r.polarity, count: r.n, depth: d });
            for (const other of [r.source as number, r.target as number]) {
              if (!visited.has(other)) { visited.add(other); next.push(other); }
            }
          }
        }
        frontier = next;
      }
      return out;
    });
  }

  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    const [open, close] = opts.highlight ?? ['«', '»'];
    const sql = `SELECT a.id, a.title, a.date, a.source, snippet(articles_fts, -1, ?, ?, '…', 16) AS snippet, bm25(articles_fts) AS rank
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`;
    const run = (q: string) => this.stmt(sql).all(open, close, q, opts.limit ?? 20) as Row[];
    let rows: Row[];
    try {
      rows = run(query);
    } catch {
      // Not valid FTS5 syntax (a stray quote, a colon): search the words as plain terms instead.
      const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (!terms.length) return [];
      rows = this.guard(() => run(terms.map((t) => `"${t}"`).join(' ')));
    }
    return rows.map((r) => ({ articleId: r.id, title: r.title, date: r.date, source: r.source, snippet: r.snippet, rank: round(r.rank) }));
  }

  async why(eventRef: number | string): Promise<EventEvidence | null> {
    return this.guard(() => {
      let row: Row | undefined;
      if (typeof eventRef === 'number' || /^\d+$/.test(eventRef)) {
        row = this.stmt(`${EVENT_SELECT} WHERE e.id = ?`).get(Number(eventRef)) as Row | undefined;
      } else {
        const hash = eventRef.lastIndexOf('#');
        if (hash < 0) throw new NewsgraphError('NG_USAGE', eventRef, 'event reference must be a number or articleId#v1');
        row = this.stmt(`${EVENT_SELECT} WHERE e.article = (SELECT seq FROM articles WHERE id = ?) AND e.local_id = ?`)
          .get(eventRef.slice(0, hash), eventRef.slice(hash + 1)) as Row | undefined;
      }
      if (!row) return null;
      const event = toEvent(row);
      const art = this.stmt('SELECT seq, id, title, date, source, url, outlet, text, sentences FROM articles WHERE id = ?').get(event.articleId) as Row;
      const sentences = JSON.parse(art.sentences) as Array<[number, number]>;
      const [start, end] = sentences[event.sentence] ?? [event.trigger.start, event.trigger.end];
      const inc = event.incidentId !== null ? (this.stmt('SELECT * FROM incidents WHERE id = ?').get(event.incidentId) as Row | undefined) : undefined;
      return {
        event,
        article: { id: art.id, title: art.title, date: art.date, source: art.source, url: art.url, outlet: art.outlet },
        sentence: { index: event.sentence, start, end, text: (art.text as string).slice(start, end) },
        provenance: parse(row.provenance, null),
        incident: inc ? toIncident(inc) : null,
      };
    });
  }

  async rebuildIncidents(): Promise<number> {
    return this.guard(() => {
      const mods = INCIDENT_MODALITIES.map(() => '?').join(', ');
      const it = this.db.prepare(`SELECT e.id, e.source, e.target, e.root, coalesce(e.country, pa.key) AS where_key,
          e.date_from, coalesce(e.date_to, e.date_from) AS date_to, e.article, a.story_id
        FROM events e JOIN articles a ON a.seq = e.article LEFT JOIN actors pa ON pa.id = e.place
        WHERE e.modality IN (${mods}) AND e.date_from IS NOT NULL AND (e.source IS NOT NULL OR e.target IS NOT NULL)
        ORDER BY e.source, e.target, e.root, where_key, e.date_from`).raw();
      function* rows(): Generator<IncidentEventRow> {
        for (const r of it.iterate(...INCIDENT_MODALITIES) as Iterable<unknown[]>) {
          const key = incidentKey(r[1] as number | null, r[2] as number | null, r[3] as string, r[4] as string | null);
          if (!key) continue;
          yield { eventId: r[0] as number, key, dateFrom: r[5] as string, dateTo: r[6] as string, articleId: r[7] as number, storyId: r[8] as string };
        }
      }
      // better-sqlite3 cannot write while a read iterates: collect the clusters, then write them.
      const clusters = [...clusterIncidents(rows())];
      const write = this.db.transaction(() => {
        this.db.exec('UPDATE events SET incident = NULL WHERE incident IS NOT NULL; DELETE FROM incidents;');
        const ins = this.db.prepare('INSERT INTO incidents(source, target, root, where_key, date_from, date_to, events, articles, sources) VALUES (?,?,?,?,?,?,?,?,?)');
        const upd = this.db.prepare('UPDATE events SET incident = ? WHERE id = ?');
        for (const c of clusters) {
          const [s, t, root, where] = c.key.split('|');
          const id = ins.run(s === '-' ? null : Number(s), t === '-' ? null : Number(t), root, where === '-' ? null : where,
            c.dateFrom, c.dateTo, c.eventIds.length, c.articles, c.sources).lastInsertRowid;
          for (const e of c.eventIds) upd.run(id, e);
        }
      });
      write.immediate();
      return clusters.length;
    });
  }

  async incidents(opts: { minSources?: number; limit?: number } = {}): Promise<Incident[]> {
    return (this.stmt('SELECT * FROM incidents WHERE sources >= ? ORDER BY sources DESC, events DESC, id LIMIT ?')
      .all(opts.minSources ?? 1, opts.limit ?? 100) as Row[]).map(toIncident);
  }

  // --- Steering (issue 9): re-coding, corrections, superseded run facts -------------------------

  async replaceArticles(analyses: Analysis[], runId: string, superseded: Array<RunFact & { run: string }>): Promise<void> {
    const write = this.db.transaction(() => {
      const fact = this.stmt('INSERT INTO run_facts(run, article, kind, key, value, text) VALUES (?,?,?,?,?,?)');
      for (const f of superseded) fact.run(f.run, f.article, f.kind, f.key, f.value, f.text);
      for (const a of analyses) {
        const old = this.stmt('SELECT seq, title, text, story_id, duplicate_of, duplicate_kind, similarity, minhash FROM articles WHERE id = ?')
          .get(a.document.id) as Row | undefined;
        if (!old) throw new NewsgraphError('NG_DB', a.document.id, 'cannot re-code an article that is not stored');
        const bands = (this.stmt('SELECT key FROM bands WHERE article = ?').all(old.seq) as Row[]).map((r) => String(r.key));
        this.deleteArticle(old);
        this.writeArticle({
          analysis: a, storyId: old.story_id, duplicateOf: old.duplicate_of, duplicateKind: old.duplicate_kind, similarity: old.similarity,
          minhash: old.minhash ? blobToSig(old.minhash) : null, bands,
        }, runId);
      }
    });
    try {
      write.immediate();
    } catch (err) {
      this.actorIds.clear();
      throw err instanceof NewsgraphError ? err : dbError(this.location, err);
    }
  }

  /** Deletes an article and its facts, taking its counts off its actors (inside the caller's transaction). */
  private deleteArticle(old: Row): void {
    const seq = old.seq as number;
    for (const r of this.stmt('SELECT actor, count(*) AS n FROM entities WHERE article = ? GROUP BY actor').all(seq) as Row[]) {
      this.stmt('UPDATE actors SET articles = articles - ? WHERE id = ?').run(r.n, r.actor);
    }
    for (const r of this.stmt('SELECT actor, count(*) AS n FROM mentions WHERE article = ? GROUP BY actor').all(seq) as Row[]) {
      this.stmt('UPDATE actors SET mentions = mentions - ? WHERE id = ?').run(r.n, r.actor);
    }
    for (const t of ['entities', 'mentions', 'roles', 'places', 'times', 'events', 'relations', 'quotes', 'tone', 'bands']) {
      this.stmt(`DELETE FROM ${t} WHERE article = ?`).run(seq);
    }
    this.stmt("INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)").run(seq, old.title ?? '', old.text);
    this.stmt('DELETE FROM articles WHERE seq = ?').run(seq);
  }

  async articlesTouching(query: { actorKeys: string[]; phrases: string[] }): Promise<string[]> {
    return this.guard(() => {
      const seqs = new Set<number>();
      const byKey = this.stmt('SELECT DISTINCT e.article FROM entities e JOIN actors a ON a.id = e.actor WHERE a.key = ?');
      for (const k of query.actorKeys) for (const r of byKey.all(k) as Row[]) seqs.add(r.article);
      const fts = this.stmt('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?');
      for (const p of query.phrases) {
        const terms = p.match(/[\p{L}\p{N}]+/gu) ?? [];
        if (!terms.length) continue;
        // One FTS phrase: the same words in order, whatever the case, diacritics and punctuation between them.
        for (const r of fts.all(`"${terms.join(' ')}"`) as Row[]) seqs.add(r.rowid);
      }
      const id = this.stmt('SELECT id FROM articles WHERE seq = ?');
      return [...seqs].sort((x, y) => x - y).map((q) => (id.get(q) as Row).id as string);
    });
  }

  async addCorrection(c: Omit<Correction, 'id' | 'created'>): Promise<Correction> {
    const created = new Date().toISOString();
    const info = this.guard(() => this.stmt('INSERT INTO corrections(created, kind, article, target, change) VALUES (?,?,?,?,?)')
      .run(created, c.kind, c.article, c.target, JSON.stringify(c.change)));
    return { id: Number(info.lastInsertRowid), created, ...c };
  }

  async corrections(): Promise<Correction[]> {
    return (this.stmt('SELECT * FROM corrections ORDER BY id').all() as Row[]).map((r) => ({
      id: r.id, created: r.created, kind: r.kind, article: r.article, target: r.target, change: JSON.parse(r.change),
    }));
  }

  async removeCorrection(id: number): Promise<boolean> {
    return this.guard(() => this.stmt('DELETE FROM corrections WHERE id = ?').run(id).changes > 0);
  }

  async supersededFacts(runId: string): Promise<RunFact[]> {
    return (this.stmt('SELECT article, kind, key, value, text FROM run_facts WHERE run = ? ORDER BY rowid').all(runId) as Row[])
      .map((r) => ({ article: r.article, kind: r.kind, key: r.key, value: r.value, text: r.text }));
  }

  async *rows(table: TableName): AsyncIterable<Record<string, unknown>> {
    const sql: Record<TableName, string> = {
      articles: `SELECT id, source, url, title, date, date_source, authors, outlet, genre, language, caption, image_credit, copyright,
        content_hash, story_id, duplicate_of, duplicate_kind, similarity, run_id, text FROM articles ORDER BY seq`,
      actors: 'SELECT id, key, name, type, qid, cameo, country, mentions, articles FROM actors ORDER BY id',
      mentions: 'SELECT a.id AS article, m.entity, m.actor, m.start, m.end, m.sentence, m.text, m.role FROM mentions m JOIN articles a ON a.seq = m.article ORDER BY m.rowid',
      roles: 'SELECT a.id AS article, r.actor, r.title, r.org, r.valid_from, r.valid_to, r.date FROM roles r JOIN articles a ON a.seq = r.article ORDER BY r.rowid',
      places: `SELECT a.id AS article, p.entity, p.actor, p.name, p.lat, p.lon, p.country, p.geoname_id, p.feature_code, p.reason,
        p.sentence, p.start, p.end, coalesce(p.provenance LIKE '{"stage":"correction"%', 0) AS corrected
        FROM places p JOIN articles a ON a.seq = p.article ORDER BY p.rowid`,
      times: `SELECT a.id AS article, t.start, t.end, t.sentence, t.text, t.value, t.date_from, t.date_to, t.grain
        FROM times t JOIN articles a ON a.seq = t.article ORDER BY t.rowid`,
      events: `SELECT e.id, a.id AS article, a.url AS article_url, a.source AS article_source, a.date AS article_date, e.local_id,
        e.code, e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.plover_context, e.label,
        e.source, s.name AS source_name, s.cameo AS source_cameo, s.country AS source_country, s.type AS source_type,
        e.target, t.name AS target_name, t.cameo AS target_cameo, t.country AS target_country, t.type AS target_type,
        e.date_from, e.date_to, e.place, e.place_name, e.country, e.lat, e.lon, p.feature_code AS place_feature, p.geoname_id AS place_geoname,
        e.modality, e.sentence, e.trigger_start, e.trigger_end, e.trigger_text, e.evidence, e.rule, e.confidence, e.incident,
        coalesce(e.provenance LIKE '{"stage":"correction"%', 0) AS corrected,
        i.sources AS incident_sources, i.articles AS incident_articles, i.events AS incident_events,
        tn.score AS tone, rn.started AS run_started
        FROM events e JOIN articles a ON a.seq = e.article LEFT JOIN runs rn ON rn.id = a.run_id
        LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
        LEFT JOIN places p ON p.article = e.article AND p.actor = e.place
        LEFT JOIN incidents i ON i.id = e.incident LEFT JOIN tone tn ON tn.article = e.article
        GROUP BY e.id ORDER BY e.id`,
      relations: `SELECT a.id AS article, r.type, r.polarity, r.source, r.target, r.modality, r.sentence, r.start, r.end
        FROM relations r JOIN articles a ON a.seq = r.article ORDER BY r.rowid`,
      quotes: `SELECT a.id AS article, q.start, q.end, q.sentence, q.text, q.speaker, q.addressee, q.cue, q.kind
        FROM quotes q JOIN articles a ON a.seq = q.article ORDER BY q.rowid`,
      tone: `SELECT a.id AS article, t.score, t.positive, t.negative, t.polarity, t.word_count, t.stance
        FROM tone t JOIN articles a ON a.seq = t.article ORDER BY t.article`,
      incidents: 'SELECT * FROM incidents ORDER BY id',
      runs: 'SELECT * FROM runs ORDER BY started',
    };
    // Read through a second connection so that the caller may query this store while iterating.
    const reader = new Database(this.location, { readonly: true, fileMustExist: true });
    try {
      for (const r of reader.prepare(sql[table]).iterate() as Iterable<Row>) yield r;
    } finally {
      reader.close();
    }
  }

  async stats(): Promise<StoreStats> {
    const n = (sql: string) => (this.stmt(sql).get() as Row).n as number;
    return {
      articles: n('SELECT count(*) AS n FROM articles'),
      stories: n('SELECT count(DISTINCT story_id) AS n FROM articles'),
      duplicates: n('SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL'),
      actors: n('SELECT count(*) AS n FROM actors'),
      mentions: n('SELECT count(*) AS n FROM mentions'),
      events: n('SELECT count(*) AS n FROM events'),
      incidents: n('SELECT count(*) AS n FROM incidents'),
      relations: n('SELECT count(*) AS n FROM relations'),
      quotes: n('SELECT count(*) AS n FROM quotes'),
      places: n('SELECT count(*) AS n FROM places'),
      times: n('SELECT count(*) AS n FROM times'),
      runs: n('SELECT count(*) AS n FROM runs'),
      schemaVersion: this.readVersion(),
    };
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (!this.readonly) {
      try {
        this.db.pragma('optimize'); // refreshes planner statistics where they went stale (SQLite's advice for closing connections)
        this.db.pragma('wal_checkpoint(PASSIVE)');
      } catch { /* a reader may hold the WAL; SQLite checkpoints later */ }
    }
    this.db.close();
  }
}

const EVENT_SELECT = `SELECT e.*, a.id AS article_id,
  s.name AS s_name, s.cameo AS s_cameo, s.country AS s_country, t.name AS t_name, t.cameo AS t_cameo, t.country AS t_country
  FROM events e JOIN articles a ON a.seq = e.article LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target`;

function modalityClause(modality: Modality[] | 'any' | undefined, col: string): { sql: string; params: string[] } {
  if (modality === 'any') return { sql: '', params: [] };
  const list = modality?.length ? modality : DEFAULT_MODALITY;
  return { sql: `AND ${col} IN (${list.map(() => '?').join(', ')})`, params: list };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}


function blobToSig(b: Buffer): Uint32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Uint32Array(copy.buffer);
}





