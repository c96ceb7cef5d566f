import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Genre } from '../contract.js';
import { NewsgraphError } from '../errors.js';
import { dataPath } from '../paths.js';

const words = z.array(z.string().min(1)).min(1);

export const CuesSchema = z.object({
  credit_labels: words,
  agencies: words,
  caption_words: words,
  copyright_starts: words,
  copyright_words: words,
  outlet_suffixes: words,
  bio_roles: words,
  byline_starts: words,
  reporting_credits: words,
});

const genre = z.enum(['news', 'opinion', 'analysis', 'other']);
export const GenreSchema = z.object({
  threshold: z.number().positive(),
  sections: z.partialRecord(genre, words),
  cues: z
    .array(
      z.object({
        id: z.enum(['bio-line', 'columnist-word', 'first-person', 'argument-phrases', 'agency-dateline', 'attribution', 'analysis-title']),
        genre,
        weight: z.number().positive(),
        words: words.optional(),
        min: z.number().int().positive().optional(),
        per_1000_words: z.number().positive().optional(),
        per_sentence: z.number().positive().optional(),
      }),
    )
    .min(1),
});

export type Cues = z.infer<typeof CuesSchema>;
export type GenreRules = z.infer<typeof GenreSchema>;

/** Reads and validates one YAML file of data/structure/; throws NG_DATA naming the file and field. */
export function loadStructureFile<T>(name: string, schema: z.ZodType<T>): T {
  const file = dataPath('structure', name);
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new NewsgraphError('NG_DATA', `data/structure/${name}`, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

let cached: { cues: Cues; genre: GenreRules } | undefined;
/** The structure stage's cue data, loaded once. */
export function structureData(): { cues: Cues; genre: GenreRules } {
  return (cached ??= { cues: loadStructureFile('cues.yaml', CuesSchema), genre: loadStructureFile('genre.yaml', GenreSchema) });
}

/**
 * The genre a metadata section names ("Opinion", "Comment is free" → opinion), or undefined.
 *
 * @example
 *   genreFromSection('Opinion'); // 'opinion'
 */
export function genreFromSection(section: string | undefined): Genre | undefined {
  if (!section) return undefined;
  const s = section.toLowerCase();
  for (const [g, list] of Object.entries(structureData().genre.sections)) {
    if (list!.some((w) => new RegExp(`(^|[^\\p{L}])${escapeRe(w.toLowerCase())}($|[^\\p{L}])`, 'u').test(s))) return g as Genre;
  }
  return undefined;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
