/**
 * `npm run bench [name] [args]`: runs benchmarks from src/bench/ (all of those marked default when no name is given).
 * Benchmarks report ratios against a baseline measured in the same process, since absolute
 * times on shared machines are noise.
 */
import { discover } from '../src/eval/discover.js';
import type { Benchmark } from '../src/bench/bench.js';

const [name, ...args] = process.argv.slice(2);
const all = await discover<Benchmark>('bench/suites');
const chosen = name ? all.filter((b) => b.name === name) : all.filter((b) => b.name === 'analyze');
if (!chosen.length) {
  console.error(`newsgraph bench: unknown benchmark '${name}'; known: ${all.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
for (const b of chosen) {
  console.log(`\n## bench ${b.name} — ${b.description}`);
  await b.run(args);
}
