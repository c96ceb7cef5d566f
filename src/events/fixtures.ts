import type { Entity, EntityType } from '../contract.js';
import { Doc, type MentionSpan } from '../document/doc.js';
import { tokenize } from '../nlp/index.js';

/** A hand-made actor for test documents: the names that mention it, its CAMEO code and type. */
export interface FixtureActor {
  id: string;
  names: string[];
  cameo: string | null;
  type: EntityType;
  roles?: Entity['roles'];
}

/**
 * Builds a document with sentences, tokens, mentions and entities set by hand (no actors stage needed):
 * every occurrence of a name (longest first, whole words) becomes a linked mention.
 *
 * @example
 *   const doc = fixtureDoc('Russia condemned Israel.', [
 *     { id: 'RUS', names: ['Russia'], cameo: 'RUS', type: 'GPE' },
 *     { id: 'ISR', names: ['Israel'], cameo: 'ISR', type: 'GPE' },
 *   ]);
 */
export function fixtureDoc(text: string, actors: FixtureActor[], date: string | null = null): Doc {
  const doc = new Doc({ id: 't', text, date, language: 'en' });
  const { sentences, tokens } = tokenize(text);
  doc.set('sentences', sentences);
  doc.set('tokens', tokens);
  const names = actors.flatMap((a) => a.names.map((n) => ({ n, a }))).sort((x, y) => y.n.length - x.n.length);
  const taken = new Uint8Array(text.length);
  const mentions: MentionSpan[] = [];
  for (const { n, a } of names) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + n.length;
      if (taken.subarray(start, end).some((x) => x)) continue;
      taken.fill(1, start, end);
      mentions.push({ start, end, text: n, type: a.type, entity: a.id });
    }
  }
  mentions.sort((x, y) => x.start - y.start);
  doc.set('mentions', mentions);
  doc.set(
    'entities',
    actors.map((a) => ({
      id: a.id, name: a.names[0]!, type: a.type,
      kb: { id: a.id, qid: null, cameo: a.cameo, country: null },
      roles: a.roles ?? [],
      mentions: mentions.filter((m) => m.entity === a.id).map(({ start, end, text }) => ({ start, end, text })),
    })),
  );
  return doc;
}
