import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { ENTITY_TYPES_FOR_LEXICON, ROLE_KINDS } from '../kb/types.js';
import { dataPath } from '../paths.js';

const words = z.array(z.string().min(1));
const kind = z.enum(ROLE_KINDS);

const TitlesSchema = z.object({
  titles: z.array(z.object({ title: z.string().min(1), kind: kind.optional() })),
  gendered: z.object({ m: words, f: words }),
});
const EpithetsSchema = z.object({
  leader: words,
  kinds: z.record(z.string(), kind),
  government: words,
  /** Noun after a country cue -> KB institution kind ("Russian forces" -> military). */
  institutions: z.record(z.string(), z.string().min(1)).default({}),
  /** Lower-case collective actors ("world powers"). */
  groups: words.default([]),
});
const PronounsSchema = z.object({ lookback: z.number().int().min(0).max(10), m: words, f: words });
const MetonymySchema = z.object({
  place: z.object({ prepositions: words, nouns_of: words, verbs: words }),
  actor: z.object({
    subject_verbs: z.boolean(),
    before: words,
    after_nouns: words,
    possessive: z.boolean(),
    possessive_place_nouns: words,
  }),
});
const NamesSchema = z.object({
  particles: words,
  org_suffixes: words,
  org_prefixes: words,
  loc_suffixes: words,
  fac_suffixes: words,
  other_suffixes: words,
  other_prefixes: words,
  not_names: words,
  place_prepositions: words,
  first_names: z.object({ m: words, f: words }),
  person_cues_after: words,
  person_cues_before: words,
  person_only_cues: words,
});
const NonPersonSchema = z.record(z.string(), z.enum(ENTITY_TYPES_FOR_LEXICON).nullable());

const FILES = {
  titles: TitlesSchema,
  epithets: EpithetsSchema,
  pronouns: PronounsSchema,
  metonymy: MetonymySchema,
  names: NamesSchema,
  'non-person': NonPersonSchema,
} as const;
type Files = { [K in keyof typeof FILES]: z.infer<(typeof FILES)[K]> };

/** The actors stage's word lists, as read from `data/actors-lexicon/*.yaml`. */
export type ActorsLexicon = Files;

function readLexiconFile<K extends keyof Files>(name: K): { value?: Files[K]; problems: string[] } {
  const shown = `data/actors-lexicon/${name}.yaml`;
  let text: string;
  try {
    text = readFileSync(dataPath('actors-lexicon', `${name}.yaml`), 'utf8');
  } catch (err) {
    return { problems: [`${shown}:1: cannot read: ${(err as Error).message}`] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) return { problems: doc.errors.map((e) => `${shown}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]}`) };
  const parsed = FILES[name].safeParse(doc.toJSON());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => {
        const node = doc.getIn(i.path as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
        const line = node?.range ? lines.linePos(node.range[0]).line : 1;
        return `${shown}:${line}: ${i.path.join('.')}: ${i.message}`;
      }),
    };
  }
  return { value: parsed.data as Files[K], problems: [] };
}

let cached: ActorsLexicon | undefined;

/**
 * Loads and checks the actors lexicon once per process. A broken lexicon is a packaging bug,
 * reported by `npm run validate-data`; here it throws with every problem.
 *
 * @example
 *   loadLexicon().epithets.leader.includes('dictator') // true
 */
export function loadLexicon(): ActorsLexicon {
  if (cached) return cached;
  const out: Partial<Files> = {};
  const problems: string[] = [];
  for (const name of Object.keys(FILES) as Array<keyof Files>) {
    const r = readLexiconFile(name);
    problems.push(...r.problems);
    (out as Record<string, unknown>)[name] = r.value;
  }
  if (problems.length) throw new Error(`actors lexicon is invalid:\n${problems.join('\n')}`);
  cached = out as ActorsLexicon;
  return cached;
}

/** Problems in the actors lexicon as `file:line: message`, for the data validator. */
export function checkLexicon(): string[] {
  return (Object.keys(FILES) as Array<keyof Files>).flatMap((n) => readLexiconFile(n).problems);
}
