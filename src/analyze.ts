import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA, type Analysis, type DocumentInfo, type Genre } from './contract.js';
import { Doc } from './document/doc.js';
import { NewsgraphError } from './errors.js';
import { normalize } from './normalize/index.js';
import { dataPath } from './paths.js';
import { createPipeline, type Pipeline } from './pipeline/runner.js';
import type { AnalysisOptions } from './pipeline/stage.js';

/** One article to analyse: text or HTML plus whatever metadata the source gave. */
export interface ArticleInput {
  id?: string;
  url?: string;
  /** Path or URL the article was read from. */
  source?: string;
  title?: string;
  /** Publication date from metadata (ISO date or date-time). */
  date?: string;
  authors?: string[];
  outlet?: string;
  text?: string;
  html?: string;
  /** Photo caption and its credit from markup (HTML `<figcaption>`); the text's own caption wins. */
  caption?: string;
  imageCredit?: string;
  /** Section or category from metadata ("Opinion", "World"). */
  section?: string;
  /** Genre stated by metadata (e.g. schema.org OpinionNewsArticle); the structure stage keeps it. */
  genre?: Genre;
  /** Set by the readers for a record that could not be read (e.g. a malformed JSONL line); the other fields are then empty. */
  error?: NewsgraphError;
  /** 1-based line (JSONL) or record number (JSON array) the record came from. */
  line?: number;
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions extends AnalysisOptions {
  /** A pipeline built with `createPipeline`; the default pipeline otherwise. */
  pipeline?: Pipeline;
}

export const VERSION = '0.1.0';

let defaultPipeline: Pipeline | undefined;

/**
 * Analyses one article and returns the analysis contract (`newsgraph.analysis/1`).
 * Plain strings are analysed as plain text. Throws {@link NewsgraphError} for unusable input
 * (use {@link analyzeSafe} for the non-throwing form).
 *
 * @example
 *   import { analyze } from 'newsgraph';
 *   const a = analyze({ id: 'x', text: 'Russian President Vladimir Putin met Sergio Mattarella in Moscow.' });
 *   a.entities.map((e) => e.name);
 */
export function analyze(input: string | ArticleInput, options: AnalyzeOptions = {}): Analysis {
  const doc = createDoc(typeof input === 'string' ? { text: input } : input, options);
  const pipeline = options.pipeline ?? (defaultPipeline ??= createPipeline());
  pipeline.run(doc, options);
  return toAnalysis(doc, pipeline, options);
}

/** {@link analyze} that returns `{ ok, value | error }` instead of throwing for bad input. */
export function analyzeSafe(
  input: string | ArticleInput,
  options: AnalyzeOptions = {},
): { ok: true; value: Analysis } | { ok: false; error: NewsgraphError } {
  try {
    return { ok: true, value: analyze(input, options) };
  } catch (err) {
    if (err instanceof NewsgraphError) return { ok: false, error: err };
    throw err;
  }
}

/** Builds the document from an input: normalised text, metadata, content hash. */
export function createDoc(input: ArticleInput, options: AnalysisOptions = {}): Doc {
  const subject = input.source ?? input.id ?? 'input';
  if (input.error) throw input.error;
  const { text, repairs } = normalize(input.text ?? '');
  if (!text) throw new NewsgraphError('NG_INPUT_EMPTY', subject, 'no text to analyse');
  const date = options.date ?? input.date?.slice(0, 10);
  const contentHash = createHash('sha256').update(text).digest('hex');
  const doc = new Doc({
    id: input.id ?? contentHash.slice(0, 16),
    source: input.source ?? input.url ?? null,
    title: input.title ?? null,
    date: date ?? null,
    dateSource: options.date ? 'argument' : date ? 'metadata' : 'none',
    authors: input.authors ?? [],
    outlet: input.outlet ?? null,
    text,
    html: input.html ?? null,
    contentHash,
    ...(input.genre ? { genre: input.genre } : {}),
    caption: input.caption ?? null,
    imageCredit: input.imageCredit ?? null,
  });
  doc.currentStage = 'normalize';
  for (const r of repairs) {
    doc.diagnose('NG_MOJIBAKE_REPAIRED', r, `repaired “${r.from}” → “${r.to}” (${r.kind})`);
  }
  doc.currentStage = undefined;
  return doc;
}

/** Serialises a document's layers into the analysis contract. */
export function toAnalysis(doc: Doc, pipeline: Pipeline, options: AnalysisOptions = {}): Analysis {
  const document: DocumentInfo = { ...doc.info, text: doc.text };
  const tokens = doc.has('tokens') && options.includeTokens ? doc.get('tokens') : undefined;
  return {
    schema: SCHEMA,
    document,
    sentences: doc.getOr('sentences', []),
    ...(tokens
      ? {
          tokens: Array.from({ length: tokens.length }, (_, i) => ({
            start: tokens.start(i), end: tokens.end(i), text: tokens.text(i), pos: tokens.pos(i), sentence: tokens.sentence(i),
          })),
        }
      : {}),
    entities: doc.getOr('entities', []),
    places: doc.getOr('places', []),
    times: doc.getOr('times', []),
    events: doc.getOr('events', []),
    relations: doc.getOr('relations', []),
    quotes: doc.getOr('quotes', []),
    tone: doc.has('tone') ? doc.get('tone') : null,
    diagnostics: doc.diagnostics,
    pipeline: { stages: pipeline.stages.map((s) => s.name), dataVersion: dataVersion(options.actorFiles), version: VERSION },
  };
}

let cachedDataVersion: string | undefined;
const userFileHashes = new Map<string, string>();
/**
 * A short content hash of the data files the pipeline uses (every file under `data/`, by path and
 * bytes, hashed once per process), combined with the user dictionary files given (hashed by content,
 * re-read when their size or mtime changes). `NEWSGRAPH_DATA_VERSION` overrides the shipped part.
 *
 * @example
 *   dataVersion();                                  // 'd41d8cd98f00'
 *   dataVersion(['corpus.newsgraph/dictionaries/actors.yaml']); // a different hash
 */
export function dataVersion(userFiles: readonly string[] = []): string {
  cachedDataVersion ??= process.env.NEWSGRAPH_DATA_VERSION ?? hashTree(dataPath());
  if (!userFiles.length) return cachedDataVersion;
  const h = createHash('sha256').update(cachedDataVersion);
  for (const f of userFiles) h.update(`\0${userFileHash(f)}`);
  return h.digest('hex').slice(0, 12);
}

function userFileHash(file: string): string {
  let sig: string;
  try {
    const st = statSync(file);
    sig = `${file}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
  const cached = userFileHashes.get(file);
  if (cached?.startsWith(`${sig}=`)) return cached.slice(sig.length + 1);
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  userFileHashes.set(file, `${sig}=${hash}`);
  return hash;
}

/** sha256 over the sorted relative paths and bytes of every file under `dir` (12 hex digits). */
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(join(dir, rel)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, rel, name);
      if (statSync(path).isDirectory()) walk(join(rel, name));
      else h.update(`${join(rel, name)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk('');
  return h.digest('hex').slice(0, 12);
}
