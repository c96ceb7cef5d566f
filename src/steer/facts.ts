/**
 * Facts of an analysis in a comparable form, and the diff of two fact sets: what `recode --dry-run`
 * shows and what `runs diff` counts.
 *
 * Identity across runs (the same fact in two codings of one article):
 * - an event is its article, trigger offsets and CAMEO root (`412-419#04`; `#04.2` for a second event
 *   on the same trigger and root, e.g. the B→A half of a symmetric meeting): a change of the exact
 *   code inside the root, of source, target or modality is a *change*; a different root is a
 *   removal plus an addition (a different kind of event);
 * - an entity link is its article and mention offsets (`120-131`); its value is the actor key
 *   (`actorKey`: Q-id, `kb:id`, or `TYPE:name`), so relinking a mention is a change.
 */
import type { Analysis } from '../contract.js';
import { actorKey } from '../store/keys.js';
import type { RunFact } from '../store/types.js';

/**
 * The comparable facts of one analysis: its events and its entity links.
 *
 * @example
 *   factsOf(analysis).filter((f) => f.kind === 'event'); // [{ article, kind: 'event', key: '40-44#04', value: '042|Q7747|Q44461|asserted', text: 'met' }]
 */
export function factsOf(a: Analysis): RunFact[] {
  const article = a.document.id;
  const keyOf = new Map(a.entities.map((e) => [e.id, actorKey(e)]));
  const out: RunFact[] = [];
  for (const e of a.entities) {
    const key = keyOf.get(e.id)!;
    for (const m of e.mentions) out.push({ article, kind: 'link', key: `${m.start}-${m.end}`, value: key, text: m.text });
  }
  const keys = eventKeys(a.events);
  a.events.forEach((v, i) => {
    const side = (id: string | null) => (id ? keyOf.get(id) ?? '?' : '-');
    out.push({
      article, kind: 'event', key: keys[i]!,
      value: `${v.code}|${side(v.source)}|${side(v.target)}|${v.modality}`, text: v.trigger.text,
    });
  });
  return out;
}

/**
 * The identity of each event across runs: `trigger_start-trigger_end#root`, and `…#root.2`, `.3`
 * for further events on the same trigger and root (a symmetric "met" is coded A→B and B→A), in
 * the coder's order.
 *
 * @example
 *   eventKeys([{ trigger: { start: 4, end: 7 }, root: '04' }, { trigger: { start: 4, end: 7 }, root: '04' }]); // ['4-7#04', '4-7#04.2']
 */
export function eventKeys(events: ReadonlyArray<{ trigger: { start: number; end: number }; root: string }>): string[] {
  const seen = new Map<string, number>();
  return events.map((v) => {
    const base = `${v.trigger.start}-${v.trigger.end}#${v.root}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}.${n}`;
  });
}

/** One changed fact: before and after. */
export interface FactChange {
  article: string;
  kind: RunFact['kind'];
  key: string;
  text: string;
  before: string | null;
  after: string | null;
}

/** Counts of a diff for one kind of fact. */
export interface DiffCounts {
  same: number;
  added: number;
  removed: number;
  changed: number;
}

/** The diff of two fact sets, by kind, with examples. */
export interface FactDiff {
  events: DiffCounts;
  links: DiffCounts;
  /** Articles with at least one difference. */
  articles: number;
  /** Share of facts (events and links) unchanged among all facts of either side, 0..1 (1 when both are empty). */
  agreement: number;
  /** Share of articles whose events are identical in both, 0..1 (the PETRARCH2 story-level figure). */
  articleAgreement: number;
  examples: FactChange[];
}

/**
 * Compares two fact sets (before → after) over the articles present in both.
 *
 * @example
 *   const d = diffFacts(factsOf(stored), factsOf(fresh));
 *   d.events.changed; // events whose code, source, target or modality changed
 */
export function diffFacts(before: readonly RunFact[], after: readonly RunFact[], maxExamples = 10): FactDiff {
  const articlesOf = (fs: readonly RunFact[]) => new Set(fs.map((f) => f.article));
  const inAfter = articlesOf(after);
  const common = new Set([...articlesOf(before)].filter((a) => inAfter.has(a)));
  const index = (fs: readonly RunFact[]) => {
    const m = new Map<string, RunFact>();
    for (const f of fs) if (common.has(f.article)) m.set(`${f.article}\0${f.kind}\0${f.key}`, f);
    return m;
  };
  const b = index(before);
  const a = index(after);
  const counts = { event: zero(), link: zero() };
  const touched = new Set<string>();
  const eventTouched = new Set<string>();
  const examples: FactChange[] = [];
  const note = (f: RunFact, before: string | null, after: string | null) => {
    touched.add(f.article);
    if (f.kind === 'event') eventTouched.add(f.article);
    if (examples.length < maxExamples) examples.push({ article: f.article, kind: f.kind, key: f.key, text: f.text, before, after });
  };
  for (const [k, f] of b) {
    const g = a.get(k);
    if (!g) { counts[f.kind].removed++; note(f, f.value, null); }
    else if (g.value === f.value) counts[f.kind].same++;
    else { counts[f.kind].changed++; note(f, f.value, g.value); }
  }
  for (const [k, g] of a) if (!b.has(k)) { counts[g.kind].added++; note(g, null, g.value); }
  const total = (c: DiffCounts) => c.same + c.added + c.removed + c.changed;
  const all = total(counts.event) + total(counts.link);
  return {
    events: counts.event,
    links: counts.link,
    articles: touched.size,
    agreement: all ? (counts.event.same + counts.link.same) / all : 1,
    articleAgreement: common.size ? (common.size - eventTouched.size) / common.size : 1,
    examples,
  };
}

function zero(): DiffCounts {
  return { same: 0, added: 0, removed: 0, changed: 0 };
}

/** "added 3, removed 1, changed 2 (of 40)" */
export function formatCounts(c: DiffCounts): string {
  return `added ${c.added}, removed ${c.removed}, changed ${c.changed}, unchanged ${c.same}`;
}

/** One example line: `reuters-12 event 'met' 412-415#04: 042|…|asserted → 043|…|asserted`. */
export function formatChange(c: FactChange): string {
  return `${c.article} ${c.kind} '${c.text}' ${c.key}: ${c.before ?? '(none)'} → ${c.after ?? '(none)'}`;
}
