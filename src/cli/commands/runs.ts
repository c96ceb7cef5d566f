import type { Command } from 'commander';
import { dbOption } from '../db.js';
import { NewsgraphError } from '../../errors.js';
import { openStore } from '../../store/open.js';
import { formatChange, formatCounts } from '../../steer/facts.js';
import { runsDiff } from '../../steer/recode.js';

const HELP = `
Every ingest and recode is a run with an id, the code version and the data version (a hash of the
shipped data files and the store's user dictionaries). \`runs diff A B\` compares the facts the two
runs produced for the articles both coded: events matched by article + trigger offsets + CAMEO root
(changed code, source, target or modality count as changed), entity links by article + mention offsets.

Examples:
  newsgraph runs list --db corpus.db
  newsgraph runs diff 20260101T000000Z-ab12cd 20260102T000000Z-recode --db corpus.db`;

export function registerRuns(program: Command, setCode: (code: number) => void): void {
  const runs = program.command('runs').description('list ingest/recode runs and compare their facts').addHelpText('after', HELP);
  runs
    .command('list')
    .description('every run: id, start, end, code and data version, counts')
    .addOption(dbOption('the store'))
    .option('--json', 'print JSON')
    .action(async (o: { db: string; json?: boolean }) => {
      const store = await openStore(o.db, { readonly: true });
      try {
        const list = await store.runs();
        if (o.json) process.stdout.write(`${JSON.stringify(list)}\n`);
        else {
          for (const r of list) {
            const stats = r.stats ? Object.entries(r.stats).map(([k, v]) => `${k}=${v}`).join(' ') : '';
            process.stdout.write(`${r.id}\t${r.started}\t${r.finished ?? 'unfinished'}\tcode ${r.codeVersion}\tdata ${r.dataVersion}\t${stats}\n`);
          }
        }
        setCode(0);
      } finally {
        await store.close();
      }
    });
  runs
    .command('diff')
    .description("compare two runs' facts: agreement, added/removed/changed events and links, examples")
    .argument('<a>', 'run id (the earlier)')
    .argument('<b>', 'run id (the later)')
    .addOption(dbOption('the store'))
    .option('--examples <n>', 'example changes to show (default 10)')
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, o: { db: string; examples?: string; json?: boolean }) => {
      const examples = o.examples === undefined ? 10 : Number(o.examples);
      if (!Number.isInteger(examples) || examples < 0) throw new NewsgraphError('NG_USAGE', '--examples', `expected an integer ≥ 0, got '${o.examples}'`);
      const store = await openStore(o.db, { create: false }); // migrates a v1 store (superseded-facts table)
      try {
        const d = await runsDiff(store, a, b, examples);
        if (o.json) process.stdout.write(`${JSON.stringify(d)}\n`);
        else {
          const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
          const lines = [
            `articles coded by both: ${d.articlesCompared}; with differences: ${d.articles}`,
            `agreement: ${pct(d.agreement)} of facts; ${pct(d.articleAgreement)} of articles have identical events`,
            `events: ${formatCounts(d.events)}`,
            `entity links: ${formatCounts(d.links)}`,
            ...(d.examples.length ? ['examples:', ...d.examples.map((e) => `  ${formatChange(e)}`)] : []),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        setCode(0);
      } finally {
        await store.close();
      }
    });
}
