import { describe, expect, it } from 'vitest';
import { actorSpans } from './coder.js';
import { composeActorCode, loadAgents } from './agents.js';
import { fixtureDoc, type FixtureActor } from './fixtures.js';
import type { AgentEntry } from '../kb/petrarch.js';

const agent = (phrase: string, code: string, plurals?: string[]): AgentEntry => ({ phrase, code, origin: 'test', ...(plurals ? { plurals } : {}) });
const AGENTS = loadAgents([
  agent('cleric', 'REL'), agent('government', 'GOV'), agent('security officials', 'GOV'), agent('soldier', 'MIL'),
  agent('human rights activist', 'OPP'), agent('rights activist', 'HRI'), agent('lawmaker', 'LEG'),
  agent('main opposition group', 'MOP'), agent('police', 'COP', []), agent('minister', 'GOV'), agent('ambassador', 'GOV'),
]);
const A = (id: string, cameo: string | null, type: FixtureActor['type'], ...names: string[]): FixtureActor => ({ id, cameo, type, names });
const ACTORS = [
  A('ARN', 'ARN', 'GPE', 'Arnor'), A('GON', 'GON', 'GPE', 'Gondor'), A('FOR', 'FOR', 'GPE', 'Fornost'), A('OSG', 'OSG', 'GPE', 'Osgiliath'),
  A('WH', 'USAGOV', 'ORG', 'White House'), A('UMB', null, 'PERSON', 'Umbardacil'),
];

/** [sentence, the mention's text (first occurrence), composed code] */
const cases: Array<[string, string, string | null]> = [
  ['Arnor cleric is about to restore ties.', 'Arnor', 'ARNREL'],
  ['They restored ties with Gondor’s government.', 'Gondor', 'GONGOV'],
  ['They restored ties with Gondor’s main opposition group.', 'Gondor', 'GONMOP'],
  ['White House security officials are about to restore ties.', 'White House', 'USAGOV'],
  ['Human rights activists in Arnor restored ties.', 'Arnor', 'ARNOPP'],
  ['Lawmakers in Fornost and Gondor welcomed it.', 'Gondor', 'GONLEG'],
  ['Osgiliath soldiers attacked.', 'Osgiliath', 'OSGMIL'],
  ['Fornost minister Umbardacil appealed.', 'Umbardacil', 'FORGOV'],
  ['Gondor polices attacked.', 'Gondor', 'GON'],
  ['Umbardacil appealed.', 'Umbardacil', null],
];

describe('composeActorCode (PETRARCH agent compounding)', () => {
  it.each(cases)('%s → %s', (text, mention, code) => {
    const doc = fixtureDoc(text, ACTORS);
    const cameo = new Map(ACTORS.map((a) => [a.id, a.cameo]));
    const spans = actorSpans(doc);
    const byToken = new Map<number, string>();
    for (const s of spans) for (let i = s.from; i < s.to; i++) if (cameo.get(s.entity)) byToken.set(i, cameo.get(s.entity)!);
    const t = doc.get('tokens');
    const span = spans.find((s) => doc.text.slice(t.start(s.from), t.end(s.to - 1)) === mention)!;
    expect(composeActorCode(doc, AGENTS, (i) => byToken.get(i) ?? null, span.from, span.to)).toBe(code);
  });

  it('indexes regular plurals unless the dictionary says {}', () => {
    expect(AGENTS.byFirst.get('soldiers')?.[0]).toEqual({ words: ['soldiers'], code: 'MIL' });
    expect(AGENTS.byFirst.get('polices')).toBeUndefined();
    expect(AGENTS.heads.has('group')).toBe(true);
  });
});
