import * as chrono from 'chrono-node';
import type { Genre } from '../contract.js';
import type { Part } from '../document/doc.js';
import { escapeRe, type Cues, type GenreRules } from './data.js';

/** A line of the normalised text with its offsets. */
export interface Block {
  start: number;
  end: number;
  text: string;
}

/** What the structure rules propose for one document; `applyStructure` writes it. */
export interface StructureProposal {
  parts: Part[];
  caption: string | null;
  imageCredit: string | null;
  copyright: string | null;
  authors: string[];
  /** Outlet from the text (bio line, then syndication line), or null. */
  outlet: string | null;
  dateline: { place: string; agency: string | null; date: string | null } | null;
  /** Candidate dates by source, in the order the stage consults them. */
  dates: { dateline: string | null; caption: string | null; text: string | null };
  genre: Genre;
  genreCues: string[];
}

/** Splits text into non-empty lines with offsets. */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ start: m.index + lead, end: m.index + lead + t.length, text: t });
  }
  return out;
}

const NAME = String.raw`(?:[A-Z][\p{L}'’.-]+|[A-Z]\.)(?: (?:[A-Z][\p{L}'’.-]+|[A-Z]\.|(?:al|Al|de|van|von|bin|ibn|le|la|da|di)))*? [A-Z][\p{L}'’-]+`;
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

interface Patterns {
  label: RegExp;
  paren: RegExp;
  agency: RegExp;
  dateline: RegExp;
  copyrightStart: RegExp;
  copyrightWord: RegExp;
  outletSuffix: RegExp;
  bio: RegExp;
  bioRole: RegExp;
  byline: RegExp;
  captionWord: RegExp;
  reporting: RegExp;
}

const compiled = new WeakMap<Cues, Patterns>();
function patterns(cues: Cues): Patterns {
  let p = compiled.get(cues);
  if (p) return p;
  const alt = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  p = {
    label: new RegExp(`(?:^|\\s)(?:${alt(cues.credit_labels)})\\s*:\\s*([^:()]{1,60}?)\\s*\\.?$`, 'u'),
    paren: /\(([^()]{2,80})\)\s*(?=$|(?:[\p{L} ]{1,20}:))/u,
    agency: new RegExp(`(?<![\\p{L}])(${alt(cues.agencies)})(?![\\p{L}])`, 'u'),
    dateline: new RegExp(
      String.raw`^((?:[A-Z][A-Z.'’-]+)(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\p{L}.]+(?: [A-Z][\p{L}.]+)*)?)` +
        String.raw`(?:,? (${MONTH} \d{1,2}(?:, \d{4})?))?\s*(?:\((${alt(cues.agencies)})\))?\s*[-—–]+\s+`,
      'u',
    ),
    copyrightStart: new RegExp(`^(?:${alt(cues.copyright_starts)})\\s*`, 'u'),
    copyrightWord: new RegExp(`(?<![\\p{L}])(?:${alt(cues.copyright_words)})(?![\\p{L}])|\\b(?:19|20)\\d\\d\\b`, 'u'),
    outletSuffix: new RegExp(`(?:\\s+(?:${alt(cues.outlet_suffixes)})\\b\\.?)+$`, 'u'),
    bio: new RegExp(`^(${NAME}) (?:is|was|has been|writes)\\b(.*)$`, 'u'),
    bioRole: new RegExp(`\\b(?:${alt(cues.bio_roles)})s?\\b`, 'iu'),
    byline: new RegExp(`^(?:${alt(cues.byline_starts)})\\s+(${NAME}(?:(?:,| and| &) ${NAME})*)\\s*$`, 'u'),
    captionWord: new RegExp(`\\b(?:${alt(cues.caption_words)})\\b`, 'iu'),
    reporting: new RegExp(`^\\(?(?:${alt(cues.reporting_credits)}) (${NAME}(?:(?:,| and) ${NAME})*)(?:[;)]|$)`, 'u'),
  };
  compiled.set(cues, p);
  return p;
}

/** "MARIA SMITH" → "Maria Smith"; names already in mixed case are kept. */
function nameCase(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, c: string) => a + c.toUpperCase()) : name;
}

/** How far into the body (characters) a full date may stand to be taken as the document date. */
const TEXT_DATE_WINDOW = 1500;

/**
 * Every month name and abbreviation in chrono's English dictionary begins with one of these, and its
 * patterns put a month after a non-letter, an ordinal's suffix (3rd, first) or "of", never mid-word.
 */
const MONTH_PREFIX = /(?:^|[^a-z]|st|nd|rd|th|of)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/**
 * chrono's strict time units (no abbreviations) that make a relative date's day certain: a span of
 * months, quarters or years ("within two years", "3 months ago") leaves the day implied.
 */
const DAY_UNIT = /second|minute|hour|day|week/i;
/**
 * Words a parser's pattern cannot match without (plain substrings, so never stricter than chrono):
 * cheap tests run first, since the full patterns, with their large alternations, are slow to fail.
 */
const GATE_PREFILTERS: Record<string, RegExp[]> = {
  ENMonthNameLittleEndianParser: [MONTH_PREFIX],
  ENMonthNameMiddleEndianParser: [MONTH_PREFIX],
  ENYearMonthNameParser: [MONTH_PREFIX],
  ENTimeUnitWithinFormatParser: [DAY_UNIT],
  ENTimeUnitAgoFormatParser: [DAY_UNIT, /ago|before|earlier/i],
  ENTimeUnitLaterFormatParser: [DAY_UNIT, /later|after|from now/i],
};

/** chrono's parsers of a day with a month name ("March 3, 1987", "3rd of March"); group 4 of their inner pattern is the year. */
const DAY_MONTH_PARSERS = new Set(['ENMonthNameMiddleEndianParser', 'ENMonthNameLittleEndianParser']);
/** A year chrono's year-suffix refiner could take: four digits, or a number with an era. */
const YEAR_LATER = /[1-9][0-9]{3}|[0-9]\s{0,2}(?:BE|AD|BC|BCE|CE)/i;

/**
 * chrono's strict parsers can leave day, month and year all certain only from a date written out
 * (month name, numeric, ISO) or a relative span ("3 days ago", "within two weeks"); the weekday and
 * time-of-day parsers only imply the day. The patterns of the others, taken from chrono's own parser
 * objects so they cannot drift from what chrono matches, tell cheaply whether parsing can find a full
 * date at all: most texts match none, and chrono over them (the costly part) is skipped.
 * Checked against chrono itself on the first 1,500 characters of all 19,130 Reuters-21578 and VOA
 * bodies: the same full date for every one, with chrono run on fewer than a fifth of them.
 */
const FULL_DATE_GATES: Array<(text: string) => boolean> = (() => {
  const parsers = (chrono.strict as unknown as {
    parsers: Array<{ constructor: { name: string }; pattern(context: unknown): RegExp; innerPattern?(context: unknown): RegExp }>;
  }).parsers;
  const context = { option: {}, text: '', refDate: new Date() };
  return parsers
    .filter((p) => p.constructor.name !== 'ENWeekdayParser' && p.constructor.name !== 'ENTimeExpressionParser')
    .map((p) => {
      const re = p.pattern(context);
      const plain = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
      const needs = GATE_PREFILTERS[p.constructor.name];
      if (DAY_MONTH_PARSERS.has(p.constructor.name) && p.innerPattern) {
        const inner = p.innerPattern(context);
        const global = new RegExp(inner.source, `${inner.flags.replace(/[gy]/g, '')}g`);
        return (text: string) => MONTH_PREFIX.test(text) && dayMonthCandidate(global, text);
      }
      if (needs) return (text: string) => needs.every((n) => n.test(text)) && plain.test(text);
      if (p.constructor.name !== 'SlashDateFormatParser') return (text: string) => plain.test(text);
      const global = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`);
      return (text: string) => slashDateCandidate(global, text);
    });
})();

/** A digit that could start the year chrono's year-suffix refiner takes, after any spaces. */
const YEAR_AHEAD = /\s*[1-9]/y;

/**
 * Whether a day-and-month-name parser could yield a full date: a match leaves the year implied unless
 * it has its own year group, or a year later in the text is added by a refiner ("March 3 ... 1987").
 * Every position where the inner pattern (without chrono's word-boundary prefix, so never stricter)
 * matches is tried, which covers each remainder chrono retries from. "on March 3" with no year
 * anywhere after it, the usual case in news, so does not send the text to chrono.
 */
function dayMonthCandidate(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[4] || YEAR_LATER.test(text.slice(m.index + m[0].length))) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * Whether chrono's slash-date parser could yield a full date: like chrono, it retries one character
 * on after each match. A match gives a certain year only with its own year group ("3/4/87"), or, when
 * chrono keeps it (it needs a "/" then: "1.5" and "3-4" are dropped), through the year-suffix refiner,
 * which takes a year of four digits (or with an era) right after it ("3/4 1987"). Fractions
 * ("5-1/2 pct"), decimals and ranges, which fill financial news, so do not send the text to chrono.
 */
function slashDateCandidate(re: RegExp, text: string): boolean {
  // Scanning the whole text rather than chrono's remainders only loses matches that open with "^" after
  // a digit, which chrono drops anyway ("\\d/?$" before the date).
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[4]) return true;
    if (m[0].includes('/')) {
      const end = m.index + m[0].length - (m[5]?.length ?? 0);
      YEAR_AHEAD.lastIndex = end;
      if (YEAR_AHEAD.test(text)) return true;
    }
    re.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * Whether chrono's strict parse of `text` can find a full date at all (false: it certainly finds none).
 *
 * @example mayHoldFullDate('Profit rose 1.5 pct to 3/4 of sales') // → false
 */
export function mayHoldFullDate(text: string): boolean {
  return FULL_DATE_GATES.some((gate) => gate(text));
}

/**
 * A calendar date (YYYY-MM-DD) chrono finds with day, month and year all stated, or null.
 *
 * @example fullDate('Published on March 3, 2017 in London') // → '2017-03-03'
 */
export function fullDate(text: string): string | null {
  if (!mayHoldFullDate(text)) return null;
  for (const r of chrono.strict.parse(text)) {
    const s = r.start;
    // A relative form ("3 days ago", "within 30 days") is "certain" for chrono but counted from the
    // day newsgraph runs: only a date whose year is written out is a document date.
    if (s.isCertain('year') && s.isCertain('month') && s.isCertain('day') && /\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(r.text)) {
      return `${s.get('year')}-${String(s.get('month')).padStart(2, '0')}-${String(s.get('day')).padStart(2, '0')}`;
    }
  }
  return null;
}

/** "The Telegraph Group Limited, London 2017" → "The Telegraph". */
export function outletFromHolder(holder: string, p: Patterns): string | null {
  const name = holder.split(/,|\s(?:19|20)\d\d\b/)[0]!.replace(/^(?:©|\(c\))\s*(?:(?:19|20)\d\d\s+)?/i, '').trim().replace(p.outletSuffix, '').trim();
  return name && /^\p{Lu}/u.test(name) && name.split(' ').length <= 6 ? name : null;
}

/** Outlet named in a bio line: "the Telegraph’s defence editor" → "The Telegraph"; "a columnist for The Times" → "The Times". */
function outletFromBio(rest: string): string | null {
  const cap = String.raw`[A-Z][\p{L}&.-]*(?: [A-Z][\p{L}&.-]*)*`;
  const poss = new RegExp(String.raw`\b[Tt]he (${cap})['’]s?(?=\s)`, 'u').exec(rest);
  if (poss) return `The ${poss[1]}`;
  const prep = new RegExp(String.raw`\b(?:at|for|of|with) (the |The )?(${cap})`, 'u').exec(rest);
  if (prep && !/^(?:State|University|Institute|Department|Ministry|Centre|Center)\b/.test(prep[2]!)) return `${prep[1] ? 'The ' : ''}${prep[2]}`;
  return null;
}

/** The agency a parenthetical photo credit names: "(Sergei Chirikov/ Pool photo via AP)" → "AP". */
function creditAgency(inner: string, p: Patterns): string | null {
  const via = /\bvia\s+([\p{L}][\p{L} .-]*?)\s*$/u.exec(inner);
  if (via) return via[1]!.trim();
  const slash = inner.split('/').map((s) => s.trim()).filter(Boolean);
  if (slash.length > 1) return slash[slash.length - 1]!.replace(/\s+photo$/i, '');
  const a = p.agency.exec(inner);
  return a ? a[1]! : null;
}

/**
 * Proposes the document structure from its text: caption and image credits, byline, dateline,
 * copyright line, author bio, paragraphs, candidate dates and the genre with the cues that fired.
 * Pure: reads text and metadata, writes nothing.
 *
 * @example
 *   proposeStructure('MOSCOW, April 11 (Reuters) - Russia said on Tuesday...', { title: null, metadataGenre: null }, data).dateline;
 *   // { place: 'MOSCOW', agency: 'Reuters', date: null }
 */
export function proposeStructure(
  text: string,
  meta: { title: string | null; metadataGenre: Genre | null; metadataYear?: number | null },
  data: { cues: Cues; genre: GenreRules },
): StructureProposal {
  const p = patterns(data.cues);
  const bl = blocks(text);
  const parts: Part[] = [];
  const used = new Set<Block>();
  let caption: string | null = null;
  let imageCredit: string | null = null;
  let captionDate: string | null = null;
  let authors: string[] = [];
  let bylineText = '';
  let bylineOutlet: string | null = null;

  // Caption: one of the first two blocks carrying an image credit (or caption words and a credit label).
  for (const b of bl.slice(0, 2)) {
    let end = b.text.length;
    let credit: string | null = null;
    const label = p.label.exec(b.text);
    if (label) {
      const at = label.index + (label[0].length - label[0].trimStart().length);
      parts.push({ kind: 'credit', start: b.start + at, end: b.end });
      credit = label[1]!.trim();
      end = label.index;
    }
    const head = b.text.slice(0, end);
    const paren = p.paren.exec(head);
    if (paren && /\/|\bphoto\b|\bvia\b|\bcredit\b/i.test(paren[1]!) && paren.index + paren[0].trimEnd().length >= head.trimEnd().length - 1) {
      parts.push({ kind: 'credit', start: b.start + paren.index, end: b.start + paren.index + paren[0].trimEnd().length });
      credit ??= creditAgency(paren[1]!, p);
      end = paren.index;
    }
    if (credit || (p.captionWord.test(b.text) && bl.length > 2 && b === bl[0] && /\(|:/.test(b.text))) {
      const capText = b.text.slice(0, end).trimEnd();
      parts.push({ kind: 'caption', start: b.start, end: b.start + capText.length });
      caption = capText;
      imageCredit = credit;
      captionDate = fullDate(capText);
      used.add(b);
      break;
    }
  }

  // Byline near the top.
  for (const b of bl.slice(0, 4)) {
    if (used.has(b) || b.text.length > 80) continue;
    const m = p.byline.exec(b.text);
    if (m) {
      authors = m[1]!.split(/\s*(?:,| and | & )\s*/).filter(Boolean).map(nameCase);
      bylineText = b.text;
      parts.push({ kind: 'byline', start: b.start, end: b.end });
      used.add(b);
      // An organisation line under the byline ("Associated Press") belongs to it.
      const next = bl[bl.indexOf(b) + 1];
      if (next && next.text.length <= 40 && /^\p{Lu}[\p{L}&.' -]*$/u.test(next.text) && !p.dateline.test(`${next.text} `)) {
        bylineOutlet = next.text;
        parts.push({ kind: 'byline', start: next.start, end: next.end });
        used.add(next);
      }
      break;
    }
  }

  // Dateline at the start of the first body block.
  let dateline: StructureProposal['dateline'] = null;
  const firstBody = bl.find((b) => !used.has(b));
  if (firstBody) {
    const m = p.dateline.exec(firstBody.text);
    if (m && (m[2] || m[3] || /[-—–]\s+$/.test(m[0]))) {
      const stated = m[2] ?? null;
      const year = stated && /\d{4}$/.test(stated) ? null : (captionDate?.slice(0, 4) ?? meta.metadataYear ?? null);
      const date = stated ? fullDate(year ? `${stated}, ${year}` : stated) : null;
      dateline = { place: m[1]!, agency: m[3] ?? null, date };
      parts.push({ kind: 'dateline', start: firstBody.start, end: firstBody.start + m[0].trimEnd().length });
    }
  }

  // Copyright / syndication line and author bio among the last blocks.
  let copyright: string | null = null;
  let outlet: string | null = null;
  let bioOutlet: string | null = null;
  let bioText = '';
  for (const b of bl.slice(-4)) {
    if (used.has(b) || b === firstBody) continue;
    const start = p.copyrightStart.exec(b.text);
    if (!copyright && b.text.length <= 200 && (start || /^©/.test(b.text)) && p.copyrightWord.test(b.text)) {
      copyright = b.text.slice(start?.[0].length ?? 0).replace(/^(?:copyright|©|\(c\))\s*/i, '').trim();
      outlet = outletFromHolder(copyright, p);
      parts.push({ kind: 'copyright', start: b.start, end: b.end });
      used.add(b);
      continue;
    }
    const reporting = p.reporting.exec(b.text);
    if (reporting && b.text.length <= 300) {
      if (!authors.length) authors = reporting[1]!.split(/\s*(?:,| and )\s*/).filter(Boolean);
      parts.push({ kind: 'byline', start: b.start, end: b.end });
      used.add(b);
      continue;
    }
    const bio = p.bio.exec(b.text);
    if (bio && b.text.length <= 400 && p.bioRole.test(bio[2]!)) {
      if (!authors.length) authors = [bio[1]!];
      bioOutlet = outletFromBio(bio[2]!);
      bioText = b.text;
      parts.push({ kind: 'bio', start: b.start, end: b.end });
      used.add(b);
    }
  }

  for (const b of bl) {
    if (used.has(b)) continue;
    parts.push({ kind: 'paragraph', start: b.start, end: b.end });
  }
  parts.sort((a, b) => a.start - b.start || a.end - b.end);

  const body = bl.filter((b) => !used.has(b)).map((b) => b.text).join('\n');
  const { genre, cues } = scoreGenre(body, { title: meta.title ?? '', bio: bioText, byline: bylineText, agencyDateline: Boolean(dateline?.agency) }, meta.metadataGenre, data.genre);
  return {
    parts, caption, imageCredit, copyright, authors,
    outlet: bioOutlet ?? outlet ?? bylineOutlet ?? dateline?.agency ?? null,
    dateline,
    // The text date is only consulted when dateline and caption give none, and only near the top: a
    // full date deep in the body is rarely the publication date, and chrono over the body is costly.
    dates: { dateline: dateline?.date ?? null, caption: captionDate, text: dateline?.date || captionDate ? null : fullDate(body.slice(0, TEXT_DATE_WINDOW)) },
    genre, genreCues: cues,
  };
}

const listPatterns = new WeakMap<string[], RegExp[]>();
/** Regexes for a cue word list: whole words, case-insensitive, except the pronoun "I" (case-sensitive). */
function wordListPatterns(list: string[]): RegExp[] {
  let res = listPatterns.get(list);
  if (!res) {
    const words = list.filter((w) => w !== 'I');
    const alt = [...words].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
    res = words.length ? [new RegExp(`(?<![\\p{L}])(?:${alt})(?![\\p{L}])`, 'giu')] : [];
    if (list.includes('I')) res.push(/(?<![\p{L}])I(?![\p{L}])/gu);
    listPatterns.set(list, res);
  }
  return res;
}

/**
 * Scores the genres by the cues of data/structure/genre.yaml and returns the winner with the cues
 * that fired (`id` or `id×count`). Metadata genre wins outright.
 */
export function scoreGenre(
  body: string,
  ctx: { title: string; bio: string; byline: string; agencyDateline: boolean },
  metadataGenre: Genre | null,
  rules: GenreRules,
): { genre: Genre; cues: string[] } {
  if (metadataGenre) return { genre: metadataGenre, cues: ['metadata'] };
  const scores: Record<Genre, number> = { news: 0, opinion: 0, analysis: 0, other: 0 };
  const fired: string[] = [];
  const unquoted = body.replace(/“[^”]*”|"[^"\n]*"/g, ' ');
  const wordCount = Math.max(1, body.match(/\p{L}+/gu)?.length ?? 0);
  const sentenceCount = Math.max(1, body.match(/[.!?](?:\s|$)/g)?.length ?? 0);
  const count = (text: string, list: string[]) => wordListPatterns(list).reduce((n, re) => n + (text.match(re)?.length ?? 0), 0);
  for (const cue of rules.cues) {
    let hit = 0;
    switch (cue.id) {
      case 'bio-line': hit = ctx.bio ? 1 : 0; break;
      case 'columnist-word': hit = count(`${ctx.bio} ${ctx.byline} ${ctx.title}`, cue.words ?? []) > 0 ? 1 : 0; break;
      case 'first-person': {
        const n = count(unquoted, cue.words ?? []);
        hit = (n / wordCount) * 1000 >= (cue.per_1000_words ?? 3) ? n : 0;
        break;
      }
      case 'argument-phrases': {
        const n = count(unquoted, cue.words ?? []);
        hit = n >= (cue.min ?? 1) ? n : 0;
        break;
      }
      case 'agency-dateline': hit = ctx.agencyDateline ? 1 : 0; break;
      case 'attribution': {
        const n = count(body, cue.words ?? []);
        hit = n / sentenceCount >= (cue.per_sentence ?? 0.25) ? n : 0;
        break;
      }
      case 'analysis-title': hit = count(ctx.title, cue.words ?? []) > 0 ? 1 : 0; break;
    }
    if (hit) {
      scores[cue.genre] += cue.weight;
      fired.push(hit > 1 ? `${cue.id}×${hit}` : cue.id);
    }
  }
  const best = (Object.entries(scores) as Array<[Genre, number]>).sort((a, b) => b[1] - a[1])[0]!;
  return { genre: best[1] >= rules.threshold ? best[0] : 'other', cues: fired };
}
