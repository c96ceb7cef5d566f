import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { analyze } from '../../analyze.js';
import { formatReport } from '../report.js';

export function registerAnalyze(program: Command, setCode: (code: number) => void): void {
  program
    .command('analyze')
    .description('analyse one article (file, URL or - for stdin) and print what newsgraph found')
    .argument('<input>', 'article file, URL, or - for stdin')
    .option('--json', 'print the analysis contract as JSON')
    .option('--date <YYYY-MM-DD>', 'override the document date')
    .action((input: string, opts: { json?: boolean; date?: string }) => {
      const text = readFileSync(input === '-' ? 0 : input, 'utf8');
      const analysis = analyze({ text, source: input }, { date: opts.date });
      process.stdout.write(opts.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatReport(analysis, process.stdout.isTTY));
      setCode(0);
    });
}
