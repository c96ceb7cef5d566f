import type { Doc } from '../document/doc.js';
import type { AgentEntry } from '../kb/petrarch.js';

/** Agent phrases by their first word, longest first: "foreign minister", "minister of silly walks". */
export interface AgentIndex {
  byFirst: Map<string, Array<{ words: string[]; code: string }>>;
  /** Last words of the agent phrases ("group", "police"): possessed nouns that stand for their possessor. */
  heads: Set<string>;
}

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es';
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  return word + 's';
}

/**
 * Indexes a PETRARCH agents dictionary (as read by `importPetrarchAgents`) for composing actor codes.
 * A phrase without braces also matches its regular plural ("soldier" → "soldiers"); `{}` means no plural.
 *
 * @example
 *   loadAgents([{ phrase: 'soldier', code: 'MIL', origin: 'a.txt:1' }]).byFirst.get('soldiers'); // [{ words: ['soldiers'], code: 'MIL' }]
 */
export function loadAgents(entries: AgentEntry[]): AgentIndex {
  const byFirst = new Map<string, Array<{ words: string[]; code: string }>>();
  const add = (phrase: string, code: string): void => {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return;
    const list = byFirst.get(words[0]!) ?? [];
    if (!list.some((x) => x.words.join(' ') === words.join(' '))) list.push({ words, code });
    byFirst.set(words[0]!, list);
  };
  for (const e of entries) {
    add(e.phrase, e.code);
    const forms = e.plurals ?? [(e.phrase.split(' ').slice(0, -1).concat(plural(e.phrase.split(' ').pop()!))).join(' ')];
    for (const p of forms) add(p, e.code);
  }
  const heads = new Set<string>();
  for (const list of byFirst.values()) {
    list.sort((a, b) => b.words.length - a.words.length);
    for (const a of list) heads.add(a.words[a.words.length - 1]!);
  }
  return { byFirst, heads };
}

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Prepositions that attach an agent phrase to an actor ("activists in Arnor", "activists of Amnesty"). */
const LINK_PREPS = new Set(['in', 'of', 'from']);

/**
 * Composes the CAMEO actor code of one argument mention from the codes of the actors and the agent
 * words of its noun phrase, by PETRARCH's rules: the first coded actor of the phrase gives the base
 * ("Fornost President Umbardacil" → FOR when Umbardacil has no code), agents are appended (Arnor cleric
 * → ARNREL, Gondor's government → GONGOV), an agent already in the code is not repeated (White House
 * security officials → USAGOV), and the longest agent phrase wins (human rights activists, not rights
 * activists). The phrase is the mention with the nouns and adjectives around it, a possessive "'s", and
 * an agent linked by "in/of/from" before the actor ("human rights activists in Arnor").
 *
 * @example
 *   composeActorCode(doc, agents, (i) => (i === 0 ? 'ARN' : null), 0, 1); // "Arnor cleric is ..." → 'ARNREL'
 */
export function composeActorCode(doc: Doc, agents: AgentIndex, codeAt: (token: number) => string | null, from: number, to: number): string | null {
  const t = doc.get('tokens');
  const sentence = t.sentence(from);
  const inSentence = (i: number): boolean => i >= 0 && i < t.length && t.sentence(i) === sentence;
  const word = (i: number): string => t.normal(i).toLowerCase().replace(/[’‘]/g, "'");
  // the noun phrase: modifiers and actors to the left ("Ithilen's awful and evil minister Calimehtar")
  let left = from;
  for (;;) {
    const k = left - 1;
    if (!inSentence(k)) break;
    if (NP_POS.has(t.pos(k)) || word(k) === "'s" || word(k) === "'") left--;
    else if (t.pos(k) === 'CCONJ' && inSentence(k - 1) && t.pos(k - 1) === 'ADJ' && t.pos(left) === 'ADJ') left--;
    else break;
  }
  // "Lawmakers in Fornost and Gondor", "the ambassadors of Arnor, Osgiliath and Gondor": an agent phrase
  // before a list of actors applies to each of them, so walk back over the list to its first actor
  let listStart = left;
  if (left === from) {
    let k = left - 1;
    for (;;) {
      while (inSentence(k) && ['DET', 'ADJ'].includes(t.pos(k)) && !codeAt(k)) k--;
      if (!inSentence(k) || !['and', 'or', ','].includes(word(k))) break;
      let j = k - 1;
      if (inSentence(j) && word(j) === ',') j--;
      if (!inSentence(j) || !codeAt(j)) break;
      while (inSentence(j - 1) && codeAt(j - 1) && codeAt(j - 1) === codeAt(j)) j--;
      listStart = j;
      k = j - 1;
    }
  }
  // "human rights activists in Arnor", "the human rights activists of Amnesty International"
  let agentFrom = listStart;
  if (inSentence(listStart - 1) && LINK_PREPS.has(word(listStart - 1)) && (listStart < from || left === from)) {
    let k = listStart - 1;
    while (inSentence(k - 1) && NP_POS.has(t.pos(k - 1)) && !codeAt(k - 1)) k--;
    if (k < listStart - 1) agentFrom = k;
  }
  let right = to;
  if (inSentence(right) && (word(right) === "'s" || word(right) === "'")) right++;
  while (inSentence(right) && !codeAt(right) && ((NP_POS.has(t.pos(right)) && t.pos(right) !== 'DET') || (word(right) === 'of' && inSentence(right + 1) && t.pos(right + 1) === 'PROPN'))) right++;
  // the first coded actor of the phrase gives the base code (PETRARCH: "Fornost President Umbardacil" → FOR)
  let base: string | null = null;
  for (let i = left; i < to && !base; i++) base = codeAt(i);
  if (!base) return null;
  const codes: string[] = [];
  const scan = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const list = agents.byFirst.get(word(i));
      const hit = list?.find((a) => a.words.every((w, k) => i + k < to && word(i + k) === w));
      if (!hit) continue;
      codes.push(hit.code);
      i += hit.words.length - 1;
    }
  };
  if (agentFrom < listStart) scan(agentFrom, listStart - 1);
  scan(left, right);
  let out = base;
  for (const c of codes) if (!out.endsWith(c) && !out.slice(3).includes(c)) out += c;
  return out;
}
