/**
 * Hand-built analyses (the contract shape, with entities, events, places, times, relations, quotes
 * and tone) for the store test suite and the export tests: the analysis stages may be
 * incomplete, the store must still be tested on everything the contract can hold.
 *
 * Three articles: `a1` (a meeting in Moscow and an attack in Idlib), `b1` (another outlet's
 * report of the same attack) and `c1` (an exact reprint of `a1` under another id).
 * Offsets are computed from the texts, so they are right by construction.
 */
import { createHash } from 'node:crypto';
import { SCHEMA, type Analysis, type Entity, type Event, type Span } from '../contract.js';

const TEXT_A =
  'Russian President Vladimir Putin met Syrian President Bashar al-Assad in Moscow on Monday. ' +
  'Syrian government forces attacked rebels in Idlib on Sunday. ' +
  'Putin said: "Russia backs Assad." ' +
  'Assad might threaten Turkey.';

const TEXT_B =
  'Government troops loyal to Bashar al-Assad attacked rebel positions in Idlib, witnesses said. ' +
  'The Syrian leader has Russian support.';

function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?]+[.!?]"?\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].trimEnd().length });
  return out;
}

function span(text: string, needle: string, from = 0): Span & { text: string } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

/** The span of `needle` inside the first occurrence of `context`. */
function within(text: string, context: string, needle: string): Span & { text: string } {
  return span(text, needle, span(text, context).start);
}

function sentenceIndex(sentences: Span[], at: number): number {
  return sentences.findIndex((s) => at >= s.start && at < s.end);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function event(text: string, sentences: Span[], init: Omit<Event, 'sentence' | 'trigger' | 'evidence'> & { trigger: string }): Event {
  const trigger = span(text, init.trigger);
  const sentence = sentenceIndex(sentences, trigger.start);
  const s = sentences[sentence]!;
  return { ...init, sentence, trigger, evidence: text.slice(s.start, s.end) };
}

/** Article a1: four sentences, six entities, three events (one hypothetical), a relation, a quote, tone. */
export function articleA(id = 'a1'): Analysis {
  const text = TEXT_A;
  const sentences = sentencesOf(text);
  const entities: Entity[] = [
    { id: 'e1', name: 'Vladimir Putin', type: 'PERSON', kb: { qid: 'Q7747', cameo: 'RUSGOV', country: 'RU' },
      roles: [{ title: 'President', org: 'Russia', from: '2012-05-07', to: null }],
      mentions: [{ ...span(text, 'Vladimir Putin'), role: 'Russian President' }, within(text, 'Putin said', 'Putin')] },
    { id: 'e2', name: 'Bashar al-Assad', type: 'PERSON', kb: { qid: 'Q44329', cameo: 'SYRGOV', country: 'SY' },
      roles: [{ title: 'President', org: 'Syria', from: '2000-07-17', to: null }],
      mentions: [span(text, 'Bashar al-Assad'), within(text, 'backs Assad', 'Assad'), within(text, 'Assad might', 'Assad')] },
    { id: 'e3', name: 'Moscow', type: 'GPE', kb: { qid: 'Q649', cameo: null, country: 'RU' }, roles: [], mentions: [span(text, 'Moscow')] },
    { id: 'e4', name: 'Idlib', type: 'GPE', kb: null, roles: [], mentions: [span(text, 'Idlib')] },
    { id: 'e5', name: 'rebels', type: 'ORG', kb: null, roles: [], mentions: [span(text, 'rebels')] },
    { id: 'e6', name: 'Syrian government forces', type: 'ORG', kb: { qid: null, id: 'syr-mil', cameo: 'SYRMIL', country: 'SY' }, roles: [], mentions: [span(text, 'Syrian government forces')] },
    { id: 'e7', name: 'Turkey', type: 'GPE', kb: { qid: 'Q43', cameo: 'TUR', country: 'TR' }, roles: [], mentions: [span(text, 'Turkey')] },
  ];
  const events: Event[] = [
    event(text, sentences, {
      id: 'v1', code: '040', root: '04', quadClass: 1, goldstein: 1, plover: { type: 'CONSULT', mode: 'visit' },
      label: 'Putin met Assad', source: 'e1', target: 'e2', date: { from: '2017-04-10', to: '2017-04-10' }, place: 'e3',
      modality: 'asserted', trigger: 'met', rule: 'consult/meet', confidence: 0.9, provenance: { stage: 'events', rule: 'consult/meet', entry: 'verbs.yaml:12' },
    }),
    event(text, sentences, {
      id: 'v2', code: '190', root: '19', quadClass: 4, goldstein: -10, plover: { type: 'ASSAULT', mode: null },
      label: 'government forces attacked rebels', source: 'e6', target: 'e5', date: { from: '2017-04-09', to: '2017-04-09' }, place: 'e4',
      modality: 'asserted', trigger: 'attacked', rule: 'assault/attack', confidence: 0.8,
    }),
    event(text, sentences, {
      id: 'v3', code: '138', root: '13', quadClass: 3, goldstein: -7, plover: { type: 'THREATEN', mode: null },
      label: 'Assad might threaten Turkey', source: 'e2', target: 'e7', date: null, place: null,
      modality: 'hypothetical', trigger: 'threaten', rule: 'threaten/verb', confidence: 0.5,
    }),
  ];
  const quote = span(text, 'Russia backs Assad.');
  return {
    schema: SCHEMA,
    document: {
      id, source: `fixtures/${id}.txt`, title: 'Putin meets Assad', date: '2017-04-11', dateSource: 'metadata', authors: ['A. Writer'],
      outlet: 'The Telegraph', genre: 'news', caption: null, imageCredit: null, copyright: null, language: 'en', text, contentHash: hash(text),
    },
    sentences,
    entities,
    places: [
      { entity: 'e3', name: 'Moscow', lat: 55.75, lon: 37.62, country: 'RU', geonameId: 524901, featureCode: 'PPLC', candidates: [{ name: 'Moscow', lat: 55.75, lon: 37.62, country: 'RU', score: 0.99 }], reason: 'capital' },
      { entity: 'e4', name: 'Idlib', lat: 35.93, lon: 36.63, country: 'SY', geonameId: 169389, featureCode: 'PPLA', candidates: [], reason: 'country focus SY' },
    ],
    times: [{ ...span(text, 'on Monday'), value: '2017-04-10', from: '2017-04-10', to: '2017-04-10', grain: 'day' }],
    events,
    relations: [{ type: 'backs', polarity: 'positive', source: 'e1', target: 'e2', modality: 'asserted', evidence: { sentence: 2, start: sentences[2]!.start, end: sentences[2]!.end } }],
    quotes: [{ ...quote, speaker: 'e1', addressee: null, cue: 'said', kind: 'direct' }],
    tone: { score: -2.5, positive: 1.2, negative: 3.7, polarity: 4.9, wordCount: 42, stance: [{ entity: 'e2', score: 0.4 }] },
    diagnostics: [],
  };
}

/** Article b1: another outlet's report of the Idlib attack of a1 (same dyad, root, place, overlapping dates). */
export function articleB(id = 'b1'): Analysis {
  const text = TEXT_B;
  const sentences = sentencesOf(text);
  const entities: Entity[] = [
    { id: 'e1', name: 'Syrian government forces', type: 'ORG', kb: { qid: null, id: 'syr-mil', cameo: 'SYRMIL', country: 'SY' }, roles: [], mentions: [span(text, 'Government troops')] },
    { id: 'e2', name: 'Rebels', type: 'ORG', kb: null, roles: [], mentions: [span(text, 'rebel')] },
    { id: 'e3', name: 'Idlib', type: 'GPE', kb: null, roles: [], mentions: [span(text, 'Idlib')] },
    { id: 'e4', name: 'Bashar al-Assad', type: 'PERSON', kb: { qid: 'Q44329', cameo: 'SYRGOV', country: 'SY' }, roles: [], mentions: [span(text, 'Bashar al-Assad')] },
    { id: 'e5', name: 'Russia', type: 'GPE', kb: { qid: 'Q159', cameo: 'RUS', country: 'RU' }, roles: [], mentions: [span(text, 'Russian')] },
  ];
  return {
    schema: SCHEMA,
    document: {
      id, source: `https://example.org/${id}`, title: 'Idlib attacked', date: '2017-04-10', dateSource: 'metadata', authors: [],
      outlet: 'Example Wire', genre: 'news', caption: null, imageCredit: null, copyright: null, language: 'en', text, contentHash: hash(text),
    },
    sentences,
    entities,
    places: [{ entity: 'e3', name: 'Idlib', lat: 35.93, lon: 36.63, country: 'SY', geonameId: 169389, featureCode: 'PPLA', candidates: [], reason: 'only candidate' }],
    times: [],
    events: [
      event(text, sentences, {
        id: 'v1', code: '193', root: '19', quadClass: 4, goldstein: -10, plover: { type: 'ASSAULT', mode: null },
        label: 'troops attacked rebel positions', source: 'e1', target: 'e2', date: null, place: 'e3',
        modality: 'reported', trigger: 'attacked', rule: 'assault/attack', confidence: 0.7,
      }),
    ],
    relations: [{ type: 'supports', polarity: 'positive', source: 'e5', target: 'e4', modality: 'asserted', evidence: { sentence: 1, start: sentences[1]!.start, end: sentences[1]!.end } }],
    quotes: [],
    tone: null,
    diagnostics: [{ code: 'NG_DATE_UNRESOLVED', message: 'no date', stage: 'times' }],
  };
}

/** Article c1: a1 reprinted word for word by another outlet. */
export function articleC(id = 'c1'): Analysis {
  const a = articleA(id);
  return { ...a, document: { ...a.document, source: `https://reprint.example/${id}`, outlet: 'Reprint Daily', authors: [] } };
}
