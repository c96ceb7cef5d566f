import { franc } from 'franc-min';
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
  const code = franc(sample, { minLength: 20 });
  if (code === 'und') {
    const letters = sample.match(/\p{L}/gu)?.length ?? 0;
    const ascii = sample.match(/[A-Za-z]/g)?.length ?? 0;
    return letters > 0 && ascii / letters > 0.9 ? 'en' : 'und';
  }
  return ISO3_TO_1[code] ?? code;
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
