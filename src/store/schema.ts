/**
 * The SQLite schema as an ordered list of migrations. Migration N brings a store from schema
 * N-1 to N; a store whose version is above the last one here was written by a newer newsgraph
 * and is refused. Never edit a released migration: add the next one.
 *
 * Offsets (`start`, `end`) index the article's normalised `text`; `sentence` is an index into the
 * article's `sentences` JSON array. Articles are referenced internally by `articles.seq`
 * (compact integer), exposed by their contract id.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, actors, facts, dedup, incidents, runs, FTS5',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
  id TEXT PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
  code_version TEXT NOT NULL, data_version TEXT NOT NULL, stats TEXT
);
CREATE TABLE locks (name TEXT PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL, owner TEXT, since TEXT NOT NULL);

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT, url TEXT, title TEXT, date TEXT, date_source TEXT NOT NULL,
  authors TEXT NOT NULL, outlet TEXT, genre TEXT NOT NULL, language TEXT NOT NULL,
  caption TEXT, image_credit TEXT, copyright TEXT,
  text TEXT NOT NULL, content_hash TEXT NOT NULL, sentences TEXT NOT NULL, parts TEXT,
  story_id TEXT NOT NULL, duplicate_of TEXT, duplicate_kind TEXT, similarity REAL, minhash BLOB,
  run_id TEXT, pipeline TEXT, diagnostics TEXT
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE bands (key INTEGER NOT NULL, article INTEGER NOT NULL);
CREATE INDEX bands_key ON bands(key);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE actors (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, name_lc TEXT NOT NULL,
  type TEXT NOT NULL, qid TEXT, cameo TEXT, country TEXT,
  mentions INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_name ON actors(name_lc);
CREATE INDEX actors_qid ON actors(qid) WHERE qid IS NOT NULL;
CREATE INDEX actors_cameo ON actors(cameo) WHERE cameo IS NOT NULL;
CREATE TABLE entities (
  article INTEGER NOT NULL, local_id TEXT NOT NULL, actor INTEGER NOT NULL,
  name TEXT NOT NULL, type TEXT NOT NULL, kb TEXT, provenance TEXT,
  PRIMARY KEY (article, local_id)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor);
CREATE TABLE mentions (
  article INTEGER NOT NULL, actor INTEGER NOT NULL, entity TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,
  text TEXT NOT NULL, role TEXT, metonymy TEXT
);
CREATE INDEX mentions_actor ON mentions(actor, text);
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE roles (
  article INTEGER NOT NULL, actor INTEGER NOT NULL, title TEXT NOT NULL, org TEXT NOT NULL,
  valid_from TEXT, valid_to TEXT, date TEXT
);
CREATE INDEX roles_actor ON roles(actor);
CREATE TABLE places (
  article INTEGER NOT NULL, entity TEXT NOT NULL, actor INTEGER, name TEXT NOT NULL,
  lat REAL, lon REAL, country TEXT, geoname_id INTEGER, feature_code TEXT,
  reason TEXT NOT NULL, candidates TEXT NOT NULL, sentence INTEGER, start INTEGER, end INTEGER, provenance TEXT
);
CREATE INDEX places_article ON places(article);
CREATE INDEX places_actor ON places(actor);
CREATE TABLE times (
  article INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,
  text TEXT NOT NULL, value TEXT, date_from TEXT, date_to TEXT, grain TEXT NOT NULL, provenance TEXT
);
CREATE INDEX times_article ON times(article);
CREATE TABLE events (
  id INTEGER PRIMARY KEY, article INTEGER NOT NULL, local_id TEXT NOT NULL,
  code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  plover_type TEXT, plover_mode TEXT, plover_context TEXT, label TEXT NOT NULL,
  source INTEGER, target INTEGER, date_from TEXT, date_to TEXT, dated INTEGER NOT NULL, month TEXT,
  place INTEGER, place_name TEXT, country TEXT, lat REAL, lon REAL,
  modality TEXT NOT NULL, sentence INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
  evidence TEXT NOT NULL, rule TEXT NOT NULL, confidence REAL NOT NULL, provenance TEXT,
  incident INTEGER
);
CREATE INDEX events_article ON events(article, local_id);
-- Covering indexes: dyad timelines and actor profiles read only the index, never the table.
CREATE INDEX events_dyad ON events(source, target, month, modality, quad_class, goldstein, date_from);
CREATE INDEX events_target ON events(target, source, month, modality, quad_class, goldstein, date_from);
-- Event filters: an equality column, then the date (results are latest first), then the columns
-- other filters test, so that non-matching events are skipped inside the index.
CREATE INDEX events_date ON events(date_from, date_to, modality, root, country, plover_type);
CREATE INDEX events_code ON events(code, date_from, date_to, modality, country);
CREATE INDEX events_root ON events(root, date_from, date_to, modality, country, plover_type);
CREATE INDEX events_plover ON events(plover_type, date_from, date_to, modality, country, root);
CREATE INDEX events_country ON events(country, date_from, date_to, modality, root, plover_type);
CREATE INDEX events_incident ON events(incident) WHERE incident IS NOT NULL;
CREATE TABLE relations (
  article INTEGER NOT NULL, type TEXT NOT NULL, polarity TEXT NOT NULL,
  source INTEGER NOT NULL, target INTEGER NOT NULL, modality TEXT NOT NULL,
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, provenance TEXT
);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
CREATE TABLE quotes (
  article INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,
  text TEXT NOT NULL, speaker INTEGER, addressee INTEGER, cue TEXT, kind TEXT, provenance TEXT
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE tone (
  article INTEGER PRIMARY KEY, score REAL NOT NULL, positive REAL NOT NULL, negative REAL NOT NULL,
  polarity REAL NOT NULL, word_count INTEGER NOT NULL, stance TEXT NOT NULL
);
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY, source INTEGER, target INTEGER, root TEXT NOT NULL, where_key TEXT,
  date_from TEXT, date_to TEXT, events INTEGER NOT NULL, articles INTEGER NOT NULL, sources INTEGER NOT NULL
);
`,
  },
  {
    version: 2,
    description: 'steering: user corrections, facts of superseded runs (src/steer/)',
    sql: `
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY, created TEXT NOT NULL, kind TEXT NOT NULL, article TEXT, target TEXT NOT NULL, change TEXT NOT NULL
);
CREATE TABLE run_facts (
  run TEXT NOT NULL, article TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX run_facts_run ON run_facts(run, article);
`,
  },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
