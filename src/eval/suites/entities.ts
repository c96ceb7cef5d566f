import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../analyze.js';
import type { Entity } from '../../contract.js';
import { evalDataPath } from '../../paths.js';
import { f3, prf, type EvalSuite } from '../suite.js';

/** A gold or predicted named mention: character span, type (PER/ORG/LOC), cluster, head offset. */
interface Named {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC';
  cluster: string;
  /** Character span of the head token (gold only). */
  head?: { start: number; end: number };
  /** Predicted GPE (a country or city, which GUM types as place or, when it acts, organization). */
  gpe?: boolean;
  /** Rule of the predicted entity's first mention (error analysis). */
  rule?: string;
}

const GUM_TYPES: Record<string, Named['type']> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const OUR_TYPES: Partial<Record<Entity['type'], Named['type']>> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC' };

/** Reads one GUM .conllu file into text, date and the named person/organization/place mentions. */
export function readGum(conllu: string): { text: string; date: string | null; gold: Named[]; nominal: Named[] } {
  let text = '';
  let date: string | null = null;
  const gold: Named[] = [];
  const nominal: Named[] = [];
  let sent: Array<{ start: number; end: number; head: number; upos: string; misc: string }> = [];
  const flush = (): void => {
    const open = new Map<string, Array<{ from: number; etype: string }>>();
    sent.forEach((t, i) => {
      const ent = /(?:^|\|)Entity=([^|]*)/.exec(t.misc)?.[1] ?? '';
      for (const m of ent.matchAll(/\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)/g)) {
        if (m[1]) {
          if (m[3]) add(m[1], m[2]!, i, i);
          else (open.get(m[1]) ?? open.set(m[1], []).get(m[1])!).push({ from: i, etype: m[2]! });
        } else if (m[4]) {
          const o = open.get(m[4])?.pop();
          if (o) add(m[4], o.etype, o.from, i);
        }
      }
    });
    function add(id: string, etype: string, from: number, to: number): void {
      const type = GUM_TYPES[etype];
      if (!type) return;
      // head: the token of the span whose syntactic head lies outside it
      let head = from;
      for (let k = from; k <= to; k++) {
        const h = sent[k]!.head - 1;
        if (h < from || h > to) {
          head = k;
          break;
        }
      }
      if (sent[head]!.upos !== 'PROPN') {
        nominal.push({ start: sent[from]!.start, end: sent[to]!.end, type, cluster: id });
        return;
      }
      gold.push({ start: sent[from]!.start, end: sent[to]!.end, type, cluster: id, head: { start: sent[head]!.start, end: sent[head]!.end } });
    }
    sent = [];
  };
  for (const line of conllu.split('\n')) {
    const meta = /^# meta::dateCreated = (\S+)/.exec(line);
    if (meta) date = meta[1]!.slice(0, 10);
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (sent.length) {
        flush();
        text += '\n';
      }
      continue;
    }
    const f = line.split('\t');
    if (!/^\d+$/.test(f[0]!)) continue; // multi-word tokens and empty nodes
    const start = text.length;
    text += f[1]!;
    sent.push({ start, end: text.length, head: Number(f[6]), upos: f[3]!, misc: f[9]! });
    if (!/SpaceAfter=No/.test(f[9]!)) text += ' ';
  }
  if (sent.length) flush();
  return { text, date, gold, nominal };
}

/** Our named mentions: name-form mentions of PERSON/ORG/GPE/LOC/FAC entities (capitals used as actors count as ORG). */
function predicted(entities: Entity[]): Named[] {
  const out: Named[] = [];
  for (const e of entities) {
    const type = OUR_TYPES[e.type];
    for (const m of e.mentions as Array<Entity['mentions'][number] & { form?: string }>) {
      // names, and capitalised titles used as names ("the US Secretary of State", "The President")
      if (m.form && m.form !== 'name' && !(m.form === 'description' && /\p{Lu}\S*$/u.test(m.text))) continue;
      const t = m.metonymy?.as === 'actor' ? 'ORG' : m.metonymy?.as === 'place' ? 'LOC' : type;
      if (t) out.push({ start: m.start, end: m.end, type: t, cluster: e.id, gpe: e.type === 'GPE' && !m.metonymy, rule: e.provenance?.rule });
    }
  }
  return out;
}

/** Moves gold offsets from the CoNLL-U text to the normalised text (normalisation changes whitespace and a few characters). */
function realign(gold: Named[], from: string, to: string): void {
  const map = new Int32Array(from.length + 1);
  let j = 0;
  for (let i = 0; i < from.length; i++) {
    if (j < to.length && from[i] !== to[j] && /\s/.test(from[i]!)) {
      map[i] = j;
      continue;
    }
    while (j < to.length && from[i] !== to[j] && /\s/.test(to[j]!)) j++;
    map[i] = j;
    if (j < to.length) j++;
  }
  map[from.length] = to.length;
  for (const g of gold) {
    const s = map[g.start]!;
    const e = g.end > 0 ? map[g.end - 1]! + 1 : s;
    g.start = s;
    g.end = e;
    if (g.head) g.head = { start: map[g.head.start]!, end: map[g.head.end - 1]! + 1 };
  }
}

interface Counts { tp: number; fp: number; fn: number }
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** One-to-one matching of predictions to gold by a predicate; returns gold index → prediction index. */
function match(gold: Named[], pred: Named[], ok: (g: Named, p: Named) => boolean): Map<number, number> {
  const used = new Set<number>();
  const out = new Map<number, number>();
  gold.forEach((g, gi) => {
    const pi = pred.findIndex((p, k) => !used.has(k) && ok(g, p));
    if (pi >= 0) {
      used.add(pi);
      out.set(gi, pi);
    }
  });
  return out;
}

function count(c: Counts, gold: Named[], pred: Named[], m: Map<number, number>): void {
  c.tp += m.size;
  c.fp += pred.length - m.size;
  c.fn += gold.length - m.size;
}

/** B³ over the gold named mentions: each gold mention's response cluster is the set of gold mentions matched to the same predicted entity. */
function bcubed(gold: Named[], pred: Named[], m: Map<number, number>): { p: number; r: number; n: number } {
  let p = 0;
  let r = 0;
  gold.forEach((g, gi) => {
    const key = m.has(gi) ? pred[m.get(gi)!]!.cluster : `unmatched:${gi}`;
    const response = gold.filter((_, k) => (m.has(k) ? pred[m.get(k)!]!.cluster : `unmatched:${k}`) === key);
    const truth = gold.filter((h) => h.cluster === g.cluster);
    const both = response.filter((h) => h.cluster === g.cluster).length;
    p += both / response.length;
    r += both / truth.length;
  });
  return { p, r, n: gold.length };
}

/** Error categories of the opt-in analysis (`NG_EVAL_ERRORS=1`, or `=N` for N examples each): counts and examples. */
class Errors {
  readonly cats = new Map<string, { n: number; examples: string[] }>();
  constructor(private readonly limit = 12) {}
  add(cat: string, example: string): void {
    const c = this.cats.get(cat) ?? this.cats.set(cat, { n: 0, examples: [] }).get(cat)!;
    c.n++;
    if (c.examples.length < this.limit) c.examples.push(example);
  }
  lines(): string[] {
    return [...this.cats.entries()].sort((a, b) => b[1].n - a[1].n).map(([k, v]) => `${k}: ${v.n} — ${v.examples.join(' | ')}`);
  }
}

/** Sorts every typed error of a document into a category: misses, spurious names, type confusions, span boundaries. */
function analyseErrors(errors: Errors, T: string, gold: Named[], pred: Named[], overlap: (g: Named, p: Named) => boolean): void {
  const m = match(gold, pred, (g, p) => overlap(g, p) && g.type === p.type);
  const usedP = new Set(m.values());
  const show = (x: { start: number; end: number }): string => T.slice(x.start, x.end).replace(/\s+/g, ' ');
  const lineStart = (x: number): boolean => x === 0 || /[\n.!?"“]\s*$/.test(T.slice(Math.max(0, x - 3), x));
  gold.forEach((g, gi) => {
    if (m.has(gi)) return;
    const any = pred.find((p, k) => !usedP.has(k) && overlap(g, p));
    const words = show(g).split(' ').length;
    if (any) {
      const exact = any.start === g.start && any.end === g.end;
      errors.add(`FN confusion gold ${g.type} → ${any.type}${any.gpe ? ' (GPE)' : ''}`, `${show(g)}${exact ? '' : ` ~ ${show(any)}`} [${any.rule}]`);
      return;
    }
    const partial = pred.some((p) => p.start < g.end && g.start < p.end);
    const cat = partial ? 'span (overlaps, not head)' : lineStart(g.head!.start) ? 'sentence-initial' : words === 1 ? 'single token' : 'multi-word';
    const around = partial ? ` (head ${show(g.head!)}; predicted ${pred.filter((p) => p.start < g.end && g.start < p.end).map(show).join(', ')})` : '';
    errors.add(`FN missed ${g.type} ${cat}`, show(g) + around);
  });
  pred.forEach((p, k) => {
    if (usedP.has(k)) return;
    if (gold.some((g) => overlap(g, p))) return; // counted as a confusion above
    const near = gold.some((g) => p.start < g.end && g.start < p.end);
    errors.add(`FP ${p.type}${near ? ' span (inside gold, off head)' : ''} [${p.rule}]`, show(p));
  });
}

const suite: EvalSuite = {
  name: 'entities',
  description: 'named PER/ORG/LOC mentions and coreference on GUM news (Wikinews)',
  async run() {
    const dir = evalDataPath('gum-news', 'dep');
    if (!existsSync(dir)) return { skipped: `no GUM news data at ${dir}` };
    const files = readdirSync(dir).filter((f) => f.endsWith('.conllu')).sort();
    const exactTyped = zero();
    const exactUntyped = zero();
    const trimTyped = zero();
    const overlapTyped = zero();
    const overlapUntyped = zero();
    const overlapGpe = zero();
    const perType: Record<string, Counts> = { PER: zero(), ORG: zero(), LOC: zero() };
    let b3p = 0;
    let b3r = 0;
    let b3n = 0;
    let ms = 0;
    const errors = process.env.NG_EVAL_ERRORS ? new Errors(Number(process.env.NG_EVAL_ERRORS) > 1 ? Number(process.env.NG_EVAL_ERRORS) : 12) : undefined;
    for (const f of files) {
      const { text, date, gold, nominal } = readGum(readFileSync(join(dir, f), 'utf8'));
      const t0 = performance.now();
      const a = analyze({ text, id: f, ...(date ? { date } : {}) });
      ms += performance.now() - t0;
      realign(gold, text, a.document.text);
      realign(nominal, text, a.document.text);
      // a name inside a person/organization/place mention headed by a common noun ("England captain
      // Harry Kane") has no gold span of its own: such predictions are not scored unless they match
      const named = (p: Named): boolean => gold.some((g) => p.start < g.end && g.start < p.end);
      const pred = predicted(a.entities).filter((p) => named(p) || !nominal.some((n) => n.start <= p.start && p.end <= n.end));
      const exact = (g: Named, p: Named): boolean => g.start === p.start && g.end === p.end;
      const T = a.document.text;
      // GUM spans include determiners and the possessive clitic; names never do
      const trimmed = (g: Named, p: Named): boolean => {
        let { start, end } = g;
        const lead = /^(the|The|a|an)\s+/.exec(T.slice(start, end));
        if (lead) start += lead[0].length;
        const tail = /\s*['’]s?$/.exec(T.slice(start, end));
        if (tail) end -= tail[0].length;
        return start === p.start && end === p.end;
      };
      const overlap = (g: Named, p: Named): boolean => p.start < g.head!.end && g.head!.start < p.end;
      count(exactUntyped, gold, pred, match(gold, pred, exact));
      count(exactTyped, gold, pred, match(gold, pred, (g, p) => exact(g, p) && g.type === p.type));
      count(trimTyped, gold, pred, match(gold, pred, (g, p) => trimmed(g, p) && g.type === p.type));
      const om = match(gold, pred, overlap);
      count(overlapUntyped, gold, pred, om);
      count(overlapTyped, gold, pred, match(gold, pred, (g, p) => overlap(g, p) && g.type === p.type));
      count(overlapGpe, gold, pred, match(gold, pred, (g, p) => overlap(g, p) && (g.type === p.type || (!!p.gpe && g.type === 'ORG'))));
      for (const t of ['PER', 'ORG', 'LOC'] as const) {
        const g = gold.filter((x) => x.type === t);
        const p = pred.filter((x) => x.type === t);
        count(perType[t]!, g, p, match(g, p, overlap));
      }
      if (errors) analyseErrors(errors, T, gold, pred, overlap);
      const b = bcubed(gold, pred, om);
      b3p += b.p;
      b3r += b.r;
      b3n += b.n;
    }
    const row = (name: string, c: Counts): Array<string | number> => {
      const s = prf(c.tp, c.fp, c.fn);
      return [name, c.tp + c.fn, c.tp + c.fp, f3(s.p), f3(s.r), f3(s.f1)];
    };
    const bp = b3p / b3n;
    const br = b3r / b3n;
    return {
      table: [
        ['measure', 'gold', 'predicted', 'P', 'R', 'F1'],
        row('exact span, typed', exactTyped),
        row('exact span, untyped', exactUntyped),
        row('exact w/o the/’s, typed', trimTyped),
        row('head overlap, typed', overlapTyped),
        row('head overlap, typed, GPE ≈ ORG|LOC', overlapGpe),
        row('head overlap, untyped', overlapUntyped),
        row('  PER (overlap)', perType.PER!),
        row('  ORG (overlap)', perType.ORG!),
        row('  LOC = GPE+LOC+FAC (overlap)', perType.LOC!),
        ['coreference B³ (named)', b3n, '', f3(bp), f3(br), f3(bp + br ? (2 * bp * br) / (bp + br) : 0)],
      ],
      notes: [
        `${files.length} GUM news documents; ${(ms / files.length).toFixed(0)} ms per document (whole pipeline).`,
        'Gold: GUM person/organization/place mentions whose head token is PROPN; person→PER, organization→ORG, place→LOC.',
        'Predicted: name-form mentions and capitalised titles used as names ("The President"; not other descriptions, demonyms or pronouns) of PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC (GPE and LOC merged as one type); a capital used as an actor counts as ORG.',
        'Exact: same character span (GUM spans are whole noun phrases, so "the US" ≠ "US"); "w/o the/’s" first drops a leading article and a trailing possessive from the gold span. Head overlap: the prediction overlaps the gold head token; one-to-one matching.',
        '"GPE ≈ ORG|LOC": a GPE prediction also matches a gold organization (GUM types countries acting as agents or as sports teams as organization; ACE-style GPE covers both readings).',
        'Predictions inside a GUM person/organization/place mention whose head is a common noun ("England captain Harry Kane") and overlapping no named gold mention are not scored.',
        'Coreference: B³ over gold named mentions, each mapped to the predicted entity of its head-overlap match (unmatched = singleton).',
        ...(errors ? ['Errors (head overlap, typed) by category, with examples [rule of the entity]:', ...errors.lines()] : ['Set NG_EVAL_ERRORS=1 for false negatives and positives by category.']),
      ],
    };
  },
};
export default suite;
