import { languageStage } from '../language/index.js';
import { tokensStage } from '../nlp/index.js';
import type { StageFactory } from './stage.js';

/**
 * Every stage newsgraph knows, by the name the pipeline configuration uses.
 * A new capability adds one line here and one in `data/pipeline.yaml`; the runner is untouched.
 */
export const STAGES: Record<string, StageFactory> = {
  language: () => languageStage,
  tokens: () => tokensStage,
};
