import type { Command } from 'commander';
import { dbOption } from '../db.js';
import { NewsgraphError } from '../../errors.js';
import { openStore } from '../../store/open.js';
import { formatChange, formatCounts } from '../../steer/facts.js';
import { recode, type RecodeReport } from '../../steer/recode.js';

const HELP = `
Re-codes the articles that the pending change of the store's user dictionaries
(<store>.newsgraph/dictionaries/actors.yaml, see \`newsgraph dictionaries\`) and corrections added since
the last recode can affect, found through the store's index (entity links by actor, full-text search
for names and aliases). --dry-run lists them and shows the facts that would change; without it the
facts of those articles are replaced in one transaction, as a new run (\`newsgraph runs list\`).

Examples:
  newsgraph dictionaries add alias RU 'the Bear' --db corpus.db
  newsgraph recode --dry-run --db corpus.db
  newsgraph recode --db corpus.db
  newsgraph recode --all --db corpus.db      # a full re-run of every article`;

/** The report of a recode as the CLI prints it. */
export function formatRecode(r: RecodeReport, dryRun: boolean): string {
  const lines: string[] = [];
  const c = r.change;
  if (c.actors.length) lines.push(`dictionary change: ${c.actors.join(', ')} (phrases: ${c.phrases.map((p) => `'${p}'`).join(', ') || '-'}; linked actors: ${c.actorKeys.join(', ') || '-'})`);
  if (r.newCorrections) lines.push(`new corrections: ${r.newCorrections}`);
  if (r.removedCorrections) lines.push(`removed corrections: ${r.removedCorrections}`);
  lines.push(`${dryRun ? 'would re-code' : 're-coded'} ${r.affected.length} article${r.affected.length === 1 ? '' : 's'}${r.affected.length ? `: ${r.affected.slice(0, 10).join(', ')}${r.affected.length > 10 ? ', …' : ''}` : ''}`);
  lines.push(`events: ${formatCounts(r.diff.events)}`);
  lines.push(`entity links: ${formatCounts(r.diff.links)}`);
  lines.push(`articles with changes: ${r.diff.articles}`);
  if (r.diff.examples.length) {
    lines.push('examples:');
    for (const e of r.diff.examples) lines.push(`  ${formatChange(e)}`);
  }
  if (r.runId) lines.push(`run ${r.runId} (data version ${r.dataVersion}) — ${r.seconds.total.toFixed(2)} s`);
  return `${lines.join('\n')}\n`;
}

export function registerRecode(program: Command, setCode: (code: number) => void): void {
  program
    .command('recode')
    .description('re-code the articles affected by dictionary edits and corrections (as a new run)')
    .addOption(dbOption('the store'))
    .option('--dry-run', 'list the affected articles and the facts that would change; write nothing')
    .option('--all', 're-code every article of the store (a full re-run)')
    .option('--article <id...>', 're-code these articles')
    .option('--examples <n>', 'example changes to show (default 10)')
    .option('--wait <seconds>', 'wait for another writer of the store')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', HELP)
    .action(async (o: { db: string; dryRun?: boolean; all?: boolean; article?: string[]; examples?: string; wait?: string; json?: boolean }) => {
      const examples = o.examples === undefined ? 10 : Number(o.examples);
      if (!Number.isInteger(examples) || examples < 0) throw new NewsgraphError('NG_USAGE', '--examples', `expected an integer ≥ 0, got '${o.examples}'`);
      const store = await openStore(o.db, { create: false });
      try {
        const r = await recode(store, { dryRun: o.dryRun, all: o.all, articles: o.article, examples, waitMs: o.wait ? Number(o.wait) * 1000 : 0 });
        process.stdout.write(o.json ? `${JSON.stringify(r)}\n` : formatRecode(r, Boolean(o.dryRun)));
        setCode(0);
      } finally {
        await store.close();
      }
    });
}
