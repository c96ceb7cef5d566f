import type { Span } from '../contract.js';
import type { Doc } from '../document/doc.js';
import { POS_CODE, TokenLayer } from '../document/tokens.js';
import type { Stage } from '../pipeline/stage.js';
import { wink } from './wink.js';

/**
 * The `tokens` stage: sentences and tokens with POS tags and lemmas from wink-nlp.
 * Sentences never cross a line break (the normalised text puts each paragraph, caption
 * and credit on its own line). Whitespace tokens are dropped.
 */
export const tokensStage: Stage = {
  name: 'tokens',
  requires: [],
  assigns: ['sentences', 'tokens'],
  languages: ['en'],
  run(doc: Doc) {
    const { sentences, tokens } = tokenize(doc.text);
    doc.set('sentences', sentences);
    doc.set('tokens', tokens);
  },
};

/**
 * Splits `text` into sentences and tokens.
 *
 * @example
 *   const { sentences, tokens } = tokenize('Putin met Mattarella. They talked.');
 *   sentences; // [{ start: 0, end: 21 }, { start: 22, end: 34 }]
 */
export function tokenize(text: string): { sentences: Span[]; tokens: TokenLayer } {
  const nlp = wink();
  const its = nlp.its;
  const wdoc = nlp.readDoc(text);
  // One token collection read five times (each call of tokens() builds a new one).
  const wtokens = wdoc.tokens();
  const values = wtokens.out(its.value) as string[];
  const spaces = wtokens.out(its.precedingSpaces) as string[];
  const tags = wtokens.out(its.pos) as string[];
  const normals = wtokens.out(its.normal) as string[];
  const lemmas = wtokens.out(its.lemma as never) as string[];
  const wsent = new Int32Array(values.length);
  wdoc.sentences().each((s: { out: (f: unknown) => unknown }, k: number) => {
    const [a, b] = s.out(its.span) as [number, number];
    for (let i = a; i <= b; i++) wsent[i] = k;
  });

  // Filled up to n (whitespace tokens are skipped), then cut to length.
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  const pos = new Uint8Array(values.length);
  const sentOf = new Int32Array(values.length);
  const norm: string[] = [];
  const lem: string[] = [];
  const sentences: Span[] = [];
  let n = 0;
  let offset = 0;
  let prevWink = -1;
  let lastEnd = 0;
  // First line break at or after lastEnd (-1: none left); lastEnd only grows, so the scan is linear.
  let nl = text.indexOf('\n');
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length;
    const v = values[i]!;
    const start = offset;
    offset += v.length;
    if (!v.trim()) continue;
    if (nl !== -1 && nl < lastEnd) nl = text.indexOf('\n', lastEnd);
    const newline = nl !== -1 && nl < start;
    if (sentences.length === 0 || wsent[i] !== prevWink || newline) {
      sentences.push({ start, end: offset });
    }
    prevWink = wsent[i]!;
    sentences[sentences.length - 1]!.end = offset;
    lastEnd = offset;
    starts[n] = start;
    ends[n] = offset;
    pos[n] = POS_CODE[tags[i]!] ?? POS_CODE.X!;
    sentOf[n] = sentences.length - 1;
    norm.push(normals[i]!);
    lem.push(lemmas[i] ?? normals[i]!); // wink gives no lemma for some tokens ("Cannot," before a comma)
    n++;
  }
  const layer = new TokenLayer(text, starts.slice(0, n), ends.slice(0, n), pos.slice(0, n), sentOf.slice(0, n), norm, lem);
  return { sentences, tokens: layer };
}
