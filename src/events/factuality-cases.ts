import type { Modality } from '../contract.js';
import { tokenize } from '../nlp/index.js';
import { dataPath } from '../paths.js';
import { factualityOf } from './factuality.js';
import { readTsv } from './tables.js';

/** One row of `data/factuality/cases.tsv` with the outcome of the classifier. */
export interface FactualityResult {
  line: number;
  sentence: string;
  trigger: string;
  expected: Modality;
  got: Modality;
  cue: string | null;
}

/**
 * Runs the factuality classifier on the test table (`data/factuality/cases.tsv`): each sentence marks its
 * trigger as `[[word]]`; the result pairs the expected modality with the classifier's.
 *
 * @example
 *   runFactualityCases().filter((r) => r.got !== r.expected); // the failures
 */
export function runFactualityCases(file = dataPath('factuality', 'cases.tsv')): FactualityResult[] {
  return readTsv(file).map((r) => {
    const [expected, marked] = r.cells as [Modality, string];
    const at = marked.indexOf('[[');
    const sentence = marked.replace('[[', '').replace(']]', '');
    const { tokens: t } = tokenize(sentence);
    const trig = t.at(at);
    const view = { word: (i: number) => t.normal(i).replace(/[’‘]/g, "'") };
    const f = factualityOf(view, 0, trig);
    return { line: r.line, sentence, trigger: t.text(trig), expected, got: f.modality, cue: f.cue };
  });
}
