import type { Entity } from '../contract.js';

/**
 * The key that merges an entity of one article with the same actor in others: the KB Q-id when
 * linked, else the KB record id, else `TYPE:normalised name` (lower case, no diacritics, no leading
 * "the", single spaces).
 *
 * @example
 *   actorKey({ name: 'Vladimir Putin', type: 'PERSON', kb: { qid: 'Q7747', cameo: 'RUSGOV', country: 'RU' } }); // 'Q7747'
 *   actorKey({ name: 'The  Kremlin', type: 'ORG', kb: null }); // 'ORG:kremlin'
 */
export function actorKey(entity: Pick<Entity, 'name' | 'type' | 'kb'>): string {
  if (entity.kb?.qid) return entity.kb.qid;
  if (entity.kb?.id) return `kb:${entity.kb.id}`;
  return `${entity.type}:${normalizeName(entity.name)}`;
}

/** Lower case, diacritics removed, punctuation to spaces, leading article dropped. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Index of the sentence holding offset `at` (binary search over sorted sentence spans), or -1. */
export function sentenceAt(sentences: ReadonlyArray<{ start: number; end: number }>, at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** `YYYY-MM` of an ISO date, or null when the date has no month. */
export function monthOf(date: string | null | undefined): string | null {
  return date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null;
}
