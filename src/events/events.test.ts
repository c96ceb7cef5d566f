import { describe, expect, it } from 'vitest';
import { proposeEvents } from './coder.js';
import { fixtureDoc, type FixtureActor } from './fixtures.js';

const A = (id: string, cameo: string, type: FixtureActor['type'], ...names: string[]): FixtureActor => ({ id, cameo, type, names });
const ACTORS = [
  A('RUS', 'RUS', 'GPE', 'Russia', 'Moscow'), A('USA', 'USA', 'GPE', 'US', 'Washington'), A('SYR', 'SYR', 'GPE', 'Syria'),
  A('IRN', 'IRN', 'GPE', 'Iran'), A('HEZ', 'LBNMIL', 'ORG', 'Hezbollah'), A('ISR', 'ISR', 'GPE', 'Israel'),
  A('PUT', 'RUSGOV', 'PERSON', 'Putin'), A('ASS', 'SYRGOV', 'PERSON', 'Al Assad regime', 'Al Assad'), A('IDL', 'SYR', 'GPE', 'Idlib'),
  A('MAT', 'ITAGOV', 'PERSON', 'Mattarella'), A('REB', 'SYRREB', 'ORG', 'rebel positions', 'the rebels'),
  A('ITA', 'ITA', 'NORP', 'Italian'),
];

const cases: Array<[string, Array<[string, string, string | null, string]>]> = [
  ['Russia condemned Israel.', [['111', 'RUS', 'ISR', 'asserted']]],
  ['Israel was condemned by Russia.', [['111', 'RUS', 'ISR', 'asserted']]],
  ['Hezbollah has joined Moscow in condemning the US missile strikes on Syria.', [['111', 'HEZ', 'USA', 'asserted'], ['111', 'RUS', 'USA', 'asserted'], ['195', 'USA', 'SYR', 'asserted']]],
  ['Putin agreed to a request from Iran, the Al Assad regime’s main regional backer, to intervene in Syria in the autumn of 2015.', [['020', 'IRN', 'PUT', 'asserted'], ['062', 'PUT', 'SYR', 'asserted']]],
  ['The Al Assad regime was accused of using chemical weapons against rebel positions.', [['2041', 'ASS', 'REB', 'reported']]],
  ['Putin did not attack Israel.', [['190', 'PUT', 'ISR', 'negated']]],
  ['It looked as though the rebels were about to capture Idlib.', [['192', 'REB', 'IDL', 'hypothetical']]],
  ['Putin met Mattarella in Moscow.', [['040', 'PUT', 'MAT', 'asserted'], ['040', 'MAT', 'PUT', 'asserted']]],
  ['Putin’s stubborn refusal to abandon Al Assad is well known.', [['161', 'PUT', 'ASS', 'negated']]],
  ['Al Assad carried out the chemical weapons attack on Idlib.', [['2041', 'ASS', 'IDL', 'asserted']]],
  ['The weather in Syria was fine.', []],
  // coordination over commas; a prepositional object before the list is not a conjunct
  ['Russia, Iran and Hezbollah condemned Israel.', [['111', 'HEZ', 'ISR', 'asserted'], ['111', 'IRN', 'ISR', 'asserted'], ['111', 'RUS', 'ISR', 'asserted']]],
  ['In Syria, Russia and Iran condemned Israel.', [['111', 'IRN', 'ISR', 'asserted'], ['111', 'RUS', 'ISR', 'asserted']]],
  // a demonym modifying a name is not the argument: the head of the noun phrase is
  ['Putin met Italian counterpart Mattarella.', [['040', 'PUT', 'MAT', 'asserted'], ['040', 'MAT', 'PUT', 'asserted']]],
  // agents before "from X" make X the subject; an unresolved pronoun takes the introducing verb's subject
  ['Soldiers from Russia attacked Israel.', [['190', 'RUS', 'ISR', 'asserted']]],
  ['Russia said it condemned Israel.', [['111', 'RUS', 'ISR', 'reported']]],
  // a comma ends the verb's arguments: the speaker of the tag is not the target
  ['Russia condemned the strikes, Iran said.', []],
  // "abandon his alliance with X": the abandoning is the (negated) event; the alliance is not coded again
  ['Putin will not abandon his alliance with Syria.', [['161', 'PUT', 'SYR', 'negated']]],
  // "his alliance with X" alone: the possessor's own relation, one way only
  ['Putin praised his alliance with Syria.', [['050', 'PUT', 'SYR', 'asserted']]],
];

describe('event coder on hand-built documents', () => {
  it.each(cases)('%s', (text, expected) => {
    const doc = fixtureDoc(text, ACTORS);
    const got = proposeEvents(doc).map((e) => [e.code, e.source, e.target, e.modality]);
    expect(got).toEqual(expected);
  });

  it('gives whole events with offsets, rule and date', () => {
    const text = 'Putin agreed to a request from Iran to intervene in Syria in 2015.';
    const [, intervene] = proposeEvents(fixtureDoc(text, ACTORS));
    expect(intervene).toMatchObject({
      code: '062', root: '06', quadClass: 2, goldstein: 7.4, plover: { type: 'COOPERATE', mode: null, context: ['military'] },
      source: 'PUT', target: 'SYR', date: { from: '2015-01-01', to: '2015-12-31' }, place: 'SYR', modality: 'asserted', sentence: 0,
      trigger: { start: 39, end: 48, text: 'intervene' }, evidence: text,
    });
    expect(intervene!.rule).toMatch(/data\/events\/verbs\.tsv:\d+/);
  });

  it('codes a 2,000-token sentence in windows with a diagnostic', () => {
    const text = Array.from({ length: 400 }, () => 'Russia condemned Israel and').join(' ') + ' Syria.';
    const doc = fixtureDoc(text, ACTORS);
    const events = proposeEvents(doc);
    expect(events.length).toBeGreaterThan(0);
    expect(doc.diagnostics.map((d) => d.code)).toContain('NG_SENTENCE_TOO_LONG');
  });
});
