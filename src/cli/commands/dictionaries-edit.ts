import type { Command } from 'commander';
import { dbOption } from '../db.js';
import { NewsgraphError } from '../../errors.js';
import { ACTOR_TYPES, ROLE_KINDS, type KbActor, type KbRole } from '../../kb/types.js';
import { editDictionary, listDictionary, type DictionaryEdit } from '../../steer/dictionaries.js';

const HELP = `
User dictionaries live beside the store (corpus.db → corpus.newsgraph/dictionaries/actors.yaml, the
format of data/actors/*.yaml; records replace shipped actors by id) and are used by every ingest and
recode of the store. Each edit is validated with the knowledge-base schema first: an edit that would
make the dictionary invalid is refused with the reason and the file is left untouched. Edits are
pending until \`newsgraph recode\` (see --dry-run) re-codes the articles they affect.

Examples:
  newsgraph dictionaries add alias vladimir-putin 'the Kremlin chief' --db corpus.db
  newsgraph dictionaries add role sergey-lavrov --title 'Foreign Minister' --kind foreign_minister --org RU --from 2004-03-09 --db corpus.db
  newsgraph dictionaries add actor wagner-group --name 'Wagner Group' --type ORG --cameo RUSMIL --country RU --db corpus.db
  newsgraph dictionaries edit wagner-group --cameo RUSUAF --db corpus.db
  newsgraph dictionaries remove alias vladimir-putin 'the Kremlin chief' --db corpus.db
  newsgraph dictionaries list --db corpus.db`;


function run(db: string, edit: DictionaryEdit, setCode: (c: number) => void): void {
  const r = editDictionary(db, edit);
  process.stdout.write(`${r.message} in ${r.file}; pending: \`newsgraph recode --dry-run --db ${db}\` shows what it changes\n`);
  setCode(0);
}

function oneOf<T extends string>(name: string, v: string | undefined, list: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!list.includes(v as T)) throw new NewsgraphError('NG_USAGE', name, `'${v}' is not one of ${list.join(', ')}`);
  return v as T;
}

/** Adds `add`, `edit`, `remove` and `list` to the `dictionaries` command (user dictionaries of a store). */
export function registerDictionaryEdits(dict: Command, setCode: (code: number) => void): void {
  dict.addHelpText('after', HELP);
  const add = dict.command('add').description("add an actor, an alias or a role to a store's user dictionary");
  add
    .command('alias')
    .argument('<actor>', 'actor id (shipped or user)')
    .argument('<alias>', 'the new name')
    .addOption(dbOption('the store whose dictionaries to edit'))
    .action((id: string, alias: string, o: { db: string }) => run(o.db, { op: 'add-alias', id, alias }, setCode));
  add
    .command('role')
    .argument('<actor>', 'actor id')
    .requiredOption('--title <title>', "title as written in news ('Foreign Minister')")
    .requiredOption('--kind <kind>', ROLE_KINDS.join(', '))
    .requiredOption('--org <org>', 'ISO alpha-2 country or an actor id')
    .option('--from <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--to <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--cameo <code>', 'CAMEO code while holding the role')
    .addOption(dbOption('the store whose dictionaries to edit'))
    .action((id: string, o: { db: string; title: string; kind: string; org: string; from?: string; to?: string; cameo?: string }) => {
      const role = { title: o.title, kind: o.kind, org: o.org, from: o.from ?? null, to: o.to ?? null, ...(o.cameo ? { cameo: o.cameo } : {}) } as KbRole;
      run(o.db, { op: 'add-role', id, role }, setCode);
    });
  add
    .command('actor')
    .argument('<id>', 'new actor id (kebab-case)')
    .requiredOption('--name <name>', 'canonical name')
    .requiredOption('--type <type>', ACTOR_TYPES.join(', '))
    .option('--qid <qid>', 'Wikidata Q-id')
    .option('--cameo <code>', 'CAMEO actor code')
    .option('--country <cc>', 'ISO 3166 alpha-2')
    .option('--alias <alias...>', 'other names')
    .addOption(dbOption('the store whose dictionaries to edit'))
    .action((id: string, o: { db: string; name: string; type: string; qid?: string; cameo?: string; country?: string; alias?: string[] }) => {
      const actor = { id, name: o.name, type: o.type, qid: o.qid, cameo: o.cameo, country: o.country, aliases: o.alias } as KbActor;
      run(o.db, { op: 'add-actor', actor }, setCode);
    });
  dict
    .command('edit')
    .description("change fields of an actor in a store's user dictionary (copies a shipped record first)")
    .argument('<actor>', 'actor id')
    .option('--name <name>')
    .option('--type <type>', ACTOR_TYPES.join(', '))
    .option('--qid <qid>')
    .option('--cameo <code>')
    .option('--country <cc>')
    .option('--gender <g>', 'm or f')
    .option('--kind <kind>', 'organisation kind')
    .addOption(dbOption('the store whose dictionaries to edit'))
    .action((id: string, o: { db: string; name?: string; type?: string; qid?: string; cameo?: string; country?: string; gender?: string; kind?: string }) => {
      const fields = {
        name: o.name, type: oneOf('--type', o.type, ACTOR_TYPES), qid: o.qid, cameo: o.cameo, country: o.country,
        gender: oneOf('--gender', o.gender, ['m', 'f'] as const), kind: o.kind,
      };
      if (Object.values(fields).every((v) => v === undefined)) throw new NewsgraphError('NG_USAGE', id, 'nothing to change: give --name, --type, --qid, --cameo, --country, --gender or --kind');
      run(o.db, { op: 'set', id, fields }, setCode);
    });
  const remove = dict.command('remove').description("remove an alias, or an actor record, from a store's user dictionary");
  remove
    .command('alias')
    .argument('<actor>', 'actor id')
    .argument('<alias>', 'the name to remove')
    .addOption(dbOption('the store whose dictionaries to edit'))
    .action((id: string, alias: string, o: { db: string }) => run(o.db, { op: 'remove-alias', id, alias }, setCode));
  remove
    .command('actor')
    .argument('<actor>', 'actor id (a shipped actor then applies again)')
    .addOption(dbOption('the store whose dictionaries to edit'))
    .action((id: string, o: { db: string }) => run(o.db, { op: 'remove-actor', id }, setCode));
  dict
    .command('list')
    .description("the store's user dictionary and whether a change is pending")
    .addOption(dbOption('the store whose dictionaries to edit'))
    .option('--json', 'print JSON')
    .action((o: { db: string; json?: boolean }) => {
      const l = listDictionary(o.db);
      if (o.json) process.stdout.write(`${JSON.stringify(l)}\n`);
      else {
        process.stdout.write(`${l.file ?? 'no user dictionary'}${l.pending ? ' (changed since the last recode: run `newsgraph recode`)' : ''}\n`);
        for (const a of l.actors) {
          process.stdout.write(`  ${a.id}\t${a.name}\t${a.type}\t${a.cameo ?? ''}\taliases: ${(a.aliases ?? []).join(', ') || '-'}\troles: ${(a.roles ?? []).length}\n`);
        }
      }
      setCode(0);
    });
}
