import { CuesSchema, GenreSchema, loadStructureFile } from '../../structure/data.js';
import type { DataValidator } from '../validator.js';

/** data/structure/*.yaml: the structure stage's cue lists and genre rules have the expected shape. */
const structure: DataValidator = {
  name: 'structure',
  validate() {
    const problems: string[] = [];
    for (const [file, schema] of [['cues.yaml', CuesSchema], ['genre.yaml', GenreSchema]] as const) {
      try {
        loadStructureFile(file, schema as never);
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
    return problems;
  },
};
export default structure;
