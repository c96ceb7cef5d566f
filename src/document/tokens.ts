/**
 * Token layer: a flat, typed-array view of the tokens of a document (wink-nlp style),
 * read through small accessors so that callers never depend on the storage.
 *
 * @example
 *   const t = doc.get('tokens');
 *   for (let i = 0; i < t.length; i++) console.log(t.text(i), t.pos(i));
 */
export class TokenLayer {
  constructor(
    private readonly docText: string,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    /** Index into {@link POS_TAGS}. */
    readonly posCodes: Uint8Array,
    /** Sentence index of each token. */
    readonly sentenceOf: Int32Array,
    /** Lower-cased normal forms, kept as strings because rules compare them constantly. */
    readonly normals: string[],
    /** Lemmas when the tokenizer gives them. */
    readonly lemmas: string[],
  ) {}

  get length(): number {
    return this.starts.length;
  }
  start(i: number): number {
    return this.starts[i]!;
  }
  end(i: number): number {
    return this.ends[i]!;
  }
  text(i: number): string {
    return this.docText.slice(this.starts[i], this.ends[i]);
  }
  normal(i: number): string {
    return this.normals[i]!;
  }
  lemma(i: number): string {
    return this.lemmas[i]!;
  }
  pos(i: number): PosTag {
    return POS_TAGS[this.posCodes[i]!]!;
  }
  sentence(i: number): number {
    return this.sentenceOf[i]!;
  }
  /** Index of the first token whose end is after `offset` (binary search); `length` when none. */
  at(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** Token index range [from, to) covering the character span [start, end). */
  range(start: number, end: number): [number, number] {
    const from = this.at(start);
    let to = from;
    while (to < this.length && this.starts[to]! < end) to++;
    return [from, to];
  }
}

/** Universal POS tags as wink-nlp emits them. */
export const POS_TAGS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART',
  'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE',
] as const;
export type PosTag = (typeof POS_TAGS)[number];
export const POS_CODE: Record<string, number> = Object.fromEntries(POS_TAGS.map((t, i) => [t, i]));
