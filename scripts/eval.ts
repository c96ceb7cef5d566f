/**
 * `npm run eval [suite...]`: runs the evaluation suites over the shared gold sets
 * (`NEWSGRAPH_EVAL_DATA` or ../shared/eval-data) and prints a table per suite.
 * Suites live in src/eval/suites/; a suite whose data is absent prints "skipped: <why>".
 */
import { discover } from '../src/eval/discover.js';
import type { EvalSuite } from '../src/eval/suite.js';

const wanted = process.argv.slice(2);
const suites = await discover<EvalSuite>('eval/suites');
const unknown = wanted.filter((w) => !suites.some((s) => s.name === w));
if (unknown.length) {
  console.error(`newsgraph eval: unknown suite ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
for (const suite of suites) {
  if (wanted.length && !wanted.includes(suite.name)) continue;
  console.log(`\n## ${suite.name} — ${suite.description}`);
  const started = performance.now();
  const report = await suite.run();
  if ('skipped' in report) {
    console.log(`skipped: ${report.skipped}`);
    continue;
  }
  console.log(renderTable(report.table));
  for (const n of report.notes ?? []) console.log(`  ${n}`);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

function renderTable(rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
