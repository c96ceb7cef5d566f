import { geoCues } from '../../geo/cues.js';
import { foldName, gazetteer, readTsv } from '../../geo/gazetteer.js';
import type { DataValidator } from '../validator.js';

const FEATURE_CODES = new Set(['BLDG', 'AIRP', 'CONT', 'RGN', 'PEN', 'SEA', 'GULF', 'STRT', 'TERR', 'ISL', 'VAL', 'DSRT', 'MTS', 'LK', 'STM', 'OCN', 'PCLH']);

/**
 * data/geo/*: every row has a real coordinate (finite, in range), a known ISO country, a known
 * feature code, a well-formed admin1 code when it has one; every alias reaches a gazetteer entry; cues.yaml has its lists.
 */
const geo: DataValidator = {
  name: 'geo',
  validate() {
    const problems: string[] = [];
    const point = (file: string, line: number, lat: string | undefined, lon: string | undefined): void => {
      const la = Number(lat);
      const lo = Number(lon);
      if (!lat || !lon || !Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
        problems.push(`data/geo/${file}:${line}: bad coordinate '${lat}', '${lon}'`);
      }
    };
    try {
      const isos = new Set<string>();
      for (const { line, cells } of readTsv('countries.tsv')) {
        const [iso2, name, lat, lon] = cells;
        if (!/^[A-Z]{2}$/.test(iso2 ?? '')) problems.push(`data/geo/countries.tsv:${line}: bad ISO code '${iso2}'`);
        if (isos.has(iso2!)) problems.push(`data/geo/countries.tsv:${line}: duplicate ISO code '${iso2}'`);
        if (!name) problems.push(`data/geo/countries.tsv:${line}: missing name`);
        isos.add(iso2!);
        point('countries.tsv', line, lat, lon);
      }
      const known = (iso: string | undefined): boolean => !!iso && isos.has(iso);
      for (const { line, cells } of readTsv('admin1.tsv')) {
        if (!cells[0]) problems.push(`data/geo/admin1.tsv:${line}: missing name`);
        if (!known(cells[1])) problems.push(`data/geo/admin1.tsv:${line}: unknown country '${cells[1]}'`);
        point('admin1.tsv', line, cells[2], cells[3]);
        if (cells[6] && !/^[A-Z0-9]{1,3}$/.test(cells[6])) problems.push(`data/geo/admin1.tsv:${line}: bad admin1 code '${cells[6]}'`);
      }
      for (const { line, cells } of readTsv('admin2.tsv')) {
        if (!cells[0]) problems.push(`data/geo/admin2.tsv:${line}: missing name`);
        if (!known(cells[1])) problems.push(`data/geo/admin2.tsv:${line}: unknown country '${cells[1]}'`);
        point('admin2.tsv', line, cells[2], cells[3]);
      }
      for (const { line, cells } of readTsv('regions.tsv')) {
        if (!FEATURE_CODES.has(cells[1] ?? '')) problems.push(`data/geo/regions.tsv:${line}: unknown feature code '${cells[1]}'`);
        if (cells[2] && !known(cells[2])) problems.push(`data/geo/regions.tsv:${line}: unknown country '${cells[2]}'`);
        point('regions.tsv', line, cells[3], cells[4]);
      }
      const gaz = gazetteer();
      for (const { line, cells } of readTsv('aliases.tsv')) {
        const [alias, target, country, context, lat, lon] = cells;
        if (!known(country)) problems.push(`data/geo/aliases.tsv:${line}: unknown country '${country}'`);
        if (context && context !== 'political') problems.push(`data/geo/aliases.tsv:${line}: unknown context '${context}'`);
        if (lat || lon) point('aliases.tsv', line, lat, lon);
        // Spellings that fold to the same key ("Tartus", "Tartūs") share one hit, cited by the last row.
        const reached = gaz.lookup(alias!).some((h) => h.via === 'alias' && h.entry.country === country
          && (h.row === `data/geo/aliases.tsv:${line}` || foldName(h.entry.name) === foldName(target!)));
        if (!reached) problems.push(`data/geo/aliases.tsv:${line}: '${alias}' does not reach '${target}' (${country}) in the gazetteer`);
      }
      geoCues();
    } catch (err) {
      problems.push((err as Error).message);
    }
    return problems;
  },
};
export default geo;
