import type { Quote, Span } from '../contract.js';
import type { Doc, MentionSpan } from '../document/doc.js';
import type { TokenLayer } from '../document/tokens.js';
import type { Stage } from '../pipeline/stage.js';
import { speechLexicon, type SpeechVerb } from './lexicon.js';
import { findQuotes, type QuotedSpan } from './spans.js';

/** Entity types that can speak. */
const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
/** How many tokens a speaker or addressee may sit from its speech verb. */
const WINDOW = 6;

/**
 * The `quotes` stage: direct quotations (in quotation marks) and indirect speech (after a
 * speech verb), each with its speaker and addressee resolved to entities and the cue that
 * introduced it. Speech verbs are data (`data/quotes/speech-verbs.yaml`).
 */
export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'tokens', 'mentions', 'entities'],
  assigns: ['quotes'],
  languages: ['en'],
  run(doc) {
    doc.set('quotes', extractQuotes(doc));
  },
};

/**
 * Finds the quotes of a document whose `tokens` and `mentions` layers are assigned.
 *
 * @example
 *   // “As Donald Trump remarked to Theresa May …, there is “a window of opportunity” …”
 *   extractQuotes(doc); // [{ text: 'a window of opportunity', speaker: 'e5', addressee: 'e6', cue: 'remarked', kind: 'direct', ... }]
 */
export function extractQuotes(doc: Doc): Quote[] {
  const tokens = doc.get('tokens');
  const mentions = doc.get('mentions').filter((m) => m.entity && SPEAKER_TYPES.has(m.type));
  const { quotes: spans, unbalanced } = findQuotes(doc.text);
  for (const at of unbalanced) doc.diagnose('NG_QUOTE_UNBALANCED', { start: at, end: at + 1 });

  const inQuote = (offset: number) => spans.some((q) => offset >= q.outer.start && offset < q.outer.end);
  const verbs = speechVerbTokens(tokens, inQuote);
  const out: Quote[] = [];
  const usedVerbs = new Set<number>();

  for (const q of spans) {
    const text = doc.text.slice(q.inner.start, q.inner.end).trim();
    if (!text) continue;
    const attribution = attributeDirect(doc, tokens, mentions, verbs, q);
    if (attribution) usedVerbs.add(attribution.verb);
    out.push({
      text,
      start: q.inner.start,
      end: q.inner.end,
      speaker: attribution?.speaker ?? null,
      addressee: attribution?.addressee ?? null,
      cue: attribution ? tokens.text(attribution.verb) : null,
      kind: 'direct',
      provenance: { stage: 'quotes', rule: attribution?.rule ?? 'quote-marks-unattributed' },
    });
  }

  for (const v of verbs) {
    if (usedVerbs.has(v.token)) continue;
    const indirect = indirectSpeech(doc, tokens, mentions, v, inQuote);
    if (indirect) out.push(indirect);
  }
  return out.sort((a, b) => a.start - b.start);
}

interface VerbToken {
  token: number;
  verb: SpeechVerb;
}

function speechVerbTokens(tokens: TokenLayer, inQuote: (offset: number) => boolean): VerbToken[] {
  const { byLemma } = speechLexicon();
  const out: VerbToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pos = tokens.pos(i);
    if (pos !== 'VERB' && pos !== 'AUX') continue;
    const verb = byLemma.get(tokens.lemma(i)) ?? byLemma.get(tokens.normal(i));
    if (verb && !inQuote(tokens.start(i))) out.push({ token: i, verb });
  }
  return out;
}

interface Attribution {
  verb: number;
  speaker: string | null;
  addressee: string | null;
  rule: string;
}

/** Speaker of a direct quote: the nearest speech verb of the same sentence outside quotes. */
function attributeDirect(
  doc: Doc, tokens: TokenLayer, mentions: MentionSpan[], verbs: VerbToken[], q: QuotedSpan,
): Attribution | null {
  const first = tokens.at(q.outer.start);
  const last = tokens.at(q.outer.end - 1);
  if (first >= tokens.length) return null;
  const sentence = tokens.sentence(first);
  const candidates = verbs.filter((v) => {
    const s = tokens.sentence(v.token);
    return s === sentence || s === tokens.sentence(Math.min(last, tokens.length - 1)) || s === sentence - 1 && endsWithColon(doc, v.token, tokens);
  });
  if (!candidates.length) return null;
  const dist = (v: VerbToken) => (v.token < first ? first - v.token : v.token - last);
  const best = candidates.reduce((a, b) => (dist(b) < dist(a) ? b : a));
  const before = best.token < first;
  const speaker = before
    ? subjectOf(tokens, mentions, best.token, doc)
    : mentionNear(tokens, mentions, best.token + 1, best.token + 1 + WINDOW) ?? subjectOf(tokens, mentions, best.token, doc, q.outer.end);
  const addressee = addresseeOf(tokens, mentions, best);
  return { verb: best.token, speaker, addressee, rule: before ? 'speech-verb-before-quote' : 'speech-verb-after-quote' };
}

function endsWithColon(doc: Doc, token: number, tokens: TokenLayer): boolean {
  const s = doc.get('sentences')[tokens.sentence(token)]!;
  return doc.text.slice(s.start, s.end).trimEnd().endsWith(':');
}

/** The entity mention acting as subject of a speech verb: the closest one to its left, in its clause. */
function subjectOf(tokens: TokenLayer, mentions: MentionSpan[], verb: number, doc: Doc, notBefore = -1): string | null {
  const sentence = doc.get('sentences')[tokens.sentence(verb)]!;
  const from = Math.max(sentence.start, notBefore);
  const verbStart = tokens.start(verb);
  let best: MentionSpan | undefined;
  for (const m of mentions) {
    if (m.start >= from && m.end <= verbStart) best = m;
    if (m.start >= verbStart) break;
  }
  if (best) return best.entity ?? null;
  // "he said": a pronoun subject goes to the nearest person mentioned before it.
  const prev = verb - 1;
  if (prev >= 0 && tokens.pos(prev) === 'PRON' && /^(he|she)$/.test(tokens.normal(prev))) {
    let person: MentionSpan | undefined;
    for (const m of mentions) {
      if (m.end > tokens.start(prev)) break;
      if (m.type === 'PERSON') person = m;
    }
    return person?.entity ?? null;
  }
  return null;
}

function addresseeOf(tokens: TokenLayer, mentions: MentionSpan[], v: VerbToken): string | null {
  const after = v.token + 1;
  if (v.verb.addressee === 'object') return mentionNear(tokens, mentions, after, after + 3);
  if (v.verb.addressee === 'to' && after < tokens.length && tokens.normal(after) === 'to') {
    return mentionNear(tokens, mentions, after + 1, after + 4);
  }
  return null;
}

/** The first linked mention starting within tokens [from, to) of the same sentence. */
function mentionNear(tokens: TokenLayer, mentions: MentionSpan[], from: number, to: number): string | null {
  if (from >= tokens.length) return null;
  const sentence = tokens.sentence(from);
  const lo = tokens.start(from);
  const last = Math.min(to, tokens.length) - 1;
  let hi = tokens.end(last);
  for (let i = from; i <= last; i++) if (tokens.sentence(i) !== sentence) { hi = tokens.start(i); break; }
  const m = mentions.find((x) => x.start >= lo && x.start < hi);
  return m?.entity ?? null;
}

/** Reported speech: "X said (that) …", "X told Y (that) …", "X denied …". */
function indirectSpeech(
  doc: Doc, tokens: TokenLayer, mentions: MentionSpan[], v: VerbToken, inQuote: (o: number) => boolean,
): Quote | null {
  const speaker = subjectOf(tokens, mentions, v.token, doc);
  if (!speaker) return null;
  const sentence = doc.get('sentences')[tokens.sentence(v.token)]!;
  let i = v.token + 1;
  const addressee = addresseeOf(tokens, mentions, v);
  if (addressee) {
    while (i < tokens.length && tokens.start(i) < sentence.end && !/^(that|:|,)$/.test(tokens.normal(i))) i++;
  }
  if (i < tokens.length && /^(that|:)$/.test(tokens.normal(i))) i++;
  else if (!addressee && v.verb.modality !== 'denied') return null; // "said" needs a that-clause or colon to carry content
  if (i >= tokens.length || tokens.start(i) >= sentence.end) return null;
  const start = tokens.start(i);
  let end = sentence.end;
  while (end > start && /[.\s!?]/.test(doc.text[end - 1]!)) end--;
  if (end - start < 3 || inQuote(start)) return null;
  const span: Span = { start, end };
  return {
    text: doc.text.slice(span.start, span.end),
    ...span,
    speaker,
    addressee,
    cue: tokens.text(v.token),
    kind: 'indirect',
    provenance: { stage: 'quotes', rule: v.verb.modality === 'denied' ? 'speech-verb-denial' : 'speech-verb-that-clause' },
  };
}
