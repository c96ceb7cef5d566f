import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA, type Analysis, type Entity, type Event } from '../../contract.js';
import { openStore } from '../../store/open.js';
import type { EventFilter, Store } from '../../store/types.js';
import { seededRandom, type Benchmark } from '../bench.js';


const PLOVER_BY_ROOT = ['', 'AGREE', 'CONSULT', 'AGREE', 'CONSULT', 'COOPERATE', 'COOPERATE', 'AID', 'CONCEDE', 'REQUEST', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE', 'SANCTION', 'COERCE', 'ASSAULT', 'ASSAULT', 'ASSAULT'];
const QUAD_BY_ROOT = [0, 1, 1, 1, 1, 2, 2, 2, 2, 1, 3, 3, 3, 3, 3, 4, 3, 4, 4, 4, 4];
const COUNTRIES = ['US', 'RU', 'SY', 'UA', 'CN', 'FR', 'DE', 'TR', 'IR', 'IL', 'KE', 'NG', 'BR', 'IN', 'PK', 'AF', 'IQ', 'YE', 'SD', 'VE'];
const EVENTS_PER_ARTICLE = 10;

/**
 * Synthetic analyses: `events` events over `actors` actors (skewed: a few actors are in many
 * events, as in news), 10 events per article, dates over ten years, 200 places in 20 countries.
 */
function* syntheticAnalyses(events: number, actors: number): Generator<Analysis> {
  const r = seededRandom(42);
  const actor = () => Math.floor(actors * r() ** 2); // skew: low ids are frequent
  const articles = Math.ceil(events / EVENTS_PER_ARTICLE);
  for (let a = 0; a < articles; a++) {
    const sentences = Array.from({ length: EVENTS_PER_ARTICLE }, (_, i) => ({ start: i * 40, end: i * 40 + 39 }));
    const text = sentences.map((_, i) => `Actor met another actor in place ${String(i).padStart(5, '0')}.`.padEnd(39, ' ')).join(' ');
    const entities = new Map<number, Entity>();
    const entity = (id: number, type: Entity['type'] = 'ORG'): string => {
      let e = entities.get(id);
      if (!e) {
        e = { id: `e${entities.size + 1}`, name: `${type === 'GPE' ? 'Place' : 'Actor'} ${id}`, type, kb: type === 'GPE' ? null : { qid: `Q${1000 + id}`, cameo: null, country: null }, roles: [], mentions: [{ start: 0, end: 5, text: 'Actor' }] };
        entities.set(id, e);
      }
      return e.id;
    };
    const day = Math.floor(r() * 3650);
    const date = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const evs: Event[] = [];
    const places: Analysis['places'] = [];
    for (let i = 0; i < EVENTS_PER_ARTICLE; i++) {
      const root = 1 + Math.floor(r() * 20);
      let s = actor();
      let t = actor();
      if (s === t) t = (t + 1) % actors;
      const placeId = Math.floor(r() * 200);
      const place = entity(actors + placeId, 'GPE');
      if (!places.some((p) => p.entity === place)) {
        places.push({ entity: place, name: `Place ${placeId}`, lat: placeId / 4 - 25, lon: placeId - 100, country: COUNTRIES[placeId % COUNTRIES.length]!, geonameId: placeId, featureCode: 'PPL', candidates: [], reason: 'synthetic' });
      }
      evs.push({
        id: `v${i + 1}`, code: `${String(root).padStart(2, '0')}${Math.floor(r() * 4)}`, root: String(root).padStart(2, '0'),
        quadClass: QUAD_BY_ROOT[root] as 1 | 2 | 3 | 4, goldstein: Math.round((r() * 20 - 10) * 10) / 10,
        plover: { type: PLOVER_BY_ROOT[root]!, mode: null }, label: 'synthetic', source: entity(s), target: entity(t),
        date: { from: date, to: date }, place, modality: r() < 0.85 ? 'asserted' : 'reported', sentence: i,
        trigger: { start: i * 40 + 6, end: i * 40 + 9, text: 'met' }, evidence: text.slice(i * 40, i * 40 + 39), rule: 'synthetic', confidence: 0.8,
      });
    }
    yield {
      schema: SCHEMA,
      document: { id: `syn-${a}`, source: null, title: null, date, dateSource: 'metadata', authors: [], outlet: null, genre: 'news', caption: null, imageCredit: null, copyright: null, language: 'en', text, contentHash: `h${a}` },
      sentences, entities: [...entities.values()], places, times: [], events: evs, relations: [], quotes: [], tone: null, diagnostics: [],
    };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function measure(name: string, n: number, make: (i: number) => () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const q = make(i);
    const t = performance.now();
    await q();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return `| ${name} | ${n} | ${percentile(times, 0.5).toFixed(2)} | ${percentile(times, 0.95).toFixed(2)} | ${times[times.length - 1]!.toFixed(1)} |`;
}

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/**
 * `npm run bench query [-- --events N --actors N --samples N --db PATH]`: builds a store of 1M
 * synthetic events over 20k actors through the store's own write path, then times the
 * dyad-timeline, actor-profile and event-filter queries (p50/p95/max in ms). Goal: p95 ≤ 50 ms.
 * `--db PATH` keeps the generated store there, and reuses it when it exists (building takes minutes).
 */
const bench: Benchmark = {
  name: 'query',
  description: 'p50/p95 of dyad-timeline, actor-profile and event-filter queries on a generated store (default 1M events, 20k actors)',
  async run(args) {
    const events = arg(args, '--events', 1_000_000);
    const actors = arg(args, '--actors', 20_000);
    const samples = arg(args, '--samples', 200);
    const keep = args.indexOf('--db') >= 0 ? args[args.indexOf('--db') + 1]! : null;
    const dir = mkdtempSync(join(tmpdir(), 'ng-bench-query-'));
    const path = keep ?? join(dir, 'q.db');
    const reuse = keep !== null && existsSync(keep);
    const store: Store = await openStore(path);
    try {
      const t0 = performance.now();
      let batch: Analysis[] = [];
      const flush = async () => {
        await store.putArticles(batch.map((analysis) => ({ analysis, storyId: analysis.document.id, duplicateOf: null, duplicateKind: null, similarity: null, minhash: null, bands: [] })), null);
        batch = [];
      };
      if (!reuse) {
        for (const a of syntheticAnalyses(events, actors)) {
          batch.push(a);
          if (batch.length >= 1000) await flush();
        }
        await flush();
      }
      const build = (performance.now() - t0) / 1000;
      const stats = await store.stats();
      console.log(`store: ${stats.events} events, ${stats.actors} actors (incl. 200 places), ${stats.articles} articles; ` +
        (reuse ? `reused ${keep}` : `built in ${build.toFixed(0)} s (${Math.round(stats.events / build)} events/s)`));

      // Sample references from real events, so that busy actors and dyads are drawn as often as they occur.
      const r = seededRandom(7);
      const sample: Array<{ s: number; t: number; root: string; country: string | null; code: string; date: string | null; plover: string | null }> = [];
      for (let i = 0; i < samples; i++) {
        const [e] = await store.events({ articleId: `syn-${Math.floor(r() * stats.articles)}`, modality: 'any', limit: 1, offset: Math.floor(r() * EVENTS_PER_ARTICLE) });
        if (e) sample.push({ s: e.source!.id, t: e.target!.id, root: e.root, country: e.place?.country ?? null, code: e.code, date: e.dateFrom, plover: e.ploverType });
      }
      const filters = (i: number): EventFilter => {
        const x = sample[i % sample.length]!;
        const year = x.date!.slice(0, 4);
        switch (i % 4) {
          case 0: return { actor: x.s, limit: 100 };
          case 1: return { root: x.root, country: x.country ?? undefined, from: `${year}-01-01`, to: `${year}-12-31`, limit: 100 };
          case 2: return { code: x.code.slice(0, 2), from: `${year}-01-01`, to: `${year}-06-30`, limit: 100 };
          default: return { ploverType: x.plover ?? undefined, country: x.country ?? undefined, limit: 100 };
        }
      };
      console.log('| query | n | p50 ms | p95 ms | max ms |');
      console.log('|---|---|---|---|---|');
      console.log(await measure('dyad timeline', sample.length, (i) => () => store.dyadTimeline(sample[i]!.s, sample[i]!.t)));
      console.log(await measure('actor profile', sample.length, (i) => () => store.actorProfile(sample[i]!.s)));
      console.log(await measure('event filter', sample.length, (i) => () => store.events(filters(i))));
      console.log(await measure('actor profile, 10 busiest', 50, (i) => () => store.actorProfile(`Q${1000 + (i % 10)}`)));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
