/**
 * The `Store` interface: where analysed articles live once ingested, and what can be asked of them.
 *
 * Two implementations share it and one test suite (`storeSuite` in `./suite.ts`):
 * the embedded SQLite store (`./sqlite.ts`, the default, one file) and the PostgreSQL store of
 * the cluster issue. Every method is async so a networked database can implement it.
 *
 * Identity rules every implementation follows:
 * - An article is keyed by its contract `document.id`; putting an id that is already stored is a no-op
 *   (this is what makes ingest resumable).
 * - Entities are merged across articles into *actors*, keyed by {@link actorKey}: the KB id
 *   (`kb.qid`, else `kb.id`) when linked, else `type:normalised name`.
 * - Events are addressed by a numeric id unique in the store (`StoredEvent.id`) and by
 *   `articleId#localId` (`v1` in the contract).
 * - Every fact keeps the article, the sentence index and the character offsets it came from.
 */
import type { Analysis, EntityType, Modality } from '../contract.js';

/** One article to write, with what deduplication decided for it (see `src/dedup/`). */
export interface ArticleRecord {
  analysis: Analysis;
  /** Story (group of copies of one text) this article belongs to: the id of its first-stored member. */
  storyId: string;
  /** The stored article this one copies, when it is a duplicate. */
  duplicateOf: string | null;
  duplicateKind: 'exact' | 'near' | null;
  /** Estimated Jaccard similarity with `duplicateOf` (1 for exact copies). */
  similarity: number | null;
  /** MinHash signature of the text (for near-duplicate lookups); stored as given. */
  minhash: Uint32Array | null;
  /** LSH band keys of the signature; articles sharing a key are near-duplicate candidates. */
  bands: string[];
}

/** A stored article (without the facts). */
export interface StoredArticle {
  id: string;
  source: string | null;
  url: string | null;
  title: string | null;
  date: string | null;
  dateSource: string;
  authors: string[];
  outlet: string | null;
  genre: string;
  language: string;
  text: string;
  contentHash: string;
  sentences: Array<{ start: number; end: number }>;
  storyId: string;
  duplicateOf: string | null;
  duplicateKind: 'exact' | 'near' | null;
  similarity: number | null;
  runId: string | null;
}

/** A near-duplicate candidate returned by {@link Store.nearCandidates}. */
export interface DedupCandidate {
  id: string;
  storyId: string;
  contentHash: string;
  minhash: Uint32Array | null;
}

/** An ingest run: when, with which code and data. */
export interface RunInfo {
  id: string;
  started: string;
  finished: string | null;
  codeVersion: string;
  dataVersion: string;
  /** Free-form counts written at the end of the run (stored, skipped, failed...). */
  stats: Record<string, number> | null;
}

/** What {@link Store.putArticles} did. */
export interface PutResult {
  stored: number;
  /** Ids already in the store, left untouched. */
  skipped: string[];
}

/** A merged actor (entities of many articles with the same key). */
export interface Actor {
  id: number;
  key: string;
  name: string;
  type: EntityType;
  qid: string | null;
  cameo: string | null;
  country: string | null;
  mentions: number;
  articles: number;
}

/** How to name an actor in a query: its numeric id, its key, a KB id (Q-id or CAMEO code) or a name. */
export type ActorRef = number | string;

export interface StoredEvent {
  id: number;
  articleId: string;
  localId: string;
  code: string;
  root: string;
  quadClass: number;
  goldstein: number;
  ploverType: string | null;
  ploverMode: string | null;
  label: string;
  source: { id: number; name: string; cameo: string | null; country: string | null } | null;
  target: { id: number; name: string; cameo: string | null; country: string | null } | null;
  /** Event date range, or the article date when the event has none. */
  dateFrom: string | null;
  dateTo: string | null;
  place: { id: number | null; name: string; country: string | null; lat: number | null; lon: number | null } | null;
  modality: Modality;
  sentence: number;
  trigger: { start: number; end: number; text: string };
  evidence: string;
  rule: string;
  confidence: number;
  incidentId: number | null;
  /** Set when a user correction changed the event. */
  corrected?: boolean;
}

/** Filter of {@link Store.events}. Every field narrows; omitted fields do not. */
export interface EventFilter {
  /** Either side of the event. */
  actor?: ActorRef;
  source?: ActorRef;
  target?: ActorRef;
  /** CAMEO code prefix ("19" matches 190..196, "1951"). */
  code?: string;
  root?: string;
  ploverType?: string;
  quadClass?: number;
  /** Inclusive ISO dates; an event matches when its range overlaps [from, to]. */
  from?: string;
  to?: string;
  /** Place name (case-insensitive) of the event location. */
  place?: string;
  /** ISO country code of the event location. */
  country?: string;
  /** Default `['asserted']`; pass `'any'` for all. */
  modality?: Modality[] | 'any';
  articleId?: string;
  incidentId?: number;
  limit?: number;
  offset?: number;
}

export interface ActorProfile {
  actor: Actor;
  /** Surface forms used for the actor, most frequent first. */
  names: Array<{ text: string; count: number }>;
  /** Roles seen in articles, with the first and last article date they were seen on. */
  roles: Array<{ title: string; org: string; from: string | null; to: string | null; firstSeen: string | null; lastSeen: string | null; count: number }>;
  /** Actors this one has events with (either direction), most events first. */
  counterparts: Array<{ actor: Actor; events: number; goldstein: number }>;
  /** Events where the actor is source or target, by month (YYYY-MM) and QuadClass. */
  months: Array<{ month: string; q1: number; q2: number; q3: number; q4: number }>;
}

export interface DyadMonth {
  month: string;
  events: number;
  goldstein: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
}

export interface NeighbourEdge {
  source: Actor;
  target: Actor;
  type: string;
  polarity: string;
  count: number;
  /** Hops from the centre actor (1 or 2). */
  depth: number;
}

export interface SearchHit {
  articleId: string;
  title: string | null;
  date: string | null;
  source: string | null;
  /** Text around the match, the matched terms wrapped in the highlight marks. */
  snippet: string;
  rank: number;
}

/** An event with what it rests on. */
export interface EventEvidence {
  event: StoredEvent;
  article: { id: string; title: string | null; date: string | null; source: string | null; url: string | null; outlet: string | null };
  /** The sentence's text and offsets in the article text. */
  sentence: { index: number; start: number; end: number; text: string };
  provenance: { stage: string; rule: string; entry?: string } | null;
  incident: Incident | null;
}

/** Events of different articles that describe one incident. */
export interface Incident {
  id: number;
  source: number | null;
  target: number | null;
  root: string;
  /** Country code or place actor key used to group. */
  where: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  events: number;
  articles: number;
  /** Independent sources: distinct stories (reprints of one text count once). */
  sources: number;
}

/** Counts of everything in the store. */
export interface StoreStats {
  articles: number;
  stories: number;
  duplicates: number;
  actors: number;
  mentions: number;
  events: number;
  incidents: number;
  relations: number;
  quotes: number;
  places: number;
  times: number;
  runs: number;
  schemaVersion: number;
}

/** Tables that exports can read row by row (see {@link Store.rows}). */
export type TableName =
  | 'articles' | 'actors' | 'mentions' | 'roles' | 'places' | 'times' | 'events'
  | 'relations' | 'quotes' | 'tone' | 'incidents' | 'runs';

/** Options of {@link Store.search}. */
export interface SearchOptions {
  limit?: number;
  /** Marks around matched terms; default `['«', '»']`. */
  highlight?: [string, string];
}

/** A user correction of machine output (issue 9), stored apart from the facts and applied on top of every later run. */
export interface Correction {
  id: number;
  created: string;
  /** 'event' (wrong / source / target / code / modality), 'entity-merge', 'entity-split', 'place' (coordinates). */
  kind: 'event' | 'entity-merge' | 'entity-split' | 'place';
  /** The article the correction is about (event corrections), null for corpus-wide ones. */
  article: string | null;
  /** What is corrected: `trigger_start-trigger_end#root` (event), an actor key (entity), a place name or geoname id. */
  target: string;
  /** The change (JSON object; shape by kind, see `src/steer/corrections.ts`). */
  change: Record<string, unknown>;
}

/** One fact of a run, as compared by `runs diff` and the recode dry-run: an event or an entity link of an article. */
export interface RunFact {
  article: string;
  kind: 'event' | 'link';
  /** Identity across runs: event `trigger_start-trigger_end#root`; link `mention_start-mention_end`. */
  key: string;
  /** What may change: event `code|source|target|modality`; link the actor key. */
  value: string;
  /** Trigger or mention text, for examples. */
  text: string;
}

export interface Store {
  /** 'sqlite' or 'postgres'. */
  readonly kind: string;
  /** Where the store lives (file path or URL without password). */
  readonly location: string;

  /** Schema version of the open store. */
  schemaVersion(): Promise<number>;

  /**
   * Takes the single-writer lock (one ingest at a time). Resolves to a release function.
   * When another live process holds it: waits up to `waitMs` (default 0), then throws a
   * NewsgraphError (`NG_DB_LOCKED`) naming the holder. A lock left by a killed process is taken over.
   */
  lockWriter(opts?: { waitMs?: number; owner?: string }): Promise<() => Promise<void>>;

  /** Records the start of an ingest run. */
  startRun(run: Omit<RunInfo, 'finished' | 'stats'>): Promise<void>;
  finishRun(id: string, stats: Record<string, number>): Promise<void>;
  runs(): Promise<RunInfo[]>;

  /** Which of these article ids are stored. */
  existingIds(ids: string[]): Promise<Set<string>>;
  /** Stored articles with one of these content hashes (the first stored per hash). */
  byContentHash(hashes: string[]): Promise<Map<string, { id: string; storyId: string }>>;
  /** Stored articles sharing at least one LSH band key with the given ones. */
  nearCandidates(bands: string[]): Promise<DedupCandidate[]>;

  /**
   * Writes a batch of analysed articles and all their facts in one transaction (all or none).
   * Articles whose id is already stored are skipped and reported in `skipped`.
   */
  putArticles(records: ArticleRecord[], runId: string | null): Promise<PutResult>;

  getArticle(id: string): Promise<StoredArticle | null>;
  /** The analysis contract rebuilt from the store (without tokens and diagnostics). */
  getAnalysis(id: string): Promise<Analysis | null>;
  /** Every article id of a story, first-stored first. */
  story(storyId: string): Promise<string[]>;

  /** Actors matching a reference, best first (an exact id/key/KB id, then exact name, then name prefix). */
  findActors(ref: ActorRef, limit?: number): Promise<Actor[]>;
  actorProfile(ref: ActorRef, opts?: { top?: number; from?: string; to?: string }): Promise<ActorProfile | null>;
  /** A→B events by month; `both` adds B→A. Modality defaults to asserted only. */
  dyadTimeline(a: ActorRef, b: ActorRef, opts?: { from?: string; to?: string; both?: boolean; modality?: Modality[] | 'any' }): Promise<DyadMonth[]>;
  events(filter: EventFilter): Promise<StoredEvent[]>;
  /** Relations around an actor, `depth` 1 or 2. */
  neighbourhood(ref: ActorRef, depth?: 1 | 2): Promise<NeighbourEdge[]>;
  /** Full-text search over titles and texts (query syntax of the backend; plain words always work). */
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  /** An event (numeric id or `articleId#v1`) with its evidence sentence, rule and incident. */
  why(eventRef: number | string): Promise<EventEvidence | null>;

  /** Re-clusters events into incidents (see `src/dedup/incidents.ts`); returns how many incidents. */
  rebuildIncidents(): Promise<number>;
  incidents(opts?: { minSources?: number; limit?: number }): Promise<Incident[]>;

  /**
   * Every row of a table as plain objects (column name → value), in insertion order; for exports.
   * The column names are part of the interface: `src/export/` reads them. The SQLite store's
   * `rows` (in `./sqlite.ts`) is the reference, e.g. `events` rows carry the event's columns plus
   * `article` (id), `article_url`, `source_name`/`_cameo`/`_country`/`_type`, the same for
   * `target_`, `place_feature`, `place_geoname`, `incident_sources`/`_articles`/`_events`, `tone`
   * and `run_started`; the export tests (`test/export-formats.test.ts`) check them.
   */
  rows(table: TableName): AsyncIterable<Record<string, unknown>>;

  // Steering (issue 9, `src/steer/`). Optional until every backend implements them; `src/steer/`
  // refuses with a one-line message on a backend that lacks them.
  /**
   * Replaces the stored facts of already stored articles with new analyses of the same texts, in one
   * transaction (all or none), keeping each article's story and duplicate links, and records the
   * replaced facts (`superseded`, tagged with the run that produced them) for `runs diff`.
   */
  replaceArticles?(analyses: Analysis[], runId: string, superseded: Array<RunFact & { run: string }>): Promise<void>;
  /** Ids of articles with an entity linked to one of these actor keys, or whose title/text holds one of these phrases. */
  articlesTouching?(query: { actorKeys: string[]; phrases: string[] }): Promise<string[]>;
  addCorrection?(c: Omit<Correction, 'id' | 'created'>): Promise<Correction>;
  corrections?(): Promise<Correction[]>;
  removeCorrection?(id: number): Promise<boolean>;
  /** Facts of a run recorded when later runs replaced them (see {@link replaceArticles}). */
  supersededFacts?(runId: string): Promise<RunFact[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Opens a store at a location; implementations register under a URL scheme in `./open.ts`. */
export type StoreFactory = (location: string, opts: OpenStoreOptions) => Promise<Store>;

export interface OpenStoreOptions {
  /** Open read-only: no migrations, no writes (queries and exports). */
  readonly?: boolean;
  /** Create the store when it does not exist (default true unless readonly). */
  create?: boolean;
}
