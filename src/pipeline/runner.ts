import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Doc, LayerName } from '../document/doc.js';
import { NewsgraphError } from '../errors.js';
import { dataPath } from '../paths.js';
import type { AnalysisOptions, Stage } from './stage.js';
import { STAGES } from './registry.js';

/** A pipeline step as configured: a stage name and its options. */
export interface StageConfig {
  stage: string;
  options?: Record<string, unknown>;
}

/** A configured, validated and frozen pipeline. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  readonly options: readonly Record<string, unknown>[];
  /** Runs every stage on `doc`; when `timings` is given, adds each stage's milliseconds to it (benchmarks). */
  run(doc: Doc, analysis?: AnalysisOptions, timings?: Map<string, number>): Doc;
}

/** Loads the default pipeline, which is data: `data/pipeline.yaml`. */
export function defaultPipelineConfig(): StageConfig[] {
  const file = dataPath('pipeline.yaml');
  const parsed = parseYaml(readFileSync(file, 'utf8')) as { stages?: unknown };
  if (!Array.isArray(parsed?.stages)) throw new NewsgraphError('NG_PIPELINE', file, "expected a 'stages' list");
  return parsed.stages.map((s: unknown) =>
    typeof s === 'string' ? { stage: s } : (s as StageConfig),
  );
}

/**
 * Builds a pipeline from configuration and checks it: every stage exists, and every layer a stage
 * `requires` is assigned by an earlier stage. Throws `NG_PIPELINE` naming the missing piece.
 *
 * @example
 *   const pipeline = createPipeline(defaultPipelineConfig());
 *   pipeline.run(doc);
 */
export function createPipeline(config: StageConfig[] = defaultPipelineConfig()): Pipeline {
  const stages: Stage[] = [];
  const assigned = new Set<LayerName>();
  for (const step of config) {
    const factory = STAGES[step.stage];
    if (!factory) {
      throw new NewsgraphError('NG_PIPELINE', step.stage, `unknown stage; known stages: ${Object.keys(STAGES).join(', ')}`);
    }
    const stage = factory(step.options ?? {});
    for (const need of stage.requires) {
      if (!assigned.has(need)) {
        throw new NewsgraphError('NG_PIPELINE', stage.name, `requires layer '${need}', which no earlier stage assigns`);
      }
    }
    for (const layer of stage.assigns) assigned.add(layer);
    stages.push(stage);
  }
  const options = config.map((c) => Object.freeze({ ...(c.options ?? {}) }));
  return Object.freeze({
    stages: Object.freeze(stages),
    options: Object.freeze(options),
    run(doc: Doc, analysis: AnalysisOptions = {}, timings?: Map<string, number>): Doc {
      stages.forEach((stage, i) => {
        const lang = doc.info.language;
        if (stage.languages && !stage.languages.includes(lang)) {
          for (const layer of stage.assigns) if (!doc.has(layer)) doc.set(layer, emptyLayer(layer));
          return;
        }
        doc.currentStage = stage.name;
        const started = timings ? performance.now() : 0;
        stage.run(doc, { options: options[i]!, analysis });
        if (timings) timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - started);
        for (const layer of stage.assigns) {
          if (!doc.has(layer)) throw new Error(`stage '${stage.name}' declares '${layer}' but did not assign it`);
        }
      });
      doc.currentStage = undefined;
      return doc;
    },
  });
}

/** The value a skipped stage leaves for the layers it would have assigned. */
function emptyLayer(layer: LayerName): never {
  return (layer === 'tone' ? null : []) as never;
}
