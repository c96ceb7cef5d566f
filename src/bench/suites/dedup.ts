import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA, type Analysis } from '../../contract.js';
import { assignStories, NEAR_DUPLICATE_THRESHOLD } from '../../dedup/index.js';
import { evalDataPath } from '../../paths.js';
import { openStore } from '../../store/open.js';
import { seededRandom, type Benchmark } from '../bench.js';


const sentencesOf = (text: string) => text.match(/[^.!?]+[.!?]+["”’)]*\s*/g) ?? [text];

/** How a copy differs from its original; each is a way syndicated news gets reprinted. */
const PERTURBATIONS: Record<string, (text: string, r: () => number) => string> = {
  'exact reprint': (t) => t,
  // The headline is not part of the stored text, so a new headline leaves the body as it was.
  'changed headline': (t) => t,
  'trimmed last paragraph': (t) => {
    const s = sentencesOf(t);
    return s.slice(0, Math.max(1, s.length - Math.max(2, Math.round(s.length * 0.15)))).join('').trim();
  },
  'different byline': (t, r) => `By ${['Maria Lopez', 'John Smith', 'Staff Reporter'][Math.floor(r() * 3)]}, ${['Example Wire', 'Daily Example', 'The Sample Post'][Math.floor(r() * 3)]}\n${t}\n(Reporting by ${['A. Writer', 'B. Editor'][Math.floor(r() * 2)]}; editing by C. Desk)`,
  'byline + trim + light edits': (t, r) => {
    const edited = PERTURBATIONS['trimmed last paragraph']!(t, r).replace(/\bsaid\b/g, 'stated').replace(/\bU\.S\.\b/g, 'US');
    return `By Staff Reporter\n${edited}`;
  },
  // Hard case: an abridged version keeping two sentences out of three.
  'abridged (every 3rd sentence cut)': (t) => sentencesOf(t).filter((_, i) => i % 3 !== 2).join('').trim(),
};

interface Item { id: string; group: string; kind: string; text: string }

function analysis(item: Item): Analysis {
  return {
    schema: SCHEMA,
    document: { id: item.id, source: null, title: null, date: null, dateSource: 'none', authors: [], outlet: null, genre: 'news', caption: null, imageCredit: null, copyright: null, language: 'en', text: item.text },
    sentences: [], entities: [], places: [], times: [], events: [], relations: [], quotes: [], tone: null, diagnostics: [],
  };
}

/**
 * `npm run bench dedup`: precision and recall of duplicate grouping on a test set built at run
 * time from the VOA stories: each story, plus for about two thirds of them one to three copies
 * (exact reprint, changed headline, trimmed last paragraph, different byline, combinations, an
 * abridged version), shuffled and ingested through the store. Pairs are scored: a pair is
 * predicted duplicate when both articles land in the same story.
 */
const bench: Benchmark = {
  name: 'dedup',
  description: 'precision/recall of exact + near-duplicate story grouping on perturbed VOA stories',
  async run() {
    const path = evalDataPath('voa', 'voa_stories.jsonl');
    if (!existsSync(path)) {
      console.log(`skipped: ${path} is absent`);
      return;
    }
    const stories = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
    const r = seededRandom(2024);
    const items: Item[] = [];
    const kinds = Object.keys(PERTURBATIONS);
    for (const s of stories) {
      items.push({ id: `voa-${s.id}`, group: s.id, kind: 'original', text: s.text });
      if (r() < 0.33) continue;
      const copies = 1 + Math.floor(r() * 3);
      for (let c = 0; c < copies; c++) {
        const kind = kinds[Math.floor(r() * kinds.length)]!;
        items.push({ id: `voa-${s.id}-copy${c}`, group: s.id, kind, text: PERTURBATIONS[kind]!(s.text, r) });
      }
    }
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    const dir = mkdtempSync(join(tmpdir(), 'ng-bench-dedup-'));
    const store = await openStore(join(dir, 'd.db'));
    try {
      for (let i = 0; i < items.length; i += 25) {
        await store.putArticles(await assignStories(store, items.slice(i, i + 25).map(analysis)), null);
      }
      const story = new Map<string, string>();
      for await (const row of store.rows('articles')) story.set(row.id as string, row.story_id as string);
      let tp = 0, fp = 0, fn = 0;
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const truth = items[i]!.group === items[j]!.group;
          const predicted = story.get(items[i]!.id) === story.get(items[j]!.id);
          if (truth && predicted) tp++;
          else if (predicted) fp++;
          else if (truth) fn++;
        }
      }
      const byKind = new Map<string, { n: number; found: number }>();
      const originalStory = new Map(items.filter((x) => x.kind === 'original').map((x) => [x.group, story.get(x.id)]));
      for (const x of items) {
        if (x.kind === 'original') continue;
        const k = byKind.get(x.kind) ?? byKind.set(x.kind, { n: 0, found: 0 }).get(x.kind)!;
        k.n++;
        if (story.get(x.id) === originalStory.get(x.group)) k.found++;
      }
      const p = tp / Math.max(1, tp + fp);
      const rc = tp / Math.max(1, tp + fn);
      console.log(`test set: ${stories.length} VOA stories + ${items.length - stories.length} copies = ${items.length} articles; MinHash threshold ${NEAR_DUPLICATE_THRESHOLD}`);
      console.log(`| pairs | true pairs | precision | recall | F1 |\n|---|---|---|---|---|\n| ${items.length * (items.length - 1) / 2} | ${tp + fn} | ${p.toFixed(3)} | ${rc.toFixed(3)} | ${(2 * p * rc / Math.max(1e-9, p + rc)).toFixed(3)} |`);
      console.log('\n| copy kind | copies | grouped with original |\n|---|---|---|');
      for (const [k, v] of [...byKind].sort()) console.log(`| ${k} | ${v.n} | ${v.found} (${(100 * v.found / v.n).toFixed(0)}%) |`);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
