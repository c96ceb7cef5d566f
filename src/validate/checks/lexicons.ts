import { readFileSync } from 'node:fs';
import { NewsgraphError } from '../../errors.js';
import { parseSpeechLexicon, SPEECH_VERBS_FILE } from '../../quotes/lexicon.js';
import { parseToneLexicon, TONE_LEXICON_FILE } from '../../tone/lexicon.js';
import type { DataValidator } from '../validator.js';

/** The tone lexicon and the speech-verb list parse, with no duplicates. */
const lexicons: DataValidator = {
  name: 'lexicons',
  validate() {
    const problems: string[] = [];
    const check = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        if (err instanceof NewsgraphError) problems.push(err.message);
        else throw err;
      }
    };
    check(() => parseToneLexicon(readFileSync(TONE_LEXICON_FILE, 'utf8'), TONE_LEXICON_FILE));
    check(() => {
      const lex = parseSpeechLexicon(readFileSync(SPEECH_VERBS_FILE, 'utf8'), SPEECH_VERBS_FILE);
      const seen = new Set<string>();
      for (const v of lex.verbs) {
        if (seen.has(v.lemma)) problems.push(`${SPEECH_VERBS_FILE}: duplicate verb '${v.lemma}'`);
        seen.add(v.lemma);
      }
    });
    return problems;
  },
};
export default lexicons;
