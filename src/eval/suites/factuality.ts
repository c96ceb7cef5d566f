import { runFactualityCases } from '../../events/factuality-cases.js';
import { f3, type EvalSuite } from '../suite.js';

/** Factuality accuracy per class on data/factuality/cases.tsv. */
const suite: EvalSuite = {
  name: 'factuality',
  description: 'event factuality (asserted/negated/hypothetical/future/reported/denied) on the hand-written table',
  async run() {
    const rs = runFactualityCases();
    const classes = [...new Set(rs.map((r) => r.expected))];
    const table: Array<Array<string | number>> = [['class', 'cases', 'correct', 'accuracy']];
    for (const c of classes) {
      const of = rs.filter((r) => r.expected === c);
      const ok = of.filter((r) => r.got === c).length;
      table.push([c, of.length, ok, f3(ok / of.length)]);
    }
    const ok = rs.filter((r) => r.got === r.expected).length;
    table.push(['all', rs.length, ok, f3(ok / rs.length)]);
    return { table, notes: rs.filter((r) => r.got !== r.expected).map((r) => `line ${r.line}: expected ${r.expected}, got ${r.got}: ${r.sentence}`) };
  },
};
export default suite;
