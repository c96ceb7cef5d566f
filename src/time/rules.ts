import type { Span, TimeExpression } from '../contract.js';
import {
  addDays, addMonths, daysInMonth, fmt, isValid, isoWeek, mondayOf, pad, weekday, type Ymd,
} from './calendar.js';
import { timeLexicon, type TimeLexicon } from './lexicon.js';

/**
 * Our own temporal rules, for what chrono-node misses or gets wrong in news: seasons, bare years,
 * weeks as ranges, "in recent days", eras, decades, durations, weekdays resolved to the past, months
 * without a year, and impossible dates. Each rule is a regular expression built from
 * `data/time/lexicon.yaml` plus a resolver; rules propose, `selectProposals` keeps the longest
 * non-overlapping ones.
 */

/** A proposed time expression, or an impossible date to diagnose. */
export interface TimeProposal extends Span {
  text: string;
  rule: string;
  /** Null for an impossible date ("April 31"): diagnosed, never emitted. */
  time: Omit<TimeExpression, 'start' | 'end' | 'text' | 'provenance'> | null;
}

/** What a rule knows about the text around a match. */
export interface RuleContext {
  ref: Ymd;
  /** Whether the sentence of an offset speaks of the future ("will meet on Thursday"). */
  future(offset: number): boolean;
}

type Grain = TimeExpression['grain'];
const time = (value: string | null, from: string | null, to: string | null, grain: Grain): TimeProposal['time'] =>
  ({ value, from, to, grain });

interface Rule {
  name: string;
  re: RegExp;
  /**
   * Something every match of `re` contains: when the text has none, the rule is skipped without
   * scanning it (most rules may start at any word, which makes a full scan costly).
   */
  need?: RegExp;
  /** A `need` shared by a family of rules (all era names): tested once per text for the family. */
  gate?: RegExp;
  /** Index of the group whose text is the expression, when the match has a leading preposition. */
  group?: number;
  resolve(m: RegExpExecArray, ctx: RuleContext, start: number): TimeProposal['time'] | 'skip';
}

let rulesCache: Rule[] | undefined;

/**
 * Runs every rule over `text`.
 *
 * @example
 *   proposeTimes('He left last week.', { ref: { y: 2017, m: 4, d: 11 }, future: () => false });
 *   // [{ start: 8, end: 17, text: 'last week', rule: 'relative-unit', time: { value: '2017-W14', ... } }]
 */
export function proposeTimes(text: string, ctx: RuleContext): TimeProposal[] {
  const out: TimeProposal[] = [];
  const gates = new Map<RegExp, boolean>();
  for (const rule of (rulesCache ??= buildRules(timeLexicon()))) {
    if (rule.gate) {
      let open = gates.get(rule.gate);
      if (open === undefined) gates.set(rule.gate, (open = rule.gate.test(text)));
      if (!open) continue;
    }
    if (rule.need && !rule.need.test(text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      let start = m.index;
      let str = m[0];
      const inner = rule.group !== undefined ? m.indices?.[rule.group] : undefined;
      if (inner) {
        start = inner[0];
        str = text.slice(inner[0], inner[1]);
      }
      const t = rule.resolve(m, ctx, start);
      if (t === 'skip') continue;
      out.push({ start, end: start + str.length, text: str, rule: rule.name, time: t });
    }
  }
  return out;
}

/** Keeps the longest proposals that do not overlap (ties: the earlier rule). */
export function selectProposals<T extends Span>(proposals: T[]): T[] {
  const sorted = proposals
    .map((p, k) => ({ p, k }))
    .sort((a, b) => b.p.end - b.p.start - (a.p.end - a.p.start) || a.k - b.k);
  const kept: T[] = [];
  for (const { p } of sorted) {
    if (!kept.some((q) => q.start < p.end && p.start < q.end)) kept.push(p);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function buildRules(lex: TimeLexicon): Rule[] {
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  const alt = (xs: string[]): string => xs.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const monthNames = [...lex.months.map(cap), ...Object.keys(lex.monthAbbreviations).map(cap)];
  const MONTH = `(${alt(monthNames)})\\.?`;
  const MONTH_NAME = new RegExp(alt(monthNames));
  const WEEKDAY = `(${alt(lex.weekdays.map(cap))})`;
  const SEASON = `(${alt(Object.keys(lex.seasons))})`;
  const NUM = `(${alt(Object.keys(lex.numbers).filter((w) => lex.numbers[w] !== null))}|\\d+)`;
  const monthOf = (s: string): number => {
    const k = s.toLowerCase().replace(/\.$/, '');
    const i = lex.months.indexOf(k);
    return i >= 0 ? i + 1 : lex.monthAbbreviations[k] ?? 0;
  };
  const num = (s: string): number => (/^\d+$/.test(s) ? Number(s) : lex.numbers[s.toLowerCase()] ?? 0);
  const okYear = (y: number): boolean => y >= 1000 && y <= 2999;
  // Prepositions in lower case or capitalised at the start of a sentence ("Since January, ...").
  const YP = `(?:${alt([...lex.yearPrepositions, ...lex.yearPrepositions.map(cap)])})`;
  const MP = `(?:${alt([...lex.monthPrepositions, ...lex.monthPrepositions.map(cap)])})`;

  const dayTime = (d: Ymd): TimeProposal['time'] => time(fmt(d), fmt(d), fmt(d), 'day');
  const monthTime = (y: number, m: number): TimeProposal['time'] =>
    time(`${y}-${pad(m)}`, `${y}-${pad(m)}-01`, `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`, 'month');
  const yearTime = (y: number): TimeProposal['time'] => time(String(y), `${y}-01-01`, `${y}-12-31`, 'year');
  const weekTime = (monday: Ymd): TimeProposal['time'] => time(isoWeek(monday), fmt(monday), fmt(addDays(monday, 6)), 'week');
  /** The month-day in the year that puts it in the past (or the future when the sentence says so). */
  const anchorDay = (m: number, d: number, ctx: RuleContext, at: number): Ymd | null => {
    const ref = ctx.ref;
    for (const y of ctx.future(at) ? [ref.y, ref.y + 1] : [ref.y, ref.y - 1]) {
      const x = { y, m, d };
      if (!isValid(x)) continue;
      const after = fmt(x) > fmt(ref);
      if (ctx.future(at) ? !(fmt(x) < fmt(ref)) : !after) return x;
    }
    return isValid({ y: ref.y, m, d }) ? { y: ref.y, m, d } : null;
  };

  const rules: Rule[] = [
    {
      name: 'full-date',
      need: MONTH_NAME,
      re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(?:the\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'),
      resolve: (m) => {
        const x = { y: Number(m[4]), m: monthOf(m[2]!), d: Number(m[3]) };
        return isValid(x) && okYear(x.y) ? dayTime(x) : null;
      },
    },
    {
      name: 'full-date-dmy',
      need: MONTH_NAME,
      re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'g'),
      resolve: (m) => {
        const x = { y: Number(m[4]), m: monthOf(m[3]!), d: Number(m[2]) };
        return isValid(x) && okYear(x.y) ? dayTime(x) : null;
      },
    },
    {
      name: 'iso-date',
      need: /\d/,
      re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
      resolve: (m) => {
        const x = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
        return isValid(x) ? dayTime(x) : null;
      },
    },
    {
      name: 'month-day',
      need: MONTH_NAME,
      re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![,.]?\\s*\\d)`, 'g'),
      resolve: (m, ctx, at) => {
        const mo = monthOf(m[2]!);
        const d = Number(m[3]);
        if (!isValid({ y: 2000, m: mo, d })) return null; // 2000 is a leap year: February 29 passes here
        const x = anchorDay(mo, d, ctx, at);
        return x ? dayTime(x) : null;
      },
    },
    {
      name: 'day-month',
      need: MONTH_NAME,
      re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?!,?\\s*\\d)`, 'g'),
      resolve: (m, ctx, at) => {
        const mo = monthOf(m[2]!);
        const d = Number(m[1]);
        if (!isValid({ y: 2000, m: mo, d })) return null;
        const x = anchorDay(mo, d, ctx, at);
        return x ? dayTime(x) : null;
      },
    },
    {
      name: 'month-year',
      need: MONTH_NAME,
      re: new RegExp(`\\b(?:(early|late|mid)[- ])?${MONTH}\\s+(?:of\\s+)?(\\d{4})\\b`, 'g'),
      resolve: (m) => (okYear(Number(m[3])) && monthOf(m[2]!) ? monthTime(Number(m[3]), monthOf(m[2]!)) : 'skip'),
    },
    {
      name: 'season-year',
      need: new RegExp(SEASON, 'i'),
      re: new RegExp(`\\b(?:the\\s+)?(?:(early|late)\\s+)?${SEASON}\\s+(?:of\\s+)?(\\d{4})\\b`, 'gi'),
      resolve: (m) => seasonTime(lex, m[2]!.toLowerCase(), Number(m[3])),
    },
    {
      name: 'season-relative',
      need: new RegExp(SEASON, 'i'),
      re: new RegExp(`\\b(last|this|next|past)\\s+${SEASON}\\b`, 'gi'),
      resolve: (m, ctx) => {
        const s = lex.seasons[m[2]!.toLowerCase()]!;
        // The season's year: the most recent one that has started (this), the one before (last/past), the one after (next).
        let y = ctx.ref.y;
        const started = (yy: number): boolean => fmt({ y: yy, m: s.from, d: 1 }) <= fmt(ctx.ref);
        while (!started(y)) y--;
        const rel = m[1]!.toLowerCase();
        if (rel === 'last' || rel === 'past') {
          // "last summer" in winter is the summer just gone, in summer it is the one a year before.
          const end = seasonTime(lex, m[2]!.toLowerCase(), y)!.to!;
          if (end >= fmt(ctx.ref)) y--;
        }
        if (rel === 'next') y++;
        return seasonTime(lex, m[2]!.toLowerCase(), y);
      },
    },
    {
      name: 'decade',
      need: /\d0['’]?s/,
      re: /\b(?:the\s+)?(?:(early|mid|late)[- ])?((?:1[0-9]|20)\d0)['’]?s\b/g,
      resolve: (m) => {
        const y = Number(m[2]);
        if (y % 100 === 0 && y < 2000) {
          // "the 1800s" is a century (1800–1899); "the 2000s" is read as the decade.
          const [a, b] = m[1] === 'early' ? [0, 32] : m[1] === 'mid' ? [33, 66] : m[1] === 'late' ? [67, 99] : [0, 99];
          return time(String(y / 100), `${y + a}-01-01`, `${y + b}-12-31`, 'century');
        }
        const [a, b] = m[1] === 'early' ? [0, 3] : m[1] === 'mid' ? [4, 6] : m[1] === 'late' ? [7, 9] : [0, 9];
        return time(String(y).slice(0, 3), `${y + a}-01-01`, `${y + b}-12-31`, 'decade');
      },
    },
    {
      name: 'decade-short',
      need: /0s/,
      re: /\bthe\s+['’](\d)0s\b/g,
      resolve: (m, ctx) => {
        const d = Number(m[1]);
        const y = (d * 10 > ctx.ref.y % 100 ? 1900 : 2000) + d * 10;
        return time(String(y).slice(0, 3), `${y}-01-01`, `${y + 9}-12-31`, 'decade');
      },
    },
    {
      name: 'century',
      need: /century/i,
      re: /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b/gi,
      resolve: (m) => {
        const c = Number(m[1]);
        if (c < 1 || c > 21) return 'skip';
        const y = (c - 1) * 100;
        return time(pad(c - 1), `${pad(y + 1, 4)}-01-01`, `${pad(y + 100, 4)}-12-31`, 'century');
      },
    },
    {
      name: 'quarter',
      need: /quarter|Q[1-4]/i,
      re: /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(\d{4})\b|\bQ([1-4])\s+(\d{4})\b/gi,
      resolve: (m) => {
        const qWord = (m[1] ?? '').toLowerCase();
        const q = m[3] ? Number(m[3]) : ['first', '1st'].includes(qWord) ? 1 : ['second', '2nd'].includes(qWord) ? 2 : ['third', '3rd'].includes(qWord) ? 3 : 4;
        const y = Number(m[2] ?? m[4]);
        const from = { y, m: q * 3 - 2, d: 1 };
        const toM = q * 3;
        return time(`${y}-Q${q}`, fmt(from), `${y}-${pad(toM)}-${pad(daysInMonth(y, toM))}`, 'quarter');
      },
    },
    {
      name: 'year-range',
      need: /\d{4}/,
      re: /\b(?:from|between)\s+((\d{4})\s+(?:to|and|until|through)\s+(\d{4}))\b|\b((\d{4})\s?[-–]\s?(\d{4}))\b/g,
      resolve: (m) => {
        const a = Number(m[2] ?? m[5]);
        const b = Number(m[3] ?? m[6]);
        if (!okYear(a) || !okYear(b) || b <= a || b - a > 200) return 'skip';
        return time(`${a}/${b}`, `${a}-01-01`, `${b}-12-31`, 'range');
      },
      group: 1,
    },
    {
      name: 'bare-year',
      need: /\d{4}/,
      re: new RegExp(`\\b${YP}\\s+(?:the\\s+(?:year\\s+)?)?((?:(early|late|mid)[- ])?(\\d{4}))\\b(?!\\s*(?:%|percent|people|[-–]\\s?\\d))`, 'gi'),
      group: 1,
      resolve: (m) => {
        const y = Number(m[3]);
        if (!okYear(y) || y > 2100) return 'skip';
        if (!m[2]) return yearTime(y);
        const [a, b] = m[2].toLowerCase() === 'early' ? [1, 4] : m[2].toLowerCase() === 'mid' ? [5, 8] : [9, 12];
        return time(String(y), `${y}-${pad(a)}-01`, `${y}-${pad(b)}-${pad(daysInMonth(y, b))}`, 'year');
      },
    },
    {
      name: 'bad-year',
      need: /\d{5}/,
      re: /\b(?:in|since|during|until|by)\s+((?:19|20)\d{3,})\b(?!\s*(?:%|percent|per\b|[a-z]+s\b))/gi,
      group: 1,
      resolve: () => null,
    },
    {
      name: 'relative-day',
      need: /today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night/i,
      re: /\b(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b/gi,
      resolve: (m, ctx) => {
        const w = m[1]!.toLowerCase().replace(/\s+/g, ' ');
        const n = w.includes('before yesterday') ? -2 : w.includes('after tomorrow') ? 2
          : w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
        return dayTime(addDays(ctx.ref, n));
      },
    },
    {
      name: 'relative-day-part',
      need: /yesterday|tomorrow/i,
      re: /\b(yesterday|tomorrow)\s+(morning|afternoon|evening|night)\b/gi,
      resolve: (m, ctx) => dayTime(addDays(ctx.ref, m[1]!.toLowerCase() === 'yesterday' ? -1 : 1)),
    },
    {
      name: 'relative-unit',
      need: /week|month|year/i,
      re: /\b(?:(earlier|later)\s+)?(last|this|next|past|previous|coming)\s+(week|weekend|month|year)\b/gi,
      resolve: (m, ctx) => relativeUnit(ctx.ref, m[2]!.toLowerCase(), m[3]!.toLowerCase(), m[1]?.toLowerCase()),
    },
    {
      name: 'recent-period',
      need: /days|weeks|months|years/i,
      re: new RegExp(`\\b(?:in|over|during|within|for)\\s+((?:the\\s+)?(recent|past|last|coming|next)\\s+(?:(few|couple\\s+of|several)\\s+|${NUM}\\s+)?(days|weeks|months|years))\\b`, 'gi'),
      group: 1,
      resolve: (m, ctx) => {
        const n = m[4] ? num(m[4]) : m[3] ? (m[3].toLowerCase().startsWith('couple') ? 2 : 3) : 0;
        const unit = m[5]!.toLowerCase();
        // Without a number: "recent days" is the last week, "recent weeks" a month, "recent months" a quarter.
        const span = n || { days: 7, weeks: 4, months: 3, years: 3 }[unit]!;
        const back = (k: number): Ymd => unit === 'days' ? addDays(ctx.ref, -k) : unit === 'weeks' ? addDays(ctx.ref, -7 * k)
          : unit === 'months' ? addMonths(ctx.ref, -k) : addMonths(ctx.ref, -12 * k);
        const fwd = (k: number): Ymd => unit === 'days' ? addDays(ctx.ref, k) : unit === 'weeks' ? addDays(ctx.ref, 7 * k)
          : unit === 'months' ? addMonths(ctx.ref, k) : addMonths(ctx.ref, 12 * k);
        const ahead = ['coming', 'next'].includes(m[2]!.toLowerCase());
        const from = ahead ? ctx.ref : back(span);
        const to = ahead ? fwd(span) : ctx.ref;
        return time(`${fmt(from)}/${fmt(to)}`, fmt(from), fmt(to), 'range');
      },
    },
    {
      name: 'ago',
      need: /ago/i,
      re: new RegExp(`\\b(${NUM}\\s+(day|week|month|year)s?\\s+ago)\\b`, 'gi'),
      resolve: (m, ctx) => {
        const n = num(m[2]!);
        const unit = m[3]!.toLowerCase();
        if (unit === 'day') return dayTime(addDays(ctx.ref, -n));
        if (unit === 'week') return weekTime(mondayOf(addDays(ctx.ref, -7 * n)));
        if (unit === 'month') {
          const x = addMonths(ctx.ref, -n);
          return monthTime(x.y, x.m);
        }
        return yearTime(ctx.ref.y - n);
      },
    },
    {
      name: 'weekday',
      need: new RegExp(WEEKDAY),
      re: new RegExp(`\\b(?:(?:on|since|by|until)\\s+)?((?:(last|this|next)\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?)\\b(?!,?\\s+(?:${alt(monthNames)}))(?!\\s+(?:${alt(lex.notAfterWeekday)})\\b)`, 'g'),
      group: 1,
      resolve: (m, ctx, at) => {
        const target = lex.weekdays.indexOf(m[3]!.toLowerCase()) + 1;
        const today = weekday(ctx.ref);
        const rel = m[2]?.toLowerCase();
        let delta: number;
        if (rel === 'last') delta = -(((today - target + 7) % 7) || 7);
        else if (rel === 'next') delta = ((target - today + 7) % 7) || 7;
        else if (rel === 'this') delta = target - today;
        else if (ctx.future(at)) delta = (target - today + 7) % 7;
        else delta = -((today - target + 7) % 7);
        return dayTime(addDays(ctx.ref, delta));
      },
    },
    {
      name: 'month',
      need: new RegExp(alt(lex.months.map(cap))),
      re: new RegExp(`\\b(?:${MP})\\s+(?:the\\s+)?(?:(?:beginning|start|end|middle)\\s+of\\s+)?((?:(early|late|mid)[- ])?(${alt(lex.months.map(cap))}))\\b(?![,.]?\\s*\\d)(?!\\s+\\p{Lu})`, 'gu'),
      group: 1,
      resolve: (m, ctx, at) => {
        const mo = lex.months.indexOf(m[3]!.toLowerCase()) + 1;
        const before = m[0].toLowerCase();
        let y = ctx.ref.y;
        if (/^(last)\b/.test(before)) y = mo < ctx.ref.m ? ctx.ref.y : ctx.ref.y - 1;
        else if (/^(next)\b/.test(before)) y = mo > ctx.ref.m ? ctx.ref.y : ctx.ref.y + 1;
        else if (ctx.future(at)) y = mo >= ctx.ref.m ? ctx.ref.y : ctx.ref.y + 1;
        else y = mo <= ctx.ref.m ? ctx.ref.y : ctx.ref.y - 1;
        return monthTime(y, mo);
      },
    },
    {
      name: 'duration-adjective',
      need: /day|week|month|year|decade|century|hour/i,
      re: new RegExp(`\\b(${NUM}[- ](day|week|month|year|decade|century|hour))(?:[- ]long)?[- ](?!old\\b)(?=[a-z])`, 'gi'),
      group: 1,
      resolve: (m) => {
        const n = num(m[2]!);
        return n ? time(durationValue(lex, n, m[3]!.toLowerCase()), null, null, 'duration') : 'skip';
      },
    },
    {
      name: 'duration-for',
      need: /days|weeks|months|years|decades|hours/i,
      re: new RegExp(`\\bfor\\s+((?:(?:about|nearly|almost|more\\s+than|over|some|at\\s+least)\\s+)?(?:${NUM}|(a\\s+few|several|many))\\s+(days|weeks|months|years|decades|hours))\\b`, 'gi'),
      group: 1,
      resolve: (m) => {
        const unit = m[4]!.toLowerCase().replace(/s$/, '');
        const n = m[2] ? num(m[2]) : 0;
        return time(n ? durationValue(lex, n, unit) : durationValue(lex, 0, unit), null, null, 'duration');
      },
    },
    {
      name: 'duration-plural',
      need: /days|weeks|months|years|decades/i,
      re: /\b(?:for|over|after)\s+((days|weeks|months|years|decades))\b(?!\s+(?:ago|of\s+the|to\s+come))/gi,
      group: 1,
      resolve: (m) => time(durationValue(lex, 0, m[2]!.toLowerCase().replace(/s$/, '')), null, null, 'duration'),
    },
    {
      name: 'duration-long',
      need: /long/i,
      re: /\b((decades|years|months|weeks|days)[- ]long)\b/gi,
      resolve: (m) => time(durationValue(lex, 0, m[2]!.toLowerCase().replace(/s$/, '')), null, null, 'duration'),
    },
  ];
  // Eras: a name preceded by a temporal preposition or followed by a period noun.
  const anyEra = new RegExp(lex.eras.map((era) => alt(era.names).replace(/ /g, '\\s+')).join('|'), 'i');
  for (const era of lex.eras) {
    const names = alt(era.names).replace(/ /g, '\\s+');
    rules.push({
      name: 'era',
      gate: anyEra,
      need: new RegExp(names, 'i'),
      re: new RegExp(`\\b(during|since|after|before|until|throughout|in|to|of|at)?\\s*((?:the\\s+)?(?:${names})(\\s+(?:days|era|years|period|times))?)\\b`, 'gi'),
      group: 2,
      resolve: (m) => (m[1] || m[3]
        ? time(`${era.from}/${era.to ?? '..'}`, era.from, era.to, 'era')
        : 'skip'),
    });
  }
  // 'd': match indices, so that a rule's expression can be a group inside a wider match ("in" + "2013").
  for (const r of rules) r.re = new RegExp(r.re.source, `${r.re.flags}d`);
  return rules;
}

/** A season of a year: northern hemisphere; winter Y runs from December Y to February Y+1. */
export function seasonTime(lex: TimeLexicon, season: string, y: number): TimeProposal['time'] {
  const s = lex.seasons[season];
  if (!s) return null;
  const endYear = s.to < s.from ? y + 1 : y;
  return time(`${y}-${s.code}`, `${y}-${pad(s.from)}-01`, `${endYear}-${pad(s.to)}-${pad(daysInMonth(endYear, s.to))}`, 'season');
}

/** ISO 8601 duration: P7Y, P2W, P3M, PT5H; unknown count ("for years") → PXY. */
function durationValue(lex: TimeLexicon, n: number, unit: string): string {
  const code = lex.durationUnits[unit] ?? 'X';
  const k = n ? String(n) : 'X';
  if (code === 'DE') return n ? `P${n * 10}Y` : 'PXDE';
  if (code === 'CE') return n ? `P${n * 100}Y` : 'PXCE';
  if (code === 'H') return `PT${k}H`;
  if (code === 'MIN') return `PT${k}M`;
  return `P${k}${code}`;
}

/** "last week", "this month", "next year", "earlier this week", "the past week"... */
function relativeUnit(ref: Ymd, rel: string, unit: string, edge?: string): TimeProposal['time'] {
  const shift = rel === 'last' || rel === 'previous' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
  let from: Ymd;
  let to: Ymd;
  let value: string;
  let grain: Grain;
  if (rel === 'past') {
    // "the past week/month/year": the rolling period ending on the document date.
    from = unit === 'week' || unit === 'weekend' ? addDays(ref, -7) : unit === 'month' ? addMonths(ref, -1) : addMonths(ref, -12);
    return time(`${fmt(from)}/${fmt(ref)}`, fmt(from), fmt(ref), 'range');
  }
  if (unit === 'week' || unit === 'weekend') {
    const monday = addDays(mondayOf(ref), 7 * shift);
    from = unit === 'weekend' ? addDays(monday, 5) : monday;
    to = addDays(monday, 6);
    value = unit === 'weekend' ? `${isoWeek(monday)}-WE` : isoWeek(monday);
    grain = 'week';
  } else if (unit === 'month') {
    const x = addMonths({ ...ref, d: 1 }, shift);
    from = x;
    to = { ...x, d: daysInMonth(x.y, x.m) };
    value = `${x.y}-${pad(x.m)}`;
    grain = 'month';
  } else {
    const y = ref.y + shift;
    from = { y, m: 1, d: 1 };
    to = { y, m: 12, d: 31 };
    value = String(y);
    grain = 'year';
  }
  // "earlier this week" ends the day before the document date; "later this week" starts the day after.
  if (edge === 'earlier' && shift === 0) to = fmt(addDays(ref, -1)) < fmt(from) ? ref : addDays(ref, -1);
  if (edge === 'later' && shift === 0) from = fmt(addDays(ref, 1)) > fmt(to) ? ref : addDays(ref, 1);
  return time(value, fmt(from), fmt(to), grain);
}
