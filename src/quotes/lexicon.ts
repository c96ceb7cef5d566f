import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { NewsgraphError } from '../errors.js';
import { dataPath } from '../paths.js';

const SpeechVerbs = z.object({
  verbs: z.array(
    z.object({
      lemma: z.string().min(1),
      addressee: z.enum(['object', 'to']).optional(),
      modality: z.enum(['reported', 'denied']).optional(),
    }),
  ),
  phrases: z.array(z.object({ text: z.string().min(1), speakerAfter: z.boolean() })),
});
export type SpeechLexicon = z.infer<typeof SpeechVerbs>;
export type SpeechVerb = SpeechLexicon['verbs'][number];

export const SPEECH_VERBS_FILE = dataPath('quotes', 'speech-verbs.yaml');

let cached: { byLemma: Map<string, SpeechVerb>; phrases: string[][] } | undefined;

/** Parses and validates a speech-verb lexicon; throws NG_DATA naming the file on a bad one. */
export function parseSpeechLexicon(text: string, file: string): SpeechLexicon {
  const result = SpeechVerbs.safeParse(parse(text));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new NewsgraphError('NG_DATA', file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

/**
 * The speech verbs (by lemma) and attribution phrases of `data/quotes/speech-verbs.yaml`, loaded once.
 *
 * @example
 *   speechLexicon().byLemma.get('tell'); // { lemma: 'tell', addressee: 'object' }
 */
export function speechLexicon(): { byLemma: Map<string, SpeechVerb>; phrases: string[][] } {
  if (cached) return cached;
  const lex = parseSpeechLexicon(readFileSync(SPEECH_VERBS_FILE, 'utf8'), SPEECH_VERBS_FILE);
  cached = {
    byLemma: new Map(lex.verbs.map((v) => [v.lemma, v])),
    phrases: lex.phrases.map((p) => p.text.toLowerCase().split(/\s+/)),
  };
  return cached;
}
