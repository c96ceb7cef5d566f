import { createPipeline, defaultPipelineConfig } from '../../pipeline/runner.js';
import type { DataValidator } from '../validator.js';

/** The default pipeline (data/pipeline.yaml) names known stages in a valid order. */
const pipeline: DataValidator = {
  name: 'pipeline',
  validate() {
    try {
      createPipeline(defaultPipelineConfig());
      return [];
    } catch (err) {
      return [`data/pipeline.yaml: ${(err as Error).message}`];
    }
  },
};
export default pipeline;
