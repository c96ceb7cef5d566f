import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { analyze, type ArticleInput } from '../../analyze.js';
import type { Analysis } from '../../contract.js';
import { NewsgraphError } from '../../errors.js';
import { DEFAULT_MAX_BYTES, parseBytes, readSource, type InputFormat } from '../../input/index.js';
import { isoDate } from '../../input/date.js';
import { SUPPORTED_LANGUAGES } from '../../language/index.js';
import type { AnalysisOptions } from '../../pipeline/stage.js';
import { formatReport } from '../report.js';

/** Exit codes of `newsgraph analyze`. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, unsupportedLanguage: 3 } as const;

interface AnalyzeFlags {
  json?: boolean;
  jsonl?: boolean;
  date?: string;
  maxBytes?: string;
  timeout?: string;
  format?: string;
  actors?: string[];
  verbs?: string[];
  tokens?: boolean;
}

const HELP = `
Input formats: the plain-text seed format (line 1 an id such as 1.2011006-4012467280, then the
text), plain text, HTML (main text via Readability; metadata from meta tags and JSON-LD), JSON
(a record or an array of records) and JSONL (one record a line). A record is
{"id","url","title","date","text"|"html"}. Files ending in .gz are decompressed.

Exit codes:
  0  analysed
  1  bad input (missing, empty, binary, too large, undecodable, no article, malformed
     record); with several records the rest are still analysed, one error line each
  2  usage error (bad option)
  3  the text's language is not supported: only the document structure was analysed;
     the output is still printed and a one-line message names the input and language

Examples:
  newsgraph analyze samples/putin-assad-column.txt
  newsgraph analyze --json https://example.com/story.html
  cat articles.jsonl | newsgraph analyze --jsonl - > analyses.jsonl`;

export function registerAnalyze(program: Command, setCode: (code: number) => void): void {
  program
    .command('analyze')
    .description('analyse an article (file, http(s) URL, or - for stdin) and print what newsgraph found')
    .argument('<input>', 'article file, http(s) URL, or - for stdin')
    .option('--json', 'print the analysis contract (newsgraph.analysis/1) as JSON')
    .option('--jsonl', 'read JSONL records (one per line) and write one analysis JSON per line, in input order')
    .option('--date <YYYY-MM-DD>', 'override the document date (dateSource "argument")')
    .option('--max-bytes <n>', `refuse inputs larger than n bytes (default ${DEFAULT_MAX_BYTES}, i.e. 20 MB)`)
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds (default 15000)')
    .option('--format <format>', 'input format: auto, text, html, json, jsonl (default auto)')
    .option('--actors <file...>', 'extra actor dictionary files (YAML/JSON/TSV in the format of data/actors)')
    .option('--verbs <file...>', 'extra verb pattern files (TSV in the format of data/events/verbs.tsv, e.g. from dictionaries import petrarch)')
    .option('--tokens', 'include the token layer in the JSON output')
    .addHelpText('after', HELP)
    .action(async (input: string, flags: AnalyzeFlags) => {
      setCode(await runAnalyze(input, flags, process.stdout));
    });
}

/**
 * Runs `newsgraph analyze` and returns its exit code; errors about the input are one line on
 * stderr (`newsgraph: <input>: <problem>`); option mistakes are one line too, with exit code 2.
 */
export async function runAnalyze(input: string, flags: AnalyzeFlags, out: NodeJS.WritableStream): Promise<number> {
  let options: AnalysisOptions;
  let maxBytes: number;
  let timeoutMs: number | undefined;
  let format: InputFormat;
  try {
    options = analysisOptions(flags);
    maxBytes = positiveInt(flags.maxBytes, '--max-bytes') ?? DEFAULT_MAX_BYTES;
    timeoutMs = positiveInt(flags.timeout, '--timeout');
    format = inputFormat(flags.format);
  } catch (err) {
    if (!(err instanceof NewsgraphError)) throw err;
    process.stderr.write(`newsgraph: ${err.message}\n`);
    return EXIT.usage;
  }
  let code: number = EXIT.ok;
  const fail = (err: NewsgraphError) => {
    process.stderr.write(`newsgraph: ${err.message}\n`);
    code = Math.max(code, EXIT.badInput);
  };
  const emit = (record: ArticleInput, many: boolean) => {
    if (record.error) return fail(record.error);
    let analysis: Analysis;
    try {
      analysis = analyze(record, options);
    } catch (err) {
      if (err instanceof NewsgraphError) return fail(err);
      throw err;
    }
    const lang = analysis.document.language;
    if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(lang)) {
      const name = record.line ? `${record.source ?? input}:${record.line}` : record.source ?? input;
      process.stderr.write(`newsgraph: ${name}: language '${lang}' is not supported; only the document structure was analysed\n`);
      code = Math.max(code, EXIT.unsupportedLanguage);
    }
    if (flags.jsonl || (flags.json && many)) out.write(`${JSON.stringify(analysis)}\n`);
    else if (flags.json) out.write(`${JSON.stringify(analysis, null, 2)}\n`);
    else out.write(`${many ? '\n' : ''}${formatReport(analysis, Boolean((out as { isTTY?: boolean }).isTTY))}`);
  };

  try {
    if (flags.jsonl && input === '-') {
      // Stream: one record in, one analysis out, so memory stays flat on long inputs.
      let n = 0;
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        n++;
        if (!line.trim()) continue;
        const name = `stdin:${n}`;
        if (Buffer.byteLength(line) > maxBytes) {
          fail(new NewsgraphError('NG_INPUT_TOO_LARGE', name, `record over the ${maxBytes}-byte cap (raise it with --max-bytes)`));
          continue;
        }
        let records: ArticleInput[];
        try {
          records = parseBytes(Buffer.from(line), name, { format: 'json' });
        } catch (err) {
          if (!(err instanceof NewsgraphError)) throw err;
          fail(err.code === 'NG_INPUT_JSON' ? new NewsgraphError('NG_INPUT_JSON', name, `malformed JSON on line ${n}`) : err);
          continue;
        }
        for (const r of records) emit(r.error ? r : { ...r, source: r.url ?? 'stdin', line: n }, true);
      }
      return code;
    }
    const records = await readSource(input, { maxBytes, timeoutMs, format: flags.jsonl ? 'jsonl' : format });
    for (const r of records) emit(r, records.length > 1 || Boolean(flags.jsonl));
  } catch (err) {
    if (err instanceof NewsgraphError) fail(err);
    else throw err;
  }
  return code;
}

function analysisOptions(flags: AnalyzeFlags): AnalysisOptions {
  const options: AnalysisOptions = {};
  if (flags.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.date) || isoDate(flags.date) !== flags.date) {
      throw new NewsgraphError('NG_INPUT_DATE', '--date', `'${flags.date}' is not a valid date (expected YYYY-MM-DD)`);
    }
    options.date = flags.date;
  }
  if (flags.actors?.length) options.actorFiles = flags.actors;
  if (flags.verbs?.length) options.verbFiles = flags.verbs;
  if (flags.tokens) options.includeTokens = true;
  return options;
}

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new NewsgraphError('NG_USAGE', option, `'${value}' is not a positive whole number`);
  return n;
}

function inputFormat(value: string | undefined): InputFormat {
  const formats: InputFormat[] = ['auto', 'text', 'html', 'json', 'jsonl'];
  if (value === undefined) return 'auto';
  if (!(formats as string[]).includes(value)) throw new NewsgraphError('NG_USAGE', '--format', `'${value}' is not one of ${formats.join(', ')}`);
  return value as InputFormat;
}
