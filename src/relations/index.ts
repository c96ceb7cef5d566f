import type { Entity, Modality, Relation } from '../contract.js';
import type { Doc } from '../document/doc.js';
import { actorSpans, type EventProposal } from '../events/coder.js';
import { factualityOf } from '../events/factuality.js';
import { SentenceSyntax, type ActorSpan } from '../events/syntax.js';

/** A durable relation rule's match, before it is written. */
type RelationProposal = Relation & { rule: string };

const BACKER_NOUNS: Record<string, { type: string; polarity: Relation['polarity'] }> = {
  backer: { type: 'backs', polarity: 'positive' },
  sponsor: { type: 'backs', polarity: 'positive' },
  patron: { type: 'backs', polarity: 'positive' },
  protector: { type: 'backs', polarity: 'positive' },
  ally: { type: 'allied_with', polarity: 'positive' },
  partner: { type: 'allied_with', polarity: 'positive' },
  enemy: { type: 'opposes', polarity: 'negative' },
  rival: { type: 'opposes', polarity: 'negative' },
  foe: { type: 'opposes', polarity: 'negative' },
  adversary: { type: 'opposes', polarity: 'negative' },
};
const SUPPORT_EVENT_ROOTS = new Set(['05', '06', '07']);
const BASE_WORDS = new Set(['base', 'bases', 'airbase', 'airbases', 'facility', 'facilities']);

/**
 * Proposes durable relations (backs, allied_with, opposes, leads, has_base_in, supports) from appositions,
 * "X-backed" modifiers, "its bases at X and Y", titles, and supportive events (roots 05-07).
 *
 * @example
 *   // "Iran, the Al Assad regime's main regional backer, ..." -> { type: 'backs', source: Iran, target: Assad }
 *   proposeRelations(doc, events);
 */
export function proposeRelations(doc: Doc, events: EventProposal[]): RelationProposal[] {
  const t = doc.get('tokens');
  const sentences = doc.get('sentences');
  const actors = actorSpans(doc);
  const out: RelationProposal[] = [];
  const push = (r: RelationProposal): void => {
    if (r.source === r.target) return;
    // a relation is durable: stated twice in the article, it is one relation (the first evidence is kept)
    if (out.some((x) => x.type === r.type && x.source === r.source && x.target === r.target && x.polarity === r.polarity && x.modality === r.modality)) return;
    out.push(r);
  };
  let tok = 0;
  sentences.forEach((span, s) => {
    while (tok < t.length && t.end(tok) <= span.start) tok++;
    let to = tok;
    while (to < t.length && t.start(to) < span.end) to++;
    const local = actors.filter((a) => a.from >= tok && a.to <= to);
    if (local.length && to - tok <= 300) {
      const syn = new SentenceSyntax(t, tok, to, local);
      const ev = (i: number, j: number) => ({ sentence: s, start: t.start(i), end: t.end(j - 1) });
      const mod = (i: number): Modality => factualityOf(syn, tok, i).modality;
      for (let i = tok; i < to; i++) {
        const w = syn.word(i);
        // "The Iranian-backed ... Hezbollah": backer -> the head actor of the phrase
        if (w === '-' && i + 1 < to && ['backed', 'sponsored', 'supported', 'funded', 'armed'].includes(syn.word(i + 1))) {
          const backer = syn.actor(i - 1);
          let backed = -1;
          for (let k = i + 2; k < Math.min(to, i + 8) && backed < 0; k++) if (syn.actor(k) >= 0 && local[syn.actor(k)]!.type !== 'NORP') backed = syn.actor(k);
          if (backer >= 0 && backed >= 0) push(rel('backs', 'positive', local[backer]!, local[backed]!, 'asserted', ev(i - 1, i + 2), 'x-backed'));
        }
        // "Iran, the Al Assad regime's main regional backer": apposition with a relational noun
        const r = BACKER_NOUNS[syn.lemma(i)];
        if (r) {
          let k = i - 1;
          while (k > tok && ['ADJ', 'NOUN'].includes(syn.pos(k))) k--;
          if (k > tok && syn.word(k) === "'s") {
            const owner = syn.actor(k - 1);
            const np = syn.npStart(i);
            let head = np - 1;
            if (head >= tok && syn.word(head) === ',') head--;
            const subject = head >= tok ? syn.actor(head) : -1;
            if (owner >= 0 && subject >= 0) push(rel(r.type, r.polarity, local[subject]!, local[owner]!, mod(i), ev(head, i + 1), `apposition-${syn.lemma(i)}`));
            // "their Russian protectors", "his deranged ally in Damascus" are possessive-pronoun forms: skipped (no coreference)
          }
        }
        // "its military bases at Latakia and Tartus" -> owner has_base_in each place
        if (BASE_WORDS.has(w) && i + 2 < to && ['at', 'in'].includes(syn.word(i + 1))) {
          const place = syn.actor(i + 2);
          if (place < 0) continue;
          let owner = -1;
          const np = syn.npStart(i);
          for (let k = np; k < i; k++) if (syn.actor(k) >= 0) owner = syn.actor(k);
          if (owner < 0 && ['its', 'their'].includes(syn.word(np))) {
            // the possessive pronoun refers to the clause's topic: the nearest preceding possessor or subject actor
            for (let k = tok; k < np; k++) if (syn.actor(k) >= 0 && syn.word(local[syn.actor(k)]!.to) === "'s") { owner = syn.actor(k); break; }
          }
          if (owner >= 0) for (const p of syn.coordinated(place, 'right')) push(rel('has_base_in', 'neutral', local[owner]!, local[p]!, mod(i), ev(np, i + 3), 'bases-at'));
        }
      }
    }
    tok = to;
  });
  // titles: "Russian President Vladimir Putin" -> Putin leads Russia (from the actors stage's roles)
  const entities = doc.getOr('entities', []);
  const byName = new Map<string, Entity>(entities.map((e) => [e.name.toLowerCase(), e]));
  for (const e of entities) {
    for (const role of e.roles) {
      const org = byName.get(role.org.toLowerCase());
      if (!org || !/president|prime minister|leader|king|chancellor|head|chief|premier|emir|secretary general/i.test(role.title)) continue;
      const m = e.mentions[0];
      const s = m ? sentences.findIndex((x) => x.start <= m.start && m.end <= x.end) : -1;
      if (m && s >= 0) push({ type: 'leads', polarity: 'neutral', source: e.id, target: org.id, modality: 'asserted', evidence: { sentence: s, start: m.start, end: m.end }, rule: 'role-title' });
    }
  }
  // supportive events state a durable stance: "Putin's continued support for the regime" -> supports
  for (const e of events) {
    if (!SUPPORT_EVENT_ROOTS.has(e.root) || !e.source || !e.target) continue;
    if (!/support|backing|alliance|stand|defend|side/.test(e.rule)) continue;
    push({ type: e.code.startsWith('050') && /alliance/.test(e.rule) ? 'allied_with' : 'supports', polarity: 'positive', source: e.source, target: e.target, modality: e.modality, evidence: { sentence: e.sentence, start: e.trigger.start, end: e.trigger.end }, rule: `event:${e.code}` });
  }
  return out;
}

function rel(type: string, polarity: Relation['polarity'], source: ActorSpan, target: ActorSpan, modality: Modality, evidence: Relation['evidence'], rule: string): RelationProposal {
  return { type, polarity, source: source.entity, target: target.entity, modality, evidence, rule };
}
