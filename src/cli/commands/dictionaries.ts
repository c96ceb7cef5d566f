import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { NewsgraphError } from '../../errors.js';
import { importPetrarchActors, importPetrarchAgents, isAgentsDictionary } from '../../kb/petrarch.js';
import { registerDictionaryEdits } from './dictionaries-edit.js';
import { importPetrarchVerbs } from '../../events/petrarch.js';
import { verbRowsTsv } from '../../events/patterns.js';

/** What an importer returns: records to write as YAML and `file:line: problem` warnings for skipped lines. */
export interface ImportResult {
  records: unknown[];
  warnings: string[];
  /** The output text when the kind is not written as YAML (verbs: TSV in the format of data/events/verbs.tsv). */
  text?: string;
}

/** Imports one kind of PETRARCH/TABARI dictionary from its text. */
export type PetrarchImporter = (text: string, file: string, strict: boolean) => ImportResult;

/**
 * PETRARCH dictionary importers by kind. `actors` and `agents` are read here; other kinds (verbs)
 * are added by one entry. The kind is given with `--kind` or detected from the file.
 */
export const PETRARCH_IMPORTERS: Record<string, PetrarchImporter> = {
  actors(text, file, strict) {
    const warnings: string[] = [];
    const records = importPetrarchActors(text, file, { strict, warnings }).map(({ origin: _origin, ...r }) => r);
    return { records, warnings };
  },
  agents(text, file, strict) {
    const warnings: string[] = [];
    const records = importPetrarchAgents(text, file, { strict, warnings }).map(({ origin: _origin, ...r }) => r);
    return { records, warnings };
  },
  verbs(text, file) {
    const records = importPetrarchVerbs(text, file);
    return { records, warnings: [], text: verbRowsTsv(records, file) };
  },
};

/** Guesses the kind of a PETRARCH dictionary from its file name and content. */
export function detectPetrarchKind(text: string, file: string): string {
  const byName = /\.(actors|agents|verbs|verbpatterns)\b/i.exec(file)?.[1]?.toLowerCase();
  if (byName && PETRARCH_IMPORTERS[byName === 'verbpatterns' ? 'verbs' : byName]) return byName === 'verbpatterns' ? 'verbs' : byName;
  return isAgentsDictionary(text) ? 'agents' : 'actors';
}

export function registerDictionaries(program: Command, setCode: (code: number) => void): void {
  const dict = program.command('dictionaries').description('import and inspect actor and event dictionaries');
  registerDictionaryEdits(dict, setCode);
  dict
    .command('import')
    .description('convert a PETRARCH/TABARI dictionary (actors, agents) to newsgraph YAML')
    .argument('<format>', 'dictionary format: petrarch')
    .argument('<file>', 'dictionary file')
    .option('--out <file>', 'write here instead of stdout (YAML; JSON when the name ends in .json, faster to load)')
    .option('--kind <kind>', `dictionary kind (${Object.keys(PETRARCH_IMPORTERS).join(', ')}); detected when omitted`)
    .option('--strict', 'fail on the first malformed line instead of skipping it')
    .action((format: string, file: string, opts: { out?: string; kind?: string; strict?: boolean }) => {
      if (format !== 'petrarch') throw new NewsgraphError('NG_USAGE', format, "unknown dictionary format (known: petrarch)");
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new NewsgraphError('NG_INPUT_MISSING', file);
      }
      const kind = opts.kind ?? detectPetrarchKind(text, file);
      const importer = PETRARCH_IMPORTERS[kind];
      if (!importer) throw new NewsgraphError('NG_USAGE', `--kind ${kind}`, `unknown kind (known: ${Object.keys(PETRARCH_IMPORTERS).join(', ')})`);
      const { records, warnings, text: out } = importer(text, file, Boolean(opts.strict));
      for (const w of warnings) process.stderr.write(`newsgraph: warning: ${w} (line skipped)\n`);
      // JSON for a .json output (loads much faster for big dictionaries), YAML otherwise
      const body = out ?? (opts.out?.endsWith('.json')
        ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`
        : `# Imported from ${file} (PETRARCH ${kind}) by newsgraph dictionaries import\n${stringify(records, { lineWidth: 0 })}`);
      if (opts.out) writeFileSync(opts.out, body);
      else process.stdout.write(body);
      process.stderr.write(`newsgraph: ${records.length} ${kind} records${opts.out ? ` written to ${opts.out}` : ''}; ${warnings.length} line(s) skipped\n`);
      setCode(0);
    });
}
