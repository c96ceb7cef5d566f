import * as chrono from 'chrono-node';
import type { Span, TimeExpression } from '../contract.js';
import type { Doc } from '../document/doc.js';
import type { Stage, StageFactory } from '../pipeline/stage.js';
import { fmt, parseYmd, type Ymd } from './calendar.js';
import { timeLexicon } from './lexicon.js';
import { proposeTimes, selectProposals, type TimeProposal } from './rules.js';

export { eventDate } from './event-date.js';
export { proposeTimes, selectProposals, type TimeProposal } from './rules.js';

/**
 * The `times` stage: temporal expressions resolved to ranges against the document date. Our own rules
 * (src/time/rules.ts, lexicon in data/time/lexicon.yaml) run first; chrono-node then adds the
 * explicit dates they do not cover. Impossible dates ("April 31", "in 20133") become
 * NG_DATE_INVALID diagnostics; without a document date, relative expressions are
 * resolved against nothing and diagnosed NG_DATE_UNRESOLVED.
 *
 * `value` notation (TIMEX3 / ISO 8601): day 2017-04-11, week 2017-W14, weekend 2017-W14-WE, month
 * 2017-04, season 2015-FA (SP, SU, FA, WI), quarter 2017-Q1, year 2013, decade 199 (the 1990s),
 * century 19 (the 20th century), range and era as ISO intervals 1947-03-12/1991-12-26 (open end
 * `..`), duration P7Y / P2W / PXY (unknown count, "for years"), with from/to null.
 *
 * @example
 *   // doc dated 2017-04-11: "last week" → { value: '2017-W14', from: '2017-04-03', to: '2017-04-09', grain: 'week' }
 */
export const createTimesStage: StageFactory = () => ({
  name: 'times',
  requires: ['sentences', 'tokens'],
  assigns: ['times'],
  languages: ['en'],
  run(doc: Doc) {
    applyTimes(doc);
  },
}) satisfies Stage;

/** Runs the rules and chrono over the document and writes the `times` layer and diagnostics. */
export function applyTimes(doc: Doc): void {
  const ref = doc.info.date ? parseYmd(doc.info.date) : null;
  const { times, invalid, unresolved } = findTimes(doc.text, ref, doc.getOr('sentences', []));
  doc.set('times', times);
  for (const p of invalid) doc.diagnose('NG_DATE_INVALID', p, `'${p.text}' names an impossible date`);
  for (const p of unresolved) doc.diagnose('NG_DATE_UNRESOLVED', p, `'${p.text}' is relative and the document has no date`);
}

/**
 * Finds and resolves the temporal expressions of a text. `ref` is the document date (null: relative
 * expressions cannot be resolved and are returned in `unresolved`); `sentences` bound the future-tense check.
 *
 * @example
 *   findTimes('Talks are due today.', { y: 2017, m: 4, d: 11 }).times[0];
 *   // { start: 14, end: 19, text: 'today', value: '2017-04-11', from: '2017-04-11', to: '2017-04-11', grain: 'day', ... }
 */
export function findTimes(text: string, ref: Ymd | null, sentences: Span[] = []): {
  times: TimeExpression[];
  invalid: TimeProposal[];
  unresolved: TimeProposal[];
} {
  const lex = timeLexicon();
  const future = new Set(lex.futureCues);
  const sentenceOf = (offset: number): Span =>
    sentences.find((s) => s.start <= offset && offset < s.end) ?? sentenceAround(text, offset);
  const ctx = {
    ref: ref ?? { y: 1970, m: 1, d: 1 },
    future(offset: number): boolean {
      const s = sentenceOf(offset);
      const words = text.slice(s.start, s.end).toLowerCase().match(/[a-z']+/g) ?? [];
      return words.some((w) => future.has(w)) || /\b(is|are)\s+to\b/i.test(text.slice(s.start, s.end));
    },
  };
  // Our rules take precedence: chrono only adds what does not overlap them.
  const own = proposeTimes(text, ctx);
  const extra = chronoProposals(text, ref).filter((c) => !own.some((o) => o.start < c.end && c.start < o.end));
  const proposals = [...own, ...extra];
  const chosen = selectProposals(proposals);
  const times: TimeExpression[] = [];
  const invalid: TimeProposal[] = [];
  const unresolved: TimeProposal[] = [];
  for (const p of chosen) {
    if (!p.time) {
      invalid.push(p);
      continue;
    }
    if (!ref && p.rule !== 'chrono' && isRelative(p.rule)) {
      unresolved.push(p);
      continue;
    }
    times.push({ start: p.start, end: p.end, text: p.text, ...p.time, provenance: { stage: 'times', rule: p.rule } });
  }
  return { times, invalid, unresolved };
}

/** Rules whose answer depends on the document date. */
const ABSOLUTE = new Set(['full-date', 'full-date-dmy', 'iso-date', 'month-year', 'season-year', 'decade', 'century',
  'quarter', 'year-range', 'bare-year', 'era', 'duration-adjective', 'duration-for', 'duration-plural', 'duration-long', 'bad-year']);
const isRelative = (rule: string): boolean => !ABSOLUTE.has(rule);

/** Words chrono reads as dates that in news prose are not ("now", "may", "march" as a verb...). */
const CHRONO_REJECT = /^(now|right now|may|march|sat|sun|mon|wed|second|a second|the second|tonight|today|yesterday|tomorrow|the day|that day|this day)$/i;

/**
 * chrono-node's reading of the explicit dates our rules do not cover ("Jan. 5", "5/4/2017",
 * "3 p.m. on June 2"): only results certain of their day, or of their month and year.
 */
function chronoProposals(text: string, ref: Ymd | null): TimeProposal[] {
  if (!ref) return [];
  const refDate = new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12));
  const out: TimeProposal[] = [];
  for (const r of chrono.en.strict.parse(text, refDate)) {
    if (CHRONO_REJECT.test(r.text.trim())) continue;
    const s = r.start;
    const day = s.isCertain('day') && s.isCertain('month');
    const month = s.isCertain('month') && s.isCertain('year');
    if (!day && !month) continue;
    const d = s.date();
    const from: Ymd = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
    const e = r.end?.date();
    const to: Ymd | null = e ? { y: e.getUTCFullYear(), m: e.getUTCMonth() + 1, d: e.getUTCDate() } : null;
    const grain: TimeExpression['grain'] = to ? 'range' : day ? 'day' : 'month';
    const f = day ? fmt(from) : `${fmt(from).slice(0, 7)}-01`;
    const t = to ? fmt(to) : day ? fmt(from) : lastOfMonth(from);
    const value = grain === 'range' ? `${f}/${t}` : day ? fmt(from) : fmt(from).slice(0, 7);
    // chrono includes a leading preposition ("on 4 April 2017"); the expression starts after it.
    const lead = /^(?:on|in|at|since|by|from|for|until)\s+/i.exec(r.text)?.[0].length ?? 0;
    const start = r.index + lead;
    const end = r.index + r.text.length;
    if (CHRONO_REJECT.test(text.slice(start, end).trim())) continue;
    out.push({ start, end, text: text.slice(start, end), rule: 'chrono', time: { value, from: f, to: t, grain } });
  }
  return out;
}

function lastOfMonth(x: Ymd): string {
  const d = new Date(Date.UTC(x.y, x.m, 0));
  return fmt({ y: x.y, m: x.m, d: d.getUTCDate() });
}

/** The sentence around an offset when no sentence layer is given: from the previous to the next full stop or line break. */
function sentenceAround(text: string, offset: number): Span {
  let a = offset;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!)) a--;
  let b = offset;
  while (b < text.length && !/[.!?\n]/.test(text[b]!)) b++;
  return { start: a, end: b };
}
