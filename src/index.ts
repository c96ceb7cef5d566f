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
