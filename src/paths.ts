import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module holding package.json (works from src/ and dist/src/). */
export const PACKAGE_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('newsgraph: cannot find package root');
    dir = up;
  }
  return dir;
})();

/** Absolute path of a file under `data/`. */
export function dataPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'data', ...parts);
}

/** Where the shared evaluation data lives (`NEWSGRAPH_EVAL_DATA` or ../shared/eval-data). */
export function evalDataPath(...parts: string[]): string {
  const base = process.env.NEWSGRAPH_EVAL_DATA ?? join(PACKAGE_ROOT, '..', 'shared', 'eval-data');
  return join(base, ...parts);
}
