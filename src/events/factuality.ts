import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Modality } from '../contract.js';
import { dataPath } from '../paths.js';

type CueClass = Exclude<Modality, 'asserted'>;
const CLASSES: CueClass[] = ['denied', 'negated', 'hypothetical', 'future', 'reported'];

interface ClassSpec {
  scope: 'clause' | 'complement';
  window: number;
  cues: string[][];
}

/** Compiled factuality cues (`data/factuality/cues.yaml`). */
export interface Cues {
  classes: Record<CueClass, ClassSpec>;
  boundaries: Set<string>;
  ignore: string[][];
  commaScoped: Set<string>;
  evidential: string[][];
}

/** The factuality of a trigger and the cue that decided it. */
export interface Factuality {
  modality: Modality;
  /** The cue phrase, or null when asserted without a cue. */
  cue: string | null;
  /** Token index where the cue starts. */
  cueAt: number | null;
  /** Writer-endorsed evidential that was seen ("all the evidence indicates"), kept for the reader. */
  evidential?: string;
}

/** Word sequence of a cue phrase, split the way the tokenizer splits ("today's" → today 's). */
export function cueWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/(\w)'s\b/g, "$1 's")
    .replace(/(\w)n't\b/g, "$1 n't")
    .split(/\s+/)
    .filter(Boolean);
}

let cached: Cues | undefined;

/** Loads and compiles `data/factuality/cues.yaml`. */
export function loadCues(): Cues {
  if (cached) return cached;
  const raw = parseYaml(readFileSync(dataPath('factuality', 'cues.yaml'), 'utf8')) as Record<string, unknown>;
  const classes = {} as Record<CueClass, ClassSpec>;
  for (const c of CLASSES) {
    const spec = raw[c] as { scope: 'clause' | 'complement'; window: number; cues: string[] };
    classes[c] = { scope: spec.scope, window: spec.window, cues: spec.cues.map(cueWords) };
  }
  cached = {
    classes,
    boundaries: new Set((raw.boundaries as string[]).map((b) => b.toLowerCase())),
    ignore: ((raw.ignore as string[]) ?? []).map(cueWords),
    commaScoped: new Set(((raw.comma_scoped as string[]) ?? []).map((c) => cueWords(c).join(' '))),
    evidential: ((raw.evidential as string[]) ?? []).map(cueWords),
  };
  return cached;
}

/** The tokens factuality needs: normal forms by index. */
export interface WordView {
  word(i: number): string;
}

const HARD_BOUNDARY = new Set([';', ':', '—', '–', '(', ')', '"', '“', '”']);

/** Cue lists indexed by first word (wildcard-first cues apart), built once per list: a clause is scanned per trigger. */
const cueIndex = new WeakMap<string[][], { byFirst: Map<string, number[]>; wild: number[] }>();

/** The cues of `list` that can start with word `w`, in the list's order. */
function candidates(list: string[][], w: string): string[][] {
  let index = cueIndex.get(list);
  if (!index) {
    index = { byFirst: new Map(), wild: [] };
    list.forEach((words, k) => {
      if (words[0] === '*') index!.wild.push(k);
      else index!.byFirst.set(words[0]!, [...(index!.byFirst.get(words[0]!) ?? []), k]);
    });
    cueIndex.set(list, index);
  }
  const hits = index.byFirst.get(w);
  if (!index.wild.length) return hits ? hits.map((k) => list[k]!) : [];
  return [...(hits ?? []), ...index.wild].sort((a, b) => a - b).map((k) => list[k]!);
}

function matchAt(v: WordView, i: number, words: string[], limit: number): boolean {
  if (i + words.length > limit) return false;
  for (let k = 0; k < words.length; k++) if (words[k] !== '*' && v.word(i + k) !== words[k]) return false;
  return true;
}

/**
 * Decides the modality of the trigger at token `trigger` from the cues that govern it in its clause.
 * `from` is the first token of the sentence. Cues must precede the trigger; a clause boundary between the
 * cue and the trigger ends its scope; "if"-type cues end at the first comma.
 *
 * @example
 *   // tokens of "Russia might abandon Assad." with trigger = index of "abandon"
 *   factualityOf(view, 0, 2).modality; // 'hypothetical'
 */
export function factualityOf(v: WordView, from: number, trigger: number, cues: Cues = loadCues()): Factuality {
  // the clause start: the nearest boundary before the trigger
  let start = from;
  for (let i = trigger - 1; i >= from; i--) {
    const w = v.word(i);
    if (HARD_BOUNDARY.has(w) || (cues.boundaries.has(w) && i !== trigger - 1)) {
      start = i + 1;
      break;
    }
  }
  const found: Partial<Record<CueClass, { cue: string; at: number }>> = {};
  let evidential: string | undefined;
  const ignored = new Set<number>();
  for (let i = start; i < trigger; i++) {
    const w = v.word(i);
    for (const ig of candidates(cues.ignore, w)) if (matchAt(v, i, ig, trigger)) for (let k = 0; k < ig.length; k++) ignored.add(i + k);
    for (const ev of candidates(cues.evidential, w)) if (matchAt(v, i, ev, trigger)) evidential = ev.join(' ');
  }
  for (const cls of CLASSES) {
    const spec = cues.classes[cls];
    for (let i = start; i < trigger; i++) {
      if (ignored.has(i)) continue;
      for (const words of candidates(spec.cues, v.word(i))) {
        if (!matchAt(v, i, words, trigger)) continue;
        const end = i + words.length;
        if (spec.scope === 'complement' && trigger - end >= spec.window) continue;
        if (cues.commaScoped.has(words.join(' '))) {
          let closed = false;
          for (let k = end; k < trigger; k++) if (v.word(k) === ',') closed = true;
          if (closed) continue;
        }
        found[cls] = { cue: words.join(' '), at: i };
      }
    }
  }
  for (const cls of CLASSES) {
    const f = found[cls];
    if (f) return { modality: cls, cue: f.cue, cueAt: f.at, ...(evidential ? { evidential } : {}) };
  }
  return { modality: 'asserted', cue: null, cueAt: null, ...(evidential ? { evidential } : {}) };
}
