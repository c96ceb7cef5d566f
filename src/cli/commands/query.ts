import type { Command } from 'commander';
import { dbOption } from '../db.js';
import { NewsgraphError } from '../../errors.js';
import {
  actorProfileQuery, dyadQuery, eventsQuery, incidentsQuery, neighboursQuery, parseModality, searchQuery, statsQuery,
  toCsv, toText, whyQuery, type OutputFormat, type QueryResult,
} from '../../query/index.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/types.js';

interface Common {
  db: string;
  format: string;
}

function outputFormat(f: string): OutputFormat {
  if (f === 'table' || f === 'json' || f === 'csv') return f;
  throw new NewsgraphError('NG_USAGE', '--format', `unknown output format '${f}' (use table, json or csv)`);
}

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new NewsgraphError('NG_USAGE', name, `expected a non-negative integer, got '${v}'`);
  return n;
}

function date(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new NewsgraphError('NG_USAGE', name, `expected YYYY, YYYY-MM or YYYY-MM-DD, got '${v}'`);
  return v;
}

/** `--to 2017-04` means up to the end of April: pad a partial date to the last day it covers. */
function endDate(v: string | undefined): string | undefined {
  if (!v) return v;
  return v.length === 4 ? `${v}-12-31` : v.length === 7 ? `${v}-31` : v;
}

async function run(common: Common, setCode: (c: number) => void, q: (store: Store) => Promise<QueryResult>): Promise<void> {
  const format = outputFormat(common.format);
  const store = await openStore(common.db, { readonly: true });
  try {
    const result = await q(store);
    if (format === 'json') process.stdout.write(`${JSON.stringify(result.data, null, 2)}\n`);
    else if (format === 'csv') process.stdout.write(toCsv(result.tables));
    else process.stdout.write(toText(result.tables));
    setCode(0);
  } finally {
    await store.close();
  }
}

const HELP = `
Actors are named by store id, key (Q-id, kb:<id>, TYPE:name), CAMEO code or name (exact, then prefix).
Dates are YYYY, YYYY-MM or YYYY-MM-DD. Only asserted events count unless --modality says otherwise.

Examples:
  newsgraph query actor "Vladimir Putin" --db corpus.db
  newsgraph query dyad RUSGOV SYRGOV --format csv
  newsgraph query events --root 19 --country SY --from 2017-04 --to 2017-04
  newsgraph query search "chemical weapons"
  newsgraph query why 'a1#v2'`;

export function registerQuery(program: Command, setCode: (code: number) => void): void {
  const query = program
    .command('query')
    .description('ask a store: actor profiles, dyad timelines, events, relations, full-text search, why')
    .addHelpText('after', HELP);
  const sub = (name: string, description: string) =>
    query
      .command(name)
      .description(description)
      .addOption(dbOption('the store'))
      .option('--format <format>', 'table, json or csv', 'table');

  sub('actor', 'profile of an actor: names, roles over time, top counterparts, events by QuadClass per month')
    .argument('<actor>')
    .option('--top <n>', 'counterparts to list', '10')
    .option('--from <date>').option('--to <date>')
    .action((actor: string, o: Common & { top?: string; from?: string; to?: string }) =>
      run(o, setCode, (s) => actorProfileQuery(s, actor, { top: int('--top', o.top), from: date('--from', o.from), to: endDate(date('--to', o.to)) })));

  sub('dyad', 'events from actor A to actor B by month, with Goldstein sums')
    .argument('<a>').argument('<b>')
    .option('--both', 'count both directions')
    .option('--from <date>').option('--to <date>')
    .option('--modality <list>', "'any' or a comma-separated list (default asserted)")
    .action((a: string, b: string, o: Common & { both?: boolean; from?: string; to?: string; modality?: string }) =>
      run(o, setCode, (s) => dyadQuery(s, a, b, { both: o.both, from: date('--from', o.from), to: endDate(date('--to', o.to)), modality: parseModality(o.modality) })));

  sub('events', 'events filtered by actor, code, PLOVER type, dates, place, country, modality')
    .option('--actor <actor>', 'either side').option('--source <actor>').option('--target <actor>')
    .option('--code <cameo>', 'CAMEO code prefix (19 matches 190..196)').option('--root <root>', 'CAMEO root code')
    .option('--plover <type>', 'PLOVER event type').option('--quad <n>', 'QuadClass 1-4')
    .option('--from <date>').option('--to <date>')
    .option('--place <name>').option('--country <ISO>')
    .option('--modality <list>', "'any' or a comma-separated list (default asserted)")
    .option('--limit <n>', 'most recent first', '100').option('--offset <n>')
    .action((o: Common & Record<string, string | undefined>) =>
      run(o, setCode, (s) => eventsQuery(s, {
        actor: o.actor, source: o.source, target: o.target, code: o.code, root: o.root, ploverType: o.plover,
        quadClass: int('--quad', o.quad), from: date('--from', o.from), to: endDate(date('--to', o.to)),
        place: o.place, country: o.country, modality: parseModality(o.modality), limit: int('--limit', o.limit), offset: int('--offset', o.offset),
      })));

  sub('neighbours', 'relations around an actor (depth 1 or 2)')
    .alias('neighbors')
    .argument('<actor>')
    .option('--depth <n>', '1 or 2', '1')
    .action((actor: string, o: Common & { depth: string }) => {
      const depth = Number(o.depth);
      if (depth !== 1 && depth !== 2) throw new NewsgraphError('NG_USAGE', '--depth', `expected 1 or 2, got '${o.depth}'`);
      return run(o, setCode, (s) => neighboursQuery(s, actor, depth));
    });

  sub('search', 'full-text search over articles, with highlighted snippets')
    .argument('<words...>')
    .option('--limit <n>', 'hits', '20')
    .action((words: string[], o: Common & { limit?: string }) =>
      run(o, setCode, (s) => searchQuery(s, words.join(' '), {
        limit: int('--limit', o.limit),
        highlight: o.format === 'table' && process.stdout.isTTY ? ['\x1b[1m', '\x1b[22m'] : ['«', '»'],
      })));

  sub('why', 'an event with its evidence sentence, rule and incident')
    .argument('<event>', 'event number or articleId#v1')
    .action((event: string, o: Common) => run(o, setCode, (s) => whyQuery(s, event)));

  sub('incidents', 'events of several articles clustered into incidents, most independent sources first')
    .option('--min-sources <n>', 'at least this many independent sources', '1')
    .option('--limit <n>', 'incidents', '100')
    .action((o: Common & { minSources?: string; limit?: string }) =>
      run(o, setCode, (s) => incidentsQuery(s, { minSources: int('--min-sources', o.minSources), limit: int('--limit', o.limit) })));

  sub('stats', 'counts of articles, stories, actors, events...')
    .action((o: Common) => run(o, setCode, (s) => statsQuery(s)));
}
