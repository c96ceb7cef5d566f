import { NewsgraphError } from '../errors.js';
import { ActorSchema, type KbActor } from './types.js';

/**
 * Readers for PETRARCH/TABARI dictionaries, so users can bring the dictionaries they maintain.
 * Hand-written because no npm package reads this format. The format, as used by the Phoenix and
 * PETRARCH validation dictionaries:
 * - a name line (`VLADIMIR_PUTIN_`; `_` joins words, a trailing `_` means "whole word"), optionally
 *   followed by `+`synonym lines and further name lines, then one or more code lines
 *   (`[RUSGOV]`, `[RUSGOV >080508]`, `[HOB < 950601]`, `[RUSGOV 850311-910824]`), or the code inline;
 * - `#` comments to end of line, `<!-- ... -->` comment lines, `[---]` for "no code".
 * Agents (`SOLDIER [~MIL]`, `ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]`) may use macros
 * (`!PERSON! = MAN, MEN`) and give plurals in braces (`{}` = none).
 */

/** Options of the importers. */
export interface ImportOptions {
  /** Throw on the first malformed line instead of skipping it with a warning. */
  strict?: boolean;
  /** Receives `file:line: problem` for each skipped line (real dictionaries have a few typos). */
  warnings?: string[];
}

/** Runs one line's work; a malformed line is skipped with a warning unless strict. */
function perLine(options: ImportOptions, work: () => void): void {
  try {
    work();
  } catch (err) {
    if (options.strict || !(err instanceof NewsgraphError)) throw err;
    options.warnings?.push(err.message);
  }
}

/** A date-bounded CAMEO code of an imported actor. */
export interface PetrarchCode {
  code: string;
  from: string | null;
  to: string | null;
}

/** One agent (role word) of a PETRARCH agents dictionary. */
export interface AgentEntry {
  /** The phrase in lower case, words separated by spaces ("foreign minister"). */
  phrase: string;
  /** Plural forms; empty when the dictionary says `{}`; undefined means "regular plural". */
  plurals?: string[];
  /** The agent code without its `~` ("MIL", "GOVFRM"). */
  code: string;
  /** `file:line` of the entry. */
  origin: string;
}

const CODE_LINE = /\[([^\]]*)\]/g;

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash >= 0 ? line.slice(0, hash) : line).replace(/\s+$/, '');
}

/** TABARI dates are YYMMDD (19xx from 30 up) or YYYYMMDD. */
function petrarchDate(raw: string, file: string, line: number): string {
  const d = raw.trim();
  let y: string;
  let rest: string;
  if (/^\d{8}$/.test(d)) [y, rest] = [d.slice(0, 4), d.slice(4)];
  else if (/^\d{6}$/.test(d)) [y, rest] = [(Number(d.slice(0, 2)) >= 30 ? '19' : '20') + d.slice(0, 2), d.slice(2)];
  else throw new NewsgraphError('NG_DATA', `${file}:${line}`, `bad date '${d}' (expected YYMMDD or YYYYMMDD)`);
  return `${y}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/** Parses the inside of `[...]`: a code and an optional date restriction. */
function parseCode(inner: string, file: string, line: number): PetrarchCode | null {
  const m = /^\s*(~?[A-Za-z-]+)\s*(.*)$/.exec(inner);
  if (!m) throw new NewsgraphError('NG_DATA', `${file}:${line}`, `bad code '[${inner}]'`);
  const code = m[1]!.replace(/^~/, '').toUpperCase();
  if (/^-+$/.test(code)) return null;
  const when = m[2]!.trim();
  let from: string | null = null;
  let to: string | null = null;
  if (when) {
    let r: RegExpExecArray | null;
    if ((r = /^>\s*(\d+)$/.exec(when))) from = petrarchDate(r[1]!, file, line);
    else if ((r = /^<\s*(\d+)$/.exec(when))) to = petrarchDate(r[1]!, file, line);
    else if ((r = /^(\d+)\s*-\s*(\d+)$/.exec(when))) [from, to] = [petrarchDate(r[1]!, file, line), petrarchDate(r[2]!, file, line)];
    else throw new NewsgraphError('NG_DATA', `${file}:${line}`, `bad date restriction '${when}' in [${inner}]`);
  }
  if (!/^[A-Z]{3,15}$/.test(code)) throw new NewsgraphError('NG_DATA', `${file}:${line}`, `bad CAMEO code '${code}'`);
  return { code, from, to };
}

/** "VLADIMIR_PUTIN_" → "Vladimir Putin"; keeps short all-caps words (USA, UN) as they are. */
function displayName(raw: string): string {
  return raw
    .replace(/_+$/, '')
    .split(/_+/)
    .filter(Boolean)
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (i > 0 && CONNECTORS.has(lower)) return lower;
      if (w.length <= 3 && !CONNECTORS.has(lower)) return w; // acronyms: UN, USA, EU
      return (w.charAt(0) + w.slice(1).toLowerCase()).replace(/-([a-z])/g, (_, c: string) => `-${c.toUpperCase()}`);
    })
    .join(' ');
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'al', 'el', 'de', 'la', 'le', 'du', 'da', 'bin', 'ibn', 'von', 'van']);

function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'actor';
}

/** Guesses the record type: dated codes belong to persons, bare 3-letter codes to countries. */
function guessType(codes: PetrarchCode[]): KbActor['type'] {
  if (codes.some((c) => c.from || c.to)) return 'PERSON';
  if (codes.length && codes.every((c) => c.code.length === 3)) return 'GPE';
  return 'ORG';
}

/**
 * Reads a PETRARCH/TABARI actor dictionary into knowledge-base records: the first name of a block
 * becomes the name, the others aliases, the undated (or latest) code `cameo`, every code `codes`.
 * A malformed line is skipped with a `file:line: problem` warning, or with `strict` throws a
 * NewsgraphError naming `file:line` and nothing is returned.
 *
 * @example
 *   importPetrarchActors('VLADIMIR_PUTIN_\n+PUTIN_\n\t[RUSGOV >000507]\n', 'a.txt')
 *   // [{ id: 'vladimir-putin', name: 'Vladimir Putin', type: 'PERSON', aliases: ['Putin'], cameo: 'RUSGOV',
 *   //    codes: [{ code: 'RUSGOV', from: '2000-05-07', to: null }], ... }]
 */
export function importPetrarchActors(text: string, file: string, options: ImportOptions = {}): Array<KbActor & { origin: string }> {
  const out: Array<KbActor & { origin: string }> = [];
  const ids = new Map<string, number>();
  let names: string[] = [];
  let codes: PetrarchCode[] = [];
  let startLine = 0;
  let sawCode = false;
  const flush = (): void => {
    if (names.length && codes.length) {
      const name = displayName(names[0]!);
      let id = slug(name);
      const n = (ids.get(id) ?? 0) + 1;
      ids.set(id, n);
      if (n > 1) id = `${id}-${n}`;
      const undated = codes.filter((c) => !c.from && !c.to);
      const latest = [...codes].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0]!;
      const aliases = [...new Set(names.slice(1).map(displayName))].filter((a) => a && a !== name);
      const record: KbActor = {
        id,
        name,
        type: guessType(codes),
        cameo: (undated[undated.length - 1] ?? latest).code,
        ...(aliases.length ? { aliases } : {}),
        ...(codes.some((c) => c.from || c.to) ? { codes } : {}),
      };
      const checked = ActorSchema.safeParse(record);
      if (checked.success) out.push({ ...checked.data, origin: `${file}:${startLine}` });
      else perLine(options, () => { throw new NewsgraphError('NG_DATA', `${file}:${startLine}`, checked.error.issues[0]!.message); });
    }
    names = [];
    codes = [];
    sawCode = false;
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, i) => perLine(options, () => {
    const lineNo = i + 1;
    if (/^\s*<!--/.test(rawLine) || /^\s*-->/.test(rawLine)) return;
    const line = stripComment(rawLine);
    if (!line.trim()) return;
    if (/^\s*!\w+!\s*=/.test(line)) return; // macro definitions belong to agents files
    const codeParts = [...line.matchAll(CODE_LINE)];
    const namePart = line.replace(CODE_LINE, '').replace(/\{[^}]*\}/g, '').trim();
    if (namePart) {
      const synonym = namePart.startsWith('+');
      const name = namePart.replace(/^\+/, '').trim().replace(/\s+/g, '_');
      // a '+' line is a synonym of the block above (even after its code); another name after the
      // codes starts the next block; unmarked name lines before the codes are synonyms too
      if (sawCode && !synonym) flush();
      if (!names.length) startLine = lineNo;
      names.push(name);
    } else if (!codeParts.length) {
      throw new NewsgraphError('NG_DATA', `${file}:${lineNo}`, `cannot read line '${rawLine.trim()}'`);
    }
    if (codeParts.length) {
      if (!names.length) throw new NewsgraphError('NG_DATA', `${file}:${lineNo}`, 'code line without a name before it');
      for (const m of codeParts) {
        const c = parseCode(m[1]!, file, lineNo);
        if (c) codes.push(c);
      }
      sawCode = true;
    }
  }));
  flush();
  return out;
}

/**
 * Reads a PETRARCH agents dictionary (`SOLDIER [~MIL]`, with `!MACRO!` substitutions and `{plurals}`).
 *
 * @example
 *   importPetrarchAgents('!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\n', 'agents.txt')
 *   // [{ phrase: 'congressman', code: 'LEG', ... }, { phrase: 'congressmen', code: 'LEG', ... }]
 */
export function importPetrarchAgents(text: string, file: string, options: ImportOptions = {}): AgentEntry[] {
  const macros = new Map<string, string[]>();
  const out: AgentEntry[] = [];
  text.split(/\r?\n/).forEach((rawLine, i) => perLine(options, () => {
    const lineNo = i + 1;
    if (/^\s*<!--/.test(rawLine)) return;
    const line = stripComment(rawLine).trim();
    if (!line) return;
    const macro = /^(!\w+!)\s*=\s*(.+)$/.exec(line);
    if (macro) {
      macros.set(macro[1]!, macro[2]!.split(',').map((s) => s.trim()).filter(Boolean));
      return;
    }
    const m = /^(.+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]\s*$/.exec(line);
    if (!m) throw new NewsgraphError('NG_DATA', `${file}:${lineNo}`, `expected 'PHRASE [~CODE]', got '${line}'`);
    const code = parseCode(m[3]!, file, lineNo);
    if (!code) return;
    const plurals = m[2] === undefined ? undefined : m[2].slice(1, -1).split(',').map((s) => s.trim().replace(/_+/g, ' ').toLowerCase()).filter(Boolean);
    for (const phrase of expandMacros(m[1]!.trim(), macros, file, lineNo)) {
      out.push({
        phrase: phrase.replace(/_+/g, ' ').trim().toLowerCase(),
        code: code.code,
        ...(plurals ? { plurals } : {}),
        origin: `${file}:${lineNo}`,
      });
    }
  }));
  return out;
}

function expandMacros(phrase: string, macros: Map<string, string[]>, file: string, line: number): string[] {
  const m = /!\w+!/.exec(phrase);
  if (!m) return [phrase];
  const values = macros.get(m[0]);
  if (!values) throw new NewsgraphError('NG_DATA', `${file}:${line}`, `undefined macro ${m[0]}`);
  return values.flatMap((v) => expandMacros(phrase.replace(m[0], v), macros, file, line));
}

/** Whether a PETRARCH dictionary text is an agents dictionary (its codes start with `~`). */
export function isAgentsDictionary(text: string): boolean {
  const codes = text.match(/\[~?[A-Za-z-]+/g) ?? [];
  const agents = codes.filter((c) => c.startsWith('[~')).length;
  return agents > codes.length / 2;
}
