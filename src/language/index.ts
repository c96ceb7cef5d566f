import { readFileSync } from 'node:fs';
import { franc } from 'franc-min';
import { parse } from 'yaml';
import { dataPath } from '../paths.js';
import type { Doc } from '../document/doc.js';
import type { Stage } from '../pipeline/stage.js';

/** Languages whose text the language-dependent stages handle. */
export const SUPPORTED_LANGUAGES = ['en'] as const;

/** ISO 639-3 (franc) to ISO 639-1 for the languages news commonly comes in. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk',
  arb: 'ar', ara: 'ar', cmn: 'zh', jpn: 'ja', kor: 'ko', tur: 'tr', pes: 'fa', fas: 'fa', pol: 'pl',
  swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', ces: 'cs', ron: 'ro', hun: 'hu', ell: 'el', heb: 'he',
  hin: 'hi', urd: 'ur', ind: 'id', vie: 'vi', tha: 'th', srp: 'sr', hrv: 'hr', bul: 'bg', slk: 'sk',
};

/**
 * Detects the language of `text` (ISO 639-1), or 'und' when the text is too short to tell.
 * Short texts default to English only when they are mostly ASCII letters.
 *
 * @example
 *   detectLanguage('Le président russe a rencontré son homologue italien au Kremlin.'); // 'fr'
 */
export function detectLanguage(text: string): string {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const counts = stopwordCounts(sample);
  const byStopwords = stopwordLanguage(counts);
  if (byStopwords) return byStopwords;
  const code = franc(sample.length > 3000 ? sample.slice(0, 3000) : sample, { minLength: 20 });
  if (code === 'und') {
    const letters = sample.match(/\p{L}/gu)?.length ?? 0;
    const ascii = sample.match(/[A-Za-z]/g)?.length ?? 0;
    return letters > 0 && ascii / letters > 0.9 ? 'en' : 'und';
  }
  const lang = ISO3_TO_1[code] ?? code;
  // franc's guess is a language we list function words for, yet none of them occurs: the text is not
  // prose in that language (English wire tables: "Qtly div 25 cts vs 25 cts prior"); ASCII text → English.
  if (lang !== 'en' && counts.get(lang) === 0) {
    const letters = sample.match(/\p{L}/gu)?.length ?? 0;
    const ascii = sample.match(/[A-Za-z]/g)?.length ?? 0;
    if (letters > 0 && ascii / letters > 0.95) return 'en';
  }
  return lang;
}

let stopwords: Map<string, Set<string>> | undefined;
function stopwordLists(): Map<string, Set<string>> {
  if (!stopwords) {
    const raw = parse(readFileSync(dataPath('language', 'stopwords.yaml'), 'utf8')) as Record<string, string[]>;
    stopwords = new Map(Object.entries(raw).map(([lang, words]) => [lang, new Set(words.map(String))]));
  }
  return stopwords;
}

let stopwordLangs: Map<string, string[]> | undefined;
/** Each function word with the languages whose list has it. */
function stopwordIndex(): Map<string, string[]> {
  if (!stopwordLangs) {
    stopwordLangs = new Map();
    for (const [lang, set] of stopwordLists()) {
      for (const w of set) {
        const langs = stopwordLangs.get(w);
        if (langs) langs.push(lang);
        else stopwordLangs.set(w, [lang]);
      }
    }
  }
  return stopwordLangs;
}

/** How many of the first 400 words of `text` are function words of each listed language. */
function stopwordCounts(text: string): Map<string, number> {
  const words = (text.slice(0, 4000).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 400);
  const counts = new Map<string, number>();
  // One lookup per word in a word → languages index (the counts keep the lists' language order).
  for (const lang of stopwordLists().keys()) counts.set(lang, 0);
  const index = stopwordIndex();
  for (const w of words) {
    const langs = index.get(w);
    if (langs) for (const lang of langs) counts.set(lang, counts.get(lang)! + 1);
  }
  counts.set('_words', words.length);
  return counts;
}

/** The language whose function words make up a clear share of the text's words (from {@link stopwordCounts}), or null when unclear. */
function stopwordLanguage(counts: Map<string, number>): string | null {
  const words = counts.get('_words') ?? 0;
  if (words < 8) return null;
  let best: string | null = null;
  let bestN = 0;
  let second = 0;
  for (const [lang, n] of counts) {
    if (lang === '_words') continue;
    if (n > bestN) { second = bestN; bestN = n; best = lang; } else if (n > second) second = n;
  }
  return best && bestN / words >= 0.15 && bestN >= 2 * second ? best : null;
}

/**
 * The `language` stage: sets `document.language`. When the language is not handled, it says so
 * with an `NG_LANGUAGE_UNSUPPORTED` diagnostic, and the runner skips every stage that declares
 * `languages` without it: such text is never coded as if it were English.
 */
export const languageStage: Stage = {
  name: 'language',
  requires: [],
  assigns: [],
  run(doc: Doc, ctx) {
    const forced = ctx.analysis.language as string | undefined;
    const lang = forced ?? detectLanguage(doc.text);
    doc.info.language = lang;
    if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(lang)) {
      doc.diagnose(
        'NG_LANGUAGE_UNSUPPORTED',
        {},
        `language '${lang}' is not supported yet (supported: ${SUPPORTED_LANGUAGES.join(', ')}); only document structure was analysed`,
      );
    }
  },
};
