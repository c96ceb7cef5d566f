import { readFileSync } from 'node:fs';
import { dataPath } from '../../paths.js';
import { parseYmd } from '../../time/calendar.js';
import { findTimes } from '../../time/index.js';
import { f3, type EvalReport, type EvalSuite } from '../suite.js';

/** One hand-written case of `data/time/eval-cases.tsv`. */
export interface TimeCase {
  line: number;
  category: string;
  ref: string;
  sentence: string;
  text: string;
  value: string;
  from: string;
  to: string;
  grain: string;
}

/** Reads the cases (skips comments and the header). */
export function readTimeCases(file = dataPath('time', 'eval-cases.tsv')): TimeCase[] {
  const out: TimeCase[] = [];
  let header = false;
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    if (!header) {
      header = true;
      return;
    }
    const [category, ref, sentence, text, value, from, to, grain] = raw.split('\t');
    out.push({ line: i + 1, category: category!, ref: ref!, sentence: sentence!, text: text!, value: value ?? '', from: from ?? '', to: to ?? '', grain: grain ?? '' });
  });
  return out;
}

/**
 * Scores one case exactly. Positive cases: an expression with exactly the expected text must be
 * found, with the expected value, from, to and grain. `none`: nothing may be found. `invalid`: the
 * text must be diagnosed as an impossible date and no expression may cover it.
 */
export function scoreCase(c: TimeCase): { ok: boolean; got: string } {
  const { times, invalid } = findTimes(c.sentence, parseYmd(c.ref));
  if (c.category === 'none') return { ok: times.length === 0, got: times.map((t) => t.text).join(', ') || '-' };
  const start = c.sentence.indexOf(c.text);
  const end = start + c.text.length;
  if (c.category === 'invalid') {
    const covered = times.some((t) => t.start < end && start < t.end);
    const flagged = invalid.some((p) => p.start === start && p.end === end);
    return { ok: flagged && !covered, got: `${flagged ? 'diagnosed' : 'not diagnosed'}${covered ? `, time ${times.map((t) => t.text).join(', ')}` : ''}` };
  }
  const t = times.find((x) => x.start === start && x.end === end);
  if (!t) return { ok: false, got: times.map((x) => `'${x.text}'`).join(', ') || 'nothing' };
  const ok = (t.value ?? '') === c.value && (t.from ?? '') === c.from && (t.to ?? '') === c.to && t.grain === c.grain;
  return { ok, got: `${t.value} ${t.from ?? '-'}..${t.to ?? '-'} ${t.grain}` };
}

/** Accuracy by category of one case file, and its failures. */
function scoreFile(cases: TimeCase[], file: string): { rows: Array<Array<string | number>>; failures: string[] } {
  const byCategory = new Map<string, { n: number; ok: number }>();
  const failures: string[] = [];
  for (const c of cases) {
    const r = scoreCase(c);
    const s = byCategory.get(c.category) ?? { n: 0, ok: 0 };
    s.n++;
    if (r.ok) s.ok++;
    else failures.push(`${file}:${c.line} [${c.category}] "${c.text}" in "${c.sentence}" → expected ${c.value} ${c.from}..${c.to} ${c.grain}; got ${r.got}`);
    byCategory.set(c.category, s);
  }
  const rows: Array<Array<string | number>> = [];
  for (const [cat, s] of [...byCategory].sort()) rows.push([file, cat, s.n, s.ok, f3(s.ok / s.n)]);
  const ok = [...byCategory.values()].reduce((a, s) => a + s.ok, 0);
  rows.push([file, 'all', cases.length, ok, f3(ok / cases.length)]);
  return { rows, failures };
}

const suite: EvalSuite = {
  name: 'time',
  description: 'temporal expressions: hand-written news cases (data/time/eval-cases*.tsv) scored exactly',
  async run(): Promise<EvalReport> {
    const table: Array<Array<string | number>> = [['set', 'category', 'cases', 'correct', 'accuracy']];
    const failures: string[] = [];
    for (const file of ['eval-cases.tsv', 'eval-cases-heldout.tsv']) {
      const r = scoreFile(readTimeCases(dataPath('time', file)), file);
      table.push(...r.rows);
      failures.push(...r.failures);
    }
    return {
      table,
      notes: [
        'exact: same text span, value, from, to and grain.',
        'eval-cases.tsv was written with the rules (development set); eval-cases-heldout.tsv was written afterwards and scored once.',
        ...failures.slice(0, 40),
      ],
    };
  },
};
export default suite;
