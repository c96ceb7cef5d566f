import { createHash } from 'node:crypto';
import { SCHEMA, type Analysis, type DocumentInfo } from './contract.js';
import { Doc } from './document/doc.js';
import { NewsgraphError } from './errors.js';
import { normalizeText } from './normalize/index.js';
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
  const raw = input.text ?? '';
  const text = normalizeText(raw);
  if (!text) throw new NewsgraphError('NG_INPUT_EMPTY', subject, 'no text to analyse');
  const date = options.date ?? input.date?.slice(0, 10);
  const contentHash = createHash('sha256').update(text).digest('hex');
  return new Doc({
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
  });
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
    pipeline: { stages: pipeline.stages.map((s) => s.name), dataVersion: dataVersion(), version: VERSION },
  };
}

let cachedDataVersion: string | undefined;
/** A short hash of the data files the pipeline uses (set by the data compiler; 'dev' before it runs). */
export function dataVersion(): string {
  return (cachedDataVersion ??= process.env.NEWSGRAPH_DATA_VERSION ?? 'dev');
}
