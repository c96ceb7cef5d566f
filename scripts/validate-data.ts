/**
 * `npm run validate-data`: checks every reviewable data file under data/ (actors, gazetteer aliases,
 * CAMEO/PLOVER tables, lexicons, patterns). Validators live in src/validate/checks/.
 * Exits non-zero listing `file:line: problem` for each problem.
 */
import { discover } from '../src/eval/discover.js';
import type { DataValidator } from '../src/validate/validator.js';

const validators = await discover<DataValidator>('validate/checks');
let problems = 0;
for (const v of validators) {
  const found = await v.validate();
  problems += found.length;
  for (const p of found.slice(0, 50)) console.error(`${v.name}: ${p}`);
  if (found.length > 50) console.error(`${v.name}: ... and ${found.length - 50} more`);
  console.log(`validate ${v.name}: ${found.length ? `${found.length} problem(s)` : 'ok'}`);
}
process.exit(problems ? 1 : 0);
