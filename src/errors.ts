/**
 * The one catalogue of newsgraph's error and diagnostic codes.
 *
 * Errors (`NewsgraphError`) are for operator mistakes that stop the work: an unreadable
 * file, a bad option, a corrupt database. Diagnostics are problems found *in the text*
 * (an unresolvable date, an unknown place) and are attached to the document instead.
 * Stages add their own codes here so that users find every code in one place.
 *
 * @example
 *   throw new NewsgraphError('NG_INPUT_EMPTY', 'article.txt', 'the file is empty');
 */
export const CODES = {
  // input and operator errors
  NG_INPUT_MISSING: 'no such file or directory',
  NG_INPUT_DIRECTORY: 'is a directory, not a file',
  NG_INPUT_EMPTY: 'input is empty',
  NG_INPUT_BINARY: 'input looks binary, not text',
  NG_INPUT_TOO_LARGE: 'input is larger than the size cap',
  NG_INPUT_ENCODING: 'input is not valid text in any supported encoding',
  NG_INPUT_NO_ARTICLE: 'HTML has no article text',
  NG_INPUT_JSON: 'malformed JSON',
  NG_INPUT_RECORD: 'record has neither text nor html',
  NG_INPUT_FETCH: 'could not fetch URL',
  NG_INPUT_DATE: 'invalid date',
  NG_CONFIG: 'invalid configuration',
  NG_PIPELINE: 'invalid pipeline',
  NG_DATA: 'invalid data file',
  NG_DB: 'database error',
  NG_DB_LOCKED: 'store is being written by another process',
  NG_DB_SCHEMA: 'store schema is newer than this newsgraph',
  NG_DB_FOREIGN: 'not a newsgraph store',
  NG_USAGE: 'invalid usage',
  NG_QUEUE: 'work queue error',
  // diagnostics on documents
  NG_LANGUAGE_UNSUPPORTED: 'language not supported; language-dependent stages skipped',
  NG_MOJIBAKE_REPAIRED: 'mis-decoded characters were repaired',
  NG_DATE_UNRESOLVED: 'date expression could not be resolved',
  NG_DATE_INVALID: 'date expression names an impossible date',
  NG_PLACE_UNKNOWN: 'place name not found in the gazetteer',
  NG_ACTOR_UNLINKED: 'actor not found in the knowledge base',
  NG_EVENT_GAVE_UP: 'event coding gave up on this sentence',
  NG_SENTENCE_TOO_LONG: 'sentence too long for full analysis',
  NG_EVENT_DISCARDED: 'not event-coded: the text contains a discard phrase (sports, weather...)',
  NG_QUOTE_UNBALANCED: 'unbalanced quotation marks',
  NG_STAGE_SKIPPED: 'stage skipped',
} as const;

export type Code = keyof typeof CODES;

/** An error an operator can act on: names the input and the problem, never needs a stack trace. */
export class NewsgraphError extends Error {
  constructor(
    readonly code: Code,
    /** The input, file, URL or option concerned (shown first in the one-line message). */
    readonly subject: string,
    /** What is wrong, in plain words; defaults to the catalogue text. */
    readonly detail: string = CODES[code],
  ) {
    super(subject ? `${subject}: ${detail}` : detail);
    this.name = 'NewsgraphError';
  }
}

/** The non-throwing form of public entry points. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: NewsgraphError };

/** Runs `fn` and turns a thrown NewsgraphError into `{ ok: false }`; other errors are bugs and rethrown. */
export function attempt<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof NewsgraphError) return { ok: false, error: err };
    throw err;
  }
}

/** Async twin of {@link attempt}. */
export async function attemptAsync<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof NewsgraphError) return { ok: false, error: err };
    throw err;
  }
}
