import { dataPath } from '../paths.js';
import { readTsv } from './tables.js';

/** Where a trigger's target comes from. */
export interface TargetSpec {
  /** Try the direct object. */
  obj: boolean;
  /** Prepositions whose object may be the target. */
  preps: string[];
  /** The subject of the verb governing the noun phrase ("X agreed to a request from Y": target X). */
  governor: boolean;
}

/** A verb or noun trigger pattern from `data/events/`. */
export interface TriggerPattern {
  id: string;
  kind: 'verb' | 'noun';
  lemma: string;
  /** Verb particle that must follow ("carry out"), or for nouns a required following word ("call for"). */
  particle: string | null;
  /** Words one of which must appear near the trigger (object words for verbs, modifiers for nouns). */
  words: string[];
  code: string;
  target: TargetSpec;
  flags: Set<string>;
  label: string;
  /** `file:line` of the row. */
  entry: string;
  /** Imported dictionaries: words that must occur, in order, before the verb in its clause. */
  preceding?: string[];
  /** Imported dictionaries: words that must occur, in order, after the verb. */
  sequence?: string[];
  /**
   * Imported dictionaries: where PETRARCH's markers put the arguments. `+` after the verb's words: the
   * target is the first actor after them ("- * EID AT ^ WITH + [043]"); `+` before the verb: the target is
   * the subject and `$` after it the source; `%`: the coordinated subject's members act on each other.
   */
  slots?: { target?: 'subject' | 'after'; source?: 'after'; compound?: boolean; skip?: number };
}

/** Trigger patterns by lemma, most specific first. */
export interface PatternIndex {
  verbs: Map<string, TriggerPattern[]>;
  nouns: Map<string, TriggerPattern[]>;
  size: number;
}

function parseTarget(spec: string): TargetSpec {
  const t: TargetSpec = { obj: false, preps: [], governor: false };
  for (const part of spec.split('|')) {
    if (part === 'obj') t.obj = true;
    else if (part === 'governor') t.governor = true;
    else if (part.startsWith('prep:')) t.preps.push(...part.slice(5).split(','));
  }
  return t;
}

function specificity(p: TriggerPattern): number {
  return (p.particle ? 2 : 0) + (p.words.length ? 1 : 0) + (p.preceding?.length ?? 0) + (p.sequence?.length ?? 0) + (p.slots?.compound ? 1 : 0);
}

/** Indexes patterns by lemma, most specific first (particle and word constraints count). */
export function indexPatterns(patterns: TriggerPattern[]): PatternIndex {
  const verbs = new Map<string, TriggerPattern[]>();
  const nouns = new Map<string, TriggerPattern[]>();
  for (const p of patterns) {
    const m = p.kind === 'verb' ? verbs : nouns;
    const list = m.get(p.lemma) ?? [];
    list.push(p);
    m.set(p.lemma, list);
  }
  for (const m of [verbs, nouns]) for (const list of m.values()) list.sort((a, b) => specificity(b) - specificity(a));
  return { verbs, nouns, size: patterns.length };
}

/**
 * Reads newsgraph's own trigger patterns (`data/events/verbs.tsv`, `data/events/nouns.tsv`).
 *
 * @example
 *   loadPatterns().verbs.get('condemn')![0]!.code; // '111'
 */
export function loadPatterns(): PatternIndex {
  cached ??= indexPatterns([...readVerbRows(), ...readNounRows()]);
  return cached;
}
let cached: PatternIndex | undefined;

/** A word sequence column: elements separated by spaces, alternatives by "|", words of an alternative by "_". */
function readSequence(cell: string | undefined): string[] | undefined {
  const out = (cell ?? '').split(' ').filter(Boolean).map((e) => e.replace(/_/g, ' '));
  return out.length ? out : undefined;
}

const SLOT_FLAGS = new Set(['target-after', 'target-subject', 'source-after', 'compound']);

/** Slot flags of imported PETRARCH patterns (`target-after`, `target-subject`, `source-after`, `compound`, `skip:N`). */
function readSlots(flags: Set<string>): TriggerPattern['slots'] {
  const slots: NonNullable<TriggerPattern['slots']> = {};
  if (flags.has('target-after')) slots.target = 'after';
  if (flags.has('target-subject')) slots.target = 'subject';
  if (flags.has('source-after')) slots.source = 'after';
  if (flags.has('compound')) slots.compound = true;
  const skip = [...flags].find((f) => f.startsWith('skip:'));
  if (skip) slots.skip = Number(skip.slice(5));
  return Object.keys(slots).length ? slots : undefined;
}

/**
 * Verb rows of `data/events/verbs.tsv` (or a file in its format, such as an imported PETRARCH dictionary)
 * as patterns. Optional columns 8 and 9 (`before`, `after`) hold word sequences that must occur before and
 * after the verb.
 *
 * @example
 *   readVerbRows()[0]!.lemma; // 'remark'
 */
export function readVerbRows(file = dataPath('events', 'verbs.tsv'), entryName = 'data/events/verbs.tsv'): TriggerPattern[] {
  return readTsv(file).map((r) => {
    const [lemma, particle, object, code, target, flagCell, label, before, after] = r.cells;
    const all = new Set((flagCell ?? '').split(',').filter(Boolean));
    const preceding = readSequence(before);
    const sequence = readSequence(after);
    const slots = readSlots(all);
    // slot flags live in `slots`; the rest stay flags
    const flags = new Set([...all].filter((f) => !SLOT_FLAGS.has(f) && !f.startsWith('skip:')));
    return {
      id: `verb:${lemma}${particle ? '_' + particle : ''}:${code}${preceding || sequence ? ':' + r.line : ''}`,
      kind: 'verb' as const,
      lemma: lemma!,
      particle: particle || null,
      words: object ? object.split('|') : [],
      code: code!,
      target: parseTarget(target ?? 'obj'),
      flags,
      label: label || lemma!,
      entry: `${entryName}:${r.line}`,
      ...(preceding ? { preceding } : {}),
      ...(sequence ? { sequence } : {}),
      ...(slots ? { slots } : {}),
    };
  });
}

/**
 * Writes verb patterns in the format of `data/events/verbs.tsv` (with the optional `before`/`after`
 * sequence columns), so an imported PETRARCH dictionary can be reviewed and edited like newsgraph's own.
 *
 * @example
 *   verbRowsTsv(importPetrarchVerbs(text, 'verbs.txt'), 'verbs.txt'); // '# Imported from verbs.txt ...\nlemma\tparticle...'
 */
export function verbRowsTsv(patterns: TriggerPattern[], source: string): string {
  const seq = (xs?: string[]): string => (xs ?? []).map((e) => e.replace(/ /g, '_')).join(' ');
  const target = (t: TargetSpec): string => [t.obj ? 'obj' : '', t.preps.length ? `prep:${t.preps.join(',')}` : '', t.governor ? 'governor' : ''].filter(Boolean).join('|') || 'none';
  const flags = (p: TriggerPattern): string => {
    const out = [...p.flags];
    if (p.slots?.target === 'after') out.push('target-after');
    if (p.slots?.target === 'subject') out.push('target-subject');
    if (p.slots?.source === 'after') out.push('source-after');
    if (p.slots?.compound) out.push('compound');
    if (p.slots?.skip) out.push(`skip:${p.slots.skip}`);
    return out.join(',');
  };
  const rows = patterns.map((p) => [p.lemma, p.particle ?? '', p.words.join('|'), p.code, target(p.target), flags(p), p.label, seq(p.preceding), seq(p.sequence)].join('\t'));
  return [
    `# Imported from ${source} by newsgraph dictionaries import petrarch (format of data/events/verbs.tsv).`,
    '# before/after: words that must occur, in order, before/after the verb; "|" separates alternatives (a PETRARCH',
    '# synset), "_" joins adjacent words. flags: external (code kept as is), reverse:CODE (paired code), target-after',
    '# (target follows the after-words), target-subject/source-after (PETRARCH "+" before and "$" after the verb),',
    '# compound (coordinated subjects act on each other), skip:N (noun phrases skipped before the target).',
    'lemma\tparticle\tobject\tcode\ttarget\tflags\tlabel\tbefore\tafter',
    ...rows,
  ].join('\n') + '\n';
}

/**
 * Reads extra verb pattern files (the format of `data/events/verbs.tsv`) and indexes them before
 * newsgraph's own patterns, so a user's rows win over the shipped ones for the same verb.
 *
 * @example
 *   loadPatternsWith(['my-verbs.tsv']).verbs.get('restore'); // the user's rows first
 */
export function loadPatternsWith(files: string[]): PatternIndex {
  if (!files.length) return loadPatterns();
  const key = files.join('\0');
  let index = withFiles.get(key);
  if (!index) {
    const own = loadPatterns();
    const extra = files.flatMap((f) => readVerbRows(f, f));
    const merged = indexPatterns(extra);
    for (const [lemma, list] of own.verbs) merged.verbs.set(lemma, [...(merged.verbs.get(lemma) ?? []), ...list]);
    for (const [lemma, list] of own.nouns) merged.nouns.set(lemma, [...(merged.nouns.get(lemma) ?? []), ...list]);
    index = { verbs: merged.verbs, nouns: merged.nouns, size: merged.size + own.size };
    withFiles.set(key, index);
  }
  return index;
}
const withFiles = new Map<string, PatternIndex>();

/** Noun rows of `data/events/nouns.tsv` as patterns. */
export function readNounRows(file = dataPath('events', 'nouns.tsv')): TriggerPattern[] {
  return readTsv(file).map((r) => {
    const [head, modifiers, code, target, flags, label] = r.cells;
    // "for" in the modifiers column of "call" is a following word, not a modifier
    const mods = modifiers ? modifiers.split('|') : [];
    const following = head === 'call' && mods[0] === 'for' ? 'for' : null;
    return {
      id: `noun:${head}${mods.length ? '_' + mods[0] : ''}:${code}`,
      kind: 'noun' as const,
      lemma: head!,
      particle: following,
      words: following ? [] : mods,
      code: code!,
      target: parseTarget(target ?? ''),
      flags: new Set((flags ?? '').split(',').filter(Boolean)),
      label: label || head!,
      entry: `data/events/nouns.tsv:${r.line}`,
    };
  });
}
