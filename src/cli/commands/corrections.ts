import type { Command } from 'commander';
import { dbOption } from '../db.js';
import type { Modality } from '../../contract.js';
import { NewsgraphError } from '../../errors.js';
import { openStore } from '../../store/open.js';
import type { Correction } from '../../store/types.js';
import { correctEvent, correctMerge, correctPlace, correctSplit, removeCorrection, steerable, suggestEntries } from '../../steer/corrections.js';

const HELP = `
Corrections are stored in the store (apart from the machine's facts) and applied on top of every
later \`recode\` and \`ingest\`; corrected facts show \`corrected: true\`. An event is found again in a
new run by its article, trigger offsets and CAMEO root. Run \`newsgraph recode\` to apply new ones.

Examples:
  newsgraph corrections add event 'reuters-12#v1' --wrong --db corpus.db
  newsgraph corrections add event 1234 --target RUSGOV --code 111 --modality reported --db corpus.db
  newsgraph corrections add merge 'ORG:kremlin' RU-gov --db corpus.db
  newsgraph corrections add split Q7747 --surface 'Putin Jr' --db corpus.db
  newsgraph corrections add place Tripoli --lat 32.8872 --lon 13.1913 --country LY --db corpus.db
  newsgraph corrections suggest --db corpus.db`;

function describe(c: Correction): string {
  return `#${c.id} ${c.kind} ${c.article ? `${c.article} ` : ''}${c.target} ${JSON.stringify(c.change)}`;
}

function num(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new NewsgraphError('NG_USAGE', name, `expected a number, got '${v}'`);
  return n;
}

/** Opens the store, runs `fn`, prints its line, closes. */
async function withStore(db: string, fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<string>): Promise<void> {
  const store = await openStore(db, { create: false });
  try {
    process.stdout.write(`${await fn(store)}\n`);
  } finally {
    await store.close();
  }
}

const added = (c: Correction) => `added correction ${describe(c)}; apply with \`newsgraph recode\``;

export function registerCorrections(program: Command, setCode: (code: number) => void): void {
  const corr = program.command('corrections').description('correct machine facts; corrections survive every re-run').addHelpText('after', HELP);
  const add = corr.command('add').description('add a correction (event, merge, split, place)');
  add
    .command('event')
    .description('mark an event wrong, or change its source, target, code or modality')
    .argument('<id>', 'event id (number) or articleId#v1')
    .addOption(dbOption('the store'))
    .option('--wrong', 'the event is not in the text: drop it')
    .option('--source <actor>', "entity of the article or KB actor (id, Q-id, CAMEO code); '-' for none")
    .option('--target <actor>', "entity of the article or KB actor (id, Q-id, CAMEO code); '-' for none")
    .option('--code <cameo>', 'CAMEO event code')
    .option('--modality <m>', 'asserted, negated, hypothetical, future, reported, denied')
    .action(async (id: string, o: { db: string; wrong?: boolean; source?: string; target?: string; code?: string; modality?: string }) => {
      if (!o.wrong && !o.source && !o.target && !o.code && !o.modality) {
        throw new NewsgraphError('NG_USAGE', id, 'say what is wrong: --wrong, or one of --source, --target, --code, --modality');
      }
      await withStore(o.db, async (s) => added(await correctEvent(s, id, o.wrong ? { wrong: true } : {
        ...(o.source ? { source: o.source } : {}), ...(o.target ? { target: o.target } : {}), ...(o.code ? { code: o.code } : {}),
        ...(o.modality ? { modality: o.modality as Modality } : {}),
      })));
      setCode(0);
    });
  add
    .command('merge')
    .description('merge a stored actor into a KB actor everywhere (e.g. an unlinked name into its actor)')
    .argument('<from>', 'stored actor: id, key, KB id or name')
    .argument('<into>', 'KB actor id, Q-id or CAMEO code')
    .addOption(dbOption('the store'))
    .action(async (from: string, into: string, o: { db: string }) => {
      await withStore(o.db, async (s) => added(await correctMerge(s, from, into)));
      setCode(0);
    });
  add
    .command('split')
    .description("split the mentions reading --surface off a stored actor (linked to --into, or unlinked)")
    .argument('<actor>', 'stored actor: id, key, KB id or name')
    .requiredOption('--surface <text>', 'mention text to split off')
    .option('--into <actor>', 'KB actor id, Q-id or CAMEO code for the split-off mentions')
    .addOption(dbOption('the store'))
    .action(async (actor: string, o: { db: string; surface: string; into?: string }) => {
      await withStore(o.db, async (s) => added(await correctSplit(s, actor, o.surface, o.into)));
      setCode(0);
    });
  add
    .command('place')
    .description("fix a place's coordinates wherever it is resolved")
    .argument('<place>', 'place name or geoname id')
    .requiredOption('--lat <deg>', 'latitude')
    .requiredOption('--lon <deg>', 'longitude')
    .option('--country <cc>', 'ISO 3166 alpha-2 country')
    .addOption(dbOption('the store'))
    .action(async (place: string, o: { db: string; lat: string; lon: string; country?: string }) => {
      await withStore(o.db, async (s) => added(await correctPlace(s, place, num('--lat', o.lat), num('--lon', o.lon), o.country)));
      setCode(0);
    });
  corr
    .command('list')
    .description('every correction')
    .addOption(dbOption('the store'))
    .option('--json', 'print JSON')
    .action(async (o: { db: string; json?: boolean }) => {
      await withStore(o.db, async (s) => {
        const list = await steerable(s).corrections();
        return o.json ? JSON.stringify(list) : list.map(describe).join('\n') || 'no corrections';
      });
      setCode(0);
    });
  corr
    .command('remove')
    .description("delete a correction (the next recode restores the machine's fact)")
    .argument('<id>', 'correction id')
    .addOption(dbOption('the store'))
    .action(async (id: string, o: { db: string }) => {
      await withStore(o.db, async (s) => {
        const c = await removeCorrection(s, num('<id>', id));
        return `removed correction ${describe(c)}; \`newsgraph recode\` restores the machine's facts`;
      });
      setCode(0);
    });
  corr
    .command('suggest')
    .description('dictionary entries suggested by repeated corrections')
    .addOption(dbOption('the store'))
    .option('--json', 'print JSON')
    .action(async (o: { db: string; json?: boolean }) => {
      await withStore(o.db, async (s) => {
        const list = await suggestEntries(s);
        if (o.json) return JSON.stringify(list);
        if (!list.length) return 'no suggestions (correct event sources/targets or merge entities first)';
        return list.map((x) => `you corrected '${x.surface}' → ${x.cameo ?? x.actor} (${x.actor}) ${x.count} time${x.count === 1 ? '' : 's'}\n  ${x.command}`).join('\n');
      });
      setCode(0);
    });
}
