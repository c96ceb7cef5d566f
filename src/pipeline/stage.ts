import type { Doc, LayerName } from '../document/doc.js';

/**
 * A pipeline stage: declares the layers it reads (`requires`) and writes (`assigns`),
 * and the languages it can handle. The runner checks the declarations before any article runs.
 *
 * @example
 *   const sentences: Stage = {
 *     name: 'tokens', requires: [], assigns: ['sentences', 'tokens'], languages: ['en'],
 *     run(doc) { doc.set('sentences', splitSentences(doc.text)); ... },
 *   };
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  /** ISO 639-1 codes the stage handles; omitted means language-independent. */
  readonly languages?: readonly string[];
  run(doc: Doc, ctx: StageContext): void;
}

/** What the runner gives every stage: options from the pipeline config and shared resources. */
export interface StageContext {
  /** Options for this stage from the pipeline configuration. */
  options: Record<string, unknown>;
  /** Options of the whole analysis (document date override, user dictionaries...). */
  analysis: AnalysisOptions;
}

/** Options of one analysis that any stage may read. */
export interface AnalysisOptions {
  /** Override of the document date (YYYY-MM-DD). */
  date?: string;
  /** Extra actor dictionary files (YAML/JSON/TSV in the format of data/actors). */
  actorFiles?: string[];
  /** Extra verb pattern files (TSV in the format of data/events/verbs.tsv), read before the shipped patterns. */
  verbFiles?: string[];
  /** Include the token layer in the output. */
  includeTokens?: boolean;
  [key: string]: unknown;
}

/** Builds a stage from its options; registered by name in the stage registry. */
export type StageFactory = (options: Record<string, unknown>) => Stage;
