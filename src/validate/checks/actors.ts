import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkKb } from '../../kb/check.js';
import { parseKbFile, type KbProblem } from '../../kb/parse.js';
import { checkLexicon } from '../../actors/lexicon.js';
import { dataPath } from '../../paths.js';
import type { LoadedActor } from '../../kb/types.js';
import type { DataValidator } from '../validator.js';

/**
 * Every `data/actors/*.yaml` record matches the actor schema; ids are unique across files; country
 * codes, role dates and role organisations are consistent; the actors lexicon is well formed.
 */
const actors: DataValidator = {
  name: 'actors',
  validate() {
    const dir = dataPath('actors');
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
    const all: LoadedActor[] = [];
    const problems: KbProblem[] = [];
    for (const f of files) {
      const parsed = parseKbFile(join(dir, f), `data/actors/${f}`);
      all.push(...parsed.actors);
      problems.push(...parsed.problems);
    }
    problems.push(...checkKb(all));
    const out = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    out.push(...checkLexicon());
    return out;
  },
};
export default actors;
