/**
 * The PostgreSQL schema of the store, as ordered migrations (the twin of `./schema.ts` for SQLite;
 * the two version lists are separate because DDL differs). Migration N brings a database from
 * schema N-1 to N; a database whose version is above the last one here was written by a newer
 * newsgraph and is refused. Never edit a released migration: add the next one.
 *
 * Differences from the SQLite schema, and why:
 * - Text columns use the "C" collation, so ORDER BY and range scans sort bytewise like SQLite's
 *   BINARY collation whatever the database locale (same results from both stores).
 * - Fact tables (mentions, roles, ...) get an identity `id`: PostgreSQL has no rowid, and exports
 *   and `getAnalysis` return facts in insertion order.
 * - Full-text search is a generated `tsvector` column with a GIN index (configuration `newsgraph`:
 *   'simple', i.e. no stemming, plus unaccent, like FTS5's unicode61 remove_diacritics tokenizer).
 * - `end` is reserved in SQL and is quoted.
 */
import type { Migration } from './schema.js';

const T = 'text COLLATE "C"';

export const PG_MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, actors, facts, dedup, incidents, runs, tsvector search',
    sql: `
CREATE TABLE IF NOT EXISTS meta (key ${T} PRIMARY KEY, value ${T} NOT NULL);
-- Search configuration 'newsgraph': 'simple' (no stemming) without accents, like FTS5's
-- unicode61 remove_diacritics. unaccent ships with PostgreSQL (contrib) and is a trusted
-- extension; where it cannot be created, search stays accent-sensitive rather than failing.
DO $$ BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'newsgraph: extension unaccent unavailable (%); full-text search is accent-sensitive', SQLERRM;
END $$;
CREATE TEXT SEARCH CONFIGURATION newsgraph (COPY = simple);
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
    ALTER TEXT SEARCH CONFIGURATION newsgraph ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;
  END IF;
END $$;
CREATE TABLE runs (
  id ${T} PRIMARY KEY, started ${T} NOT NULL, finished ${T},
  code_version ${T} NOT NULL, data_version ${T} NOT NULL, stats ${T}
);
CREATE TABLE locks (name ${T} PRIMARY KEY, pid integer NOT NULL, host ${T} NOT NULL, owner ${T}, since ${T} NOT NULL);

CREATE TABLE articles (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id ${T} NOT NULL UNIQUE,
  source ${T}, url ${T}, title ${T}, date ${T}, date_source ${T} NOT NULL,
  authors ${T} NOT NULL, outlet ${T}, genre ${T} NOT NULL, language ${T} NOT NULL,
  caption ${T}, image_credit ${T}, copyright ${T},
  text ${T} NOT NULL, content_hash ${T} NOT NULL, sentences ${T} NOT NULL, parts ${T},
  story_id ${T} NOT NULL, duplicate_of ${T}, duplicate_kind ${T}, similarity double precision, minhash bytea,
  run_id ${T}, pipeline ${T}, diagnostics ${T},
  fts tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('newsgraph', coalesce(title, '')), 'A') || setweight(to_tsvector('newsgraph', text), 'B')
  ) STORED
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_fts ON articles USING gin(fts);
CREATE TABLE bands (key bigint NOT NULL, article bigint NOT NULL);
CREATE INDEX bands_key ON bands(key);

CREATE TABLE actors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, key ${T} NOT NULL UNIQUE, name ${T} NOT NULL, name_lc ${T} NOT NULL,
  type ${T} NOT NULL, qid ${T}, cameo ${T}, country ${T},
  mentions integer NOT NULL DEFAULT 0, articles integer NOT NULL DEFAULT 0
);
CREATE INDEX actors_name ON actors(name_lc);
CREATE INDEX actors_qid ON actors(qid) WHERE qid IS NOT NULL;
CREATE INDEX actors_cameo ON actors(cameo) WHERE cameo IS NOT NULL;
CREATE TABLE entities (
  article bigint NOT NULL, local_id ${T} NOT NULL, actor bigint NOT NULL,
  name ${T} NOT NULL, type ${T} NOT NULL, kb ${T}, provenance ${T},
  PRIMARY KEY (article, local_id)
);
CREATE INDEX entities_actor ON entities(actor);
CREATE TABLE mentions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article bigint NOT NULL, actor bigint NOT NULL, entity ${T} NOT NULL,
  start integer NOT NULL, "end" integer NOT NULL, sentence integer NOT NULL,
  text ${T} NOT NULL, role ${T}, metonymy ${T}
);
CREATE INDEX mentions_actor ON mentions(actor);
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE roles (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article bigint NOT NULL, actor bigint NOT NULL, title ${T} NOT NULL, org ${T} NOT NULL,
  valid_from ${T}, valid_to ${T}, date ${T}
);
CREATE INDEX roles_actor ON roles(actor);
CREATE INDEX roles_article ON roles(article);
CREATE TABLE places (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article bigint NOT NULL, entity ${T} NOT NULL, actor bigint, name ${T} NOT NULL,
  lat double precision, lon double precision, country ${T}, geoname_id bigint, feature_code ${T},
  reason ${T} NOT NULL, candidates ${T} NOT NULL, sentence integer, start integer, "end" integer, provenance ${T}
);
CREATE INDEX places_article ON places(article);
CREATE INDEX places_actor ON places(actor);
CREATE TABLE times (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article bigint NOT NULL, start integer NOT NULL, "end" integer NOT NULL, sentence integer NOT NULL,
  text ${T} NOT NULL, value ${T}, date_from ${T}, date_to ${T}, grain ${T} NOT NULL, provenance ${T}
);
CREATE INDEX times_article ON times(article);
CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, article bigint NOT NULL, local_id ${T} NOT NULL,
  code ${T} NOT NULL, root ${T} NOT NULL, quad_class integer NOT NULL, goldstein double precision NOT NULL,
  plover_type ${T}, plover_mode ${T}, plover_context ${T}, label ${T} NOT NULL,
  source bigint, target bigint, date_from ${T}, date_to ${T}, dated integer NOT NULL, month ${T},
  place bigint, place_name ${T}, country ${T}, lat double precision, lon double precision,
  modality ${T} NOT NULL, sentence integer NOT NULL,
  trigger_start integer NOT NULL, trigger_end integer NOT NULL, trigger_text ${T} NOT NULL,
  evidence ${T} NOT NULL, rule ${T} NOT NULL, confidence double precision NOT NULL, provenance ${T},
  incident bigint
);
CREATE INDEX events_article ON events(article, local_id);
-- Dyad timeline: (source, target) equality, then month ranges; the reverse for "both" and profiles.
CREATE INDEX events_dyad ON events(source, target, month);
CREATE INDEX events_target ON events(target, source, month);
-- Event filters: each selective column, then the date order the listing uses.
CREATE INDEX events_date ON events(date_from);
CREATE INDEX events_code ON events(code, date_from);
CREATE INDEX events_root ON events(root, date_from);
CREATE INDEX events_plover ON events(plover_type, date_from);
CREATE INDEX events_country ON events(country, date_from);
CREATE INDEX events_place ON events(lower(place_name));
CREATE INDEX events_incident ON events(incident) WHERE incident IS NOT NULL;
CREATE TABLE relations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article bigint NOT NULL, type ${T} NOT NULL, polarity ${T} NOT NULL,
  source bigint NOT NULL, target bigint NOT NULL, modality ${T} NOT NULL,
  sentence integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL, provenance ${T}
);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
CREATE INDEX relations_article ON relations(article);
CREATE TABLE quotes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article bigint NOT NULL, start integer NOT NULL, "end" integer NOT NULL, sentence integer NOT NULL,
  text ${T} NOT NULL, speaker bigint, addressee bigint, cue ${T}, kind ${T}, provenance ${T}
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE tone (
  article bigint PRIMARY KEY, score double precision NOT NULL, positive double precision NOT NULL, negative double precision NOT NULL,
  polarity double precision NOT NULL, word_count integer NOT NULL, stance ${T} NOT NULL
);
CREATE TABLE incidents (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, source bigint, target bigint, root ${T} NOT NULL, where_key ${T},
  date_from ${T}, date_to ${T}, events integer NOT NULL, articles integer NOT NULL, sources integer NOT NULL
);
`,
  },
  {
    version: 2,
    description: 'steering: user corrections, facts of superseded runs (src/steer/)',
    sql: `
CREATE TABLE corrections (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, created ${T} NOT NULL, kind ${T} NOT NULL, article ${T},
  target ${T} NOT NULL, change ${T} NOT NULL
);
CREATE TABLE run_facts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run ${T} NOT NULL, article ${T} NOT NULL, kind ${T} NOT NULL,
  key ${T} NOT NULL, value ${T} NOT NULL, text ${T} NOT NULL
);
CREATE INDEX run_facts_run ON run_facts(run, article);
`,
  },
];

/** The PostgreSQL schema version this code writes and reads. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;
