import { dataPath } from '../../paths.js';
import { parseYmd } from '../../time/calendar.js';
import { timeLexicon } from '../../time/lexicon.js';
import { readTimeCases } from '../../eval/suites/time.js';
import type { DataValidator } from '../validator.js';

const GRAINS = new Set(['day', 'week', 'month', 'season', 'quarter', 'year', 'decade', 'century', 'era', 'range', 'duration', 'time', '']);

/**
 * data/time/*: the lexicon has 12 months, 7 weekdays, seasons with valid months, eras with real
 * dates in order; every eval case has a real reference date, its text in its sentence, a known grain.
 */
const time: DataValidator = {
  name: 'time',
  validate() {
    const problems: string[] = [];
    try {
      const lex = timeLexicon();
      if (lex.months?.length !== 12) problems.push('data/time/lexicon.yaml: months must list 12 names');
      if (lex.weekdays?.length !== 7) problems.push('data/time/lexicon.yaml: weekdays must list 7 names');
      for (const [name, s] of Object.entries(lex.seasons ?? {})) {
        if (!(s.from >= 1 && s.from <= 12 && s.to >= 1 && s.to <= 12 && /^[A-Z]{2}$/.test(s.code))) {
          problems.push(`data/time/lexicon.yaml: season '${name}' needs from/to months 1-12 and a two-letter code`);
        }
      }
      for (const era of lex.eras) {
        const from = parseYmd(era.from);
        const to = era.to ? parseYmd(era.to) : null;
        if (!from || (era.to && !to) || (to && era.to! < era.from)) {
          problems.push(`data/time/lexicon.yaml: era '${era.names[0]}' has bad dates ${era.from}..${era.to}`);
        }
      }
      for (const file of ['eval-cases.tsv', 'eval-cases-heldout.tsv']) for (const c of readTimeCases(dataPath('time', file))) {
        const where = `data/time/${file}:${c.line}`;
        if (!parseYmd(c.ref)) problems.push(`${where}: bad reference date '${c.ref}'`);
        if (c.text !== '-' && !c.sentence.includes(c.text)) problems.push(`${where}: '${c.text}' is not in the sentence`);
        if (!GRAINS.has(c.grain)) problems.push(`${where}: unknown grain '${c.grain}'`);
        for (const d of [c.from, c.to]) if (d && !parseYmd(d)) problems.push(`${where}: bad date '${d}'`);
      }
    } catch (err) {
      problems.push((err as Error).message);
    }
    return problems;
  },
};
export default time;
