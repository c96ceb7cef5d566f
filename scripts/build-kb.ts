/**
 * Run by `npm run build` after tsc: compiles the shipped actor knowledge base (`data/actors/*.yaml`,
 * ~6 s to parse) into `dist/kb-cache.json`, so that a user's first analysis reads the compiled
 * cache (~0.2 s) instead. Does nothing when the cache is already current.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { shippedActors } from '../src/kb/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const t0 = performance.now();
const actors = shippedActors();
const file = join(PACKAGE_ROOT, 'dist', 'kb-cache.json');
if (!existsSync(file)) {
  console.error(`build-kb: could not write ${file}`);
  process.exit(1);
}
console.log(`build-kb: ${actors.length} actors → dist/kb-cache.json (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
