import { actorsStage } from '../actors/index.js';
import { eventsStage } from '../events/index.js';
import { createPlacesStage } from '../geo/index.js';
import { languageStage } from '../language/index.js';
import { tokensStage } from '../nlp/index.js';
import { quotesStage } from '../quotes/index.js';
import { structureStage } from '../structure/index.js';
import { createTimesStage } from '../time/index.js';
import { toneStage } from '../tone/index.js';
import type { StageFactory } from './stage.js';

/**
 * Every stage newsgraph knows, by the name the pipeline configuration uses.
 * A new capability adds one line here and one in `data/pipeline.yaml`; the runner is untouched.
 */
export const STAGES: Record<string, StageFactory> = {
  language: () => languageStage,
  structure: () => structureStage,
  tokens: () => tokensStage,
  actors: () => actorsStage,
  places: createPlacesStage,
  times: createTimesStage,
  events: eventsStage,
  quotes: () => quotesStage,
  tone: () => toneStage,
};
