import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ActorSchema, type KbActor, type LoadedActor } from './types.js';

/** One problem found in a knowledge-base file, with the line it is on (1-based). */
export interface KbProblem {
  file: string;
  line: number;
  message: string;
}

/** The records of one file plus every problem found while reading them. */
export interface ParsedKbFile {
  actors: LoadedActor[];
  problems: KbProblem[];
}

/**
 * Parses one actor YAML file (a list of {@link KbActor} records) and checks every record against
 * the schema, keeping the line of each record and of each bad field. Nothing is thrown: the caller
 * decides whether problems are fatal (the loader) or listed (the data validator).
 *
 * @example
 *   const { actors, problems } = parseKbText('- { id: RU, name: Russia, type: GPE }', 'x.yaml');
 *   // actors[0].origin === 'x.yaml:1', problems = []
 */
export function parseKbText(text: string, file: string): ParsedKbFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const problems: KbProblem[] = [];
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lines.linePos(offset).line);
  for (const e of doc.errors) problems.push({ file, line: e.linePos?.[0]?.line ?? 1, message: e.message.split('\n')[0]! });
  if (problems.length) return { actors: [], problems };
  const root = doc.contents;
  if (root === null) return { actors: [], problems };
  if (!isSeq(root)) {
    problems.push({ file, line: lineOf(root.range?.[0]), message: 'expected a YAML list of actor records' });
    return { actors: [], problems };
  }
  const actors: LoadedActor[] = [];
  root.items.forEach((item, index) => {
    const node = item as Node;
    const line = lineOf(node.range?.[0]);
    if (!isMap(node)) {
      problems.push({ file, line, message: `item ${index + 1} is not a mapping` });
      return;
    }
    const parsed = ActorSchema.safeParse(normaliseDates(node.toJSON()));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = nodeAt(node, issue.path as Array<string | number>);
        const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
        problems.push({ file, line: lineOf(at?.range?.[0]) || line, message: `${where}${issue.message}` });
      }
      return;
    }
    actors.push({ ...parsed.data, origin: `${file}:${line}` });
  });
  return { actors, problems };
}

/**
 * Reads and parses an actor file (YAML, or JSON, which YAML includes); an unreadable file is
 * reported as a problem on line 1. JSON files take a fast path (JSON.parse is ~100× faster than the
 * YAML parser on big imported dictionaries) and fall back to the YAML reader only to locate problems.
 */
export function parseKbFile(path: string, shownAs: string = path): ParsedKbFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { actors: [], problems: [{ file: shownAs, line: 1, message: `cannot read: ${(err as Error).message}` }] };
  }
  if (/^\s*\[/.test(text)) {
    const fast = parseJsonList(text, shownAs);
    if (fast) return fast;
  }
  return parseKbText(text, shownAs);
}

/** JSON list of records → actors, or undefined when anything is wrong (then the slow path reports it). */
function parseJsonList(text: string, file: string): ParsedKbFile | undefined {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(list)) return undefined;
  const actors: LoadedActor[] = [];
  // line of each record: count newlines up to each top-level object start
  let line = 1;
  let depth = 0;
  let inString = false;
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    else if (inString) {
      if (ch === 92) i++; // backslash escape
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (ch === 123 && depth === 1) starts.push(line);
      depth++;
    } else if (ch === 125 || ch === 93) depth--;
  }
  for (const [i, item] of list.entries()) {
    const parsed = ActorSchema.safeParse(item);
    if (!parsed.success) return undefined;
    actors.push({ ...parsed.data, origin: `${file}:${starts[i] ?? 1}` });
  }
  return { actors, problems: [] };
}

/** YAML turns unquoted 2017-05-07 into a Date; the schema wants the ISO string. */
function normaliseDates(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normaliseDates);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'from' || k === 'to' ? dateField(v) : normaliseDates(v);
    return out;
  }
  return value;
}

function dateField(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v); // `from: 2012` reads as a number
  return v;
}

/** The YAML node at a zod issue path, for its line. */
function nodeAt(node: Node, path: Array<string | number>): Node | undefined {
  let cur: unknown = node;
  for (const key of path) {
    if (isMap(cur)) cur = cur.get(key, true);
    else if (isSeq(cur)) cur = cur.get(key as number, true);
    else return cur as Node | undefined;
  }
  return cur as Node | undefined;
}

export type { KbActor };
