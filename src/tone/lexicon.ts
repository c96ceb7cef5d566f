import { readFileSync } from 'node:fs';
import { NewsgraphError } from '../errors.js';
import { dataPath } from '../paths.js';

/** A tone lexicon: single words and multi-word phrases (as lower-case lemma sequences) with polarity ±1. */
export interface ToneLexicon {
  words: Map<string, number>;
  /** Phrases keyed by their first word, longest first. */
  phrases: Map<string, Array<{ words: string[]; polarity: number }>>;
}

export const TONE_LEXICON_FILE = dataPath('tone', 'lexicon.tsv');

/**
 * Parses a TSV lexicon (`word<TAB>+1|-1`, `#` comments); throws NG_DATA with file and line on a bad row.
 *
 * @example
 *   parseToneLexicon('dictator\t-1\nwar crime\t-1\n', 'x.tsv').phrases.get('war'); // [{ words: ['war','crime'], polarity: -1 }]
 */
export function parseToneLexicon(text: string, file: string): ToneLexicon {
  const words = new Map<string, number>();
  const phrases = new Map<string, Array<{ words: string[]; polarity: number }>>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [word, pol, extra] = line.split('\t');
    if (!word || !pol || extra !== undefined || !/^[+-]1$/.test(pol.trim()) || word !== word.toLowerCase().trim()) {
      throw new NewsgraphError('NG_DATA', `${file}:${i + 1}`, "expected 'word<TAB>+1' or 'word<TAB>-1' in lower case");
    }
    const polarity = Number(pol);
    const parts = word.split(' ');
    if (parts.length === 1) {
      if (words.has(word)) throw new NewsgraphError('NG_DATA', `${file}:${i + 1}`, `duplicate word '${word}'`);
      words.set(word, polarity);
    } else {
      const list = phrases.get(parts[0]!) ?? [];
      list.push({ words: parts, polarity });
      list.sort((a, b) => b.words.length - a.words.length);
      phrases.set(parts[0]!, list);
    }
  });
  return { words, phrases };
}

let cached: ToneLexicon | undefined;
/** The built-in lexicon `data/tone/lexicon.tsv`, loaded once. */
export function toneLexicon(): ToneLexicon {
  return (cached ??= parseToneLexicon(readFileSync(TONE_LEXICON_FILE, 'utf8'), TONE_LEXICON_FILE));
}
