import type { Command } from 'commander';
import { dbOption } from '../db.js';
import { NewsgraphError } from '../../errors.js';
import { EXPORT_FORMATS, exportStore, type ExportFormat } from '../../export/index.js';
import { parseModality } from '../../query/index.js';
import { openStore } from '../../store/open.js';

const HELP = `
Formats:
  gdelt    GDELT 2.0 event table: 61 tab-separated columns, no header (mapping: docs/store.md)
  plover   PLOVER event records: a JSON array, or JSON Lines when --out ends in .jsonl
  graphml  actors and their event dyads and relations as a directed graph (yEd, Cytoscape, Gephi)
  gexf     the same graph for Gephi
  geojson  located events and places as Points (QGIS)
  csv      one CSV file per table into the directory --out
Only asserted events are exported unless --modality says otherwise.

Examples:
  newsgraph export --format gdelt --out events.tsv --db corpus.db
  newsgraph export --format csv --out tables/`;

export function registerExport(program: Command, setCode: (code: number) => void): void {
  program
    .command('export')
    .description('write a store as GDELT, PLOVER, GraphML, GEXF, GeoJSON or CSV')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', '))
    .requiredOption('--out <file|dir>', 'output file (a directory for csv)')
    .addOption(dbOption('the store'))
    .option('--modality <list>', "event modalities: 'any' or a comma-separated list (default asserted)")
    .addHelpText('after', HELP)
    .action(async (o: { format: string; out: string; db: string; modality?: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) {
        throw new NewsgraphError('NG_USAGE', '--format', `unknown export format '${o.format}' (use ${EXPORT_FORMATS.join(', ')})`);
      }
      const store = await openStore(o.db, { readonly: true });
      try {
        const res = await exportStore(store, o.format as ExportFormat, o.out, { modality: parseModality(o.modality) });
        process.stdout.write(`wrote ${res.records} records to ${res.files.length === 1 ? res.files[0] : `${res.files.length} files in ${o.out}`}\n`);
        setCode(0);
      } finally {
        await store.close();
      }
    });
}
