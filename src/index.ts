/**
 * newsgraph: reads news articles and reconstructs the geopolitical system they describe.
 *
 * @example
 *   import { analyze } from 'newsgraph';
 *   const analysis = analyze({ id: 'a1', text: 'Putin met Mattarella in Moscow on Tuesday.', date: '2017-04-11' });
 */
export { analyze, analyzeSafe, createDoc, toAnalysis, VERSION } from './analyze.js';
export type { ArticleInput, AnalyzeOptions } from './analyze.js';
export * from './contract.js';
export { Doc } from './document/doc.js';
export type { Layers, LayerName, MentionSpan, Part } from './document/doc.js';
export { TokenLayer } from './document/tokens.js';
export { CODES, NewsgraphError, attempt, attemptAsync } from './errors.js';
export type { Code, Result } from './errors.js';
export { createPipeline, defaultPipelineConfig } from './pipeline/runner.js';
export type { Pipeline, StageConfig } from './pipeline/runner.js';
export type { Stage, StageContext, AnalysisOptions } from './pipeline/stage.js';
export { detectLanguage } from './language/index.js';
export { tokenize } from './nlp/index.js';
export { openStore, registerStoreBackend } from './store/open.js';
export type * from './store/types.js';
export { readSource, parseBytes, readHtml, DEFAULT_MAX_BYTES } from './input/index.js';
export type { InputFormat, ReadOptions } from './input/index.js';
export { normalize, normalizeText, repairMojibake, decodeBytes } from './normalize/index.js';
export { structureStage } from './structure/index.js';
export { actorsStage, createActorsStage, findActors } from './actors/index.js';
export type { ActorMention, ActorsStageOptions } from './actors/index.js';
export { ActorKb, loadKb, nameKey } from './kb/index.js';
export type { LoadKbOptions, HeldRole } from './kb/index.js';
export { importPetrarchActors, importPetrarchAgents } from './kb/petrarch.js';
export type { AgentEntry, ImportOptions, PetrarchCode } from './kb/petrarch.js';
export type { KbActor, KbRole, LoadedActor } from './kb/types.js';
export { eventPlace, detectToponyms, gazetteer, resolveToponyms, geoContext } from './geo/index.js';
export { eventDate, findTimes } from './time/index.js';
export { ingest, formatSummary } from './ingest/index.js';
export type { IngestOptions, IngestSummary, IngestProgress } from './ingest/index.js';
export { exportStore, EXPORT_FORMATS, GDELT_COLUMNS } from './export/index.js';
export type { ExportFormat, ExportOptions, ExportResult } from './export/index.js';
export { actorProfileQuery, dyadQuery, eventsQuery, neighboursQuery, searchQuery, whyQuery, incidentsQuery, statsQuery } from './query/index.js';
export type { QueryResult } from './query/index.js';
export { editDictionary, listDictionary, storeAnalysisOptions, storeDir } from './steer/dictionaries.js';
export type { DictionaryEdit } from './steer/dictionaries.js';
export { recode, runsDiff, changeOf, affectedArticles } from './steer/recode.js';
export type { RecodeOptions, RecodeReport } from './steer/recode.js';
export { applyCorrections, correctEvent, correctMerge, correctSplit, correctPlace, removeCorrection, suggestEntries } from './steer/corrections.js';
export { factsOf, diffFacts } from './steer/facts.js';
export { quotesStage, extractQuotes } from './quotes/index.js';
export { toneStage, computeTone } from './tone/index.js';
export { createApp, startServer } from './server/index.js';
export type { AppOptions, ServerOptions } from './server/index.js';
export { enqueue, runWorker, queueStatus, QUEUE_NAME } from './cluster/queue.js';
export type { EnqueueSummary, QueueStatus, WorkerOptions } from './cluster/queue.js';
