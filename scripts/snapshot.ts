/**
 * Golden snapshot of the analysis output, for optimisation work that must not change results.
 * `npx tsx scripts/snapshot.ts write` analyses a fixed set (the sample column, the first 400
 * Reuters-21578 bodies, the VOA stories) and writes each analysis (tokens with lemmas included,
 * `pipeline` left out) to /tmp/ng-snapshot/; `check` re-analyses and lists the first differing
 * fields per document. `NG_SNAPSHOT_DIR` overrides the folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc, toAnalysis, type ArticleInput } from '../src/analyze.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { PACKAGE_ROOT, evalDataPath } from '../src/paths.js';

const DIR = process.env.NG_SNAPSHOT_DIR ?? '/tmp/ng-snapshot';

function inputs(): Array<[string, ArticleInput]> {
  const out: Array<[string, ArticleInput]> = [];
  out.push(['sample', { id: 'sample', text: readFileSync(join(PACKAGE_ROOT, 'samples', 'putin-assad-column.txt'), 'utf8') }]);
  const sgm = evalDataPath('reuters21578', 'reut2-000.sgm');
  if (existsSync(sgm)) {
    const sgml = readFileSync(sgm, 'latin1');
    let n = 0;
    for (const m of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
      const text = m[1]!
        .replace(/&#\d+;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
        .replace(/\s*Reuter\s*$/, '');
      out.push([`reuters-${n}`, { text }]);
      if (++n >= 400) break;
    }
  }
  const voa = evalDataPath('voa', 'voa_stories.jsonl');
  if (existsSync(voa)) {
    for (const line of readFileSync(voa, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; title?: string; text: string; published?: string };
      out.push([`voa-${r.id}`, { id: r.id, title: r.title, text: r.text, date: r.published?.slice(0, 10) }]);
    }
  }
  return out;
}

function analyse(input: ArticleInput): unknown {
  const pipeline = createPipelineOnce();
  try {
    const doc = createDoc(input);
    pipeline.run(doc);
    const a = toAnalysis(doc, pipeline, { includeTokens: true }) as unknown as Record<string, unknown>;
    delete a.pipeline;
    if (doc.has('tokens')) {
      const t = doc.get('tokens');
      a.lemmas = Array.from({ length: t.length }, (_, i) => `${t.normal(i)}/${t.lemma(i)}`);
    }
    return JSON.parse(JSON.stringify(a));
  } catch (err) {
    return { error: String(err) };
  }
}
let cached: ReturnType<typeof createPipeline> | undefined;
function createPipelineOnce() {
  return (cached ??= createPipeline());
}

/** Paths (a.b[3].c) where `a` and `b` differ, up to `max`. */
function diff(a: unknown, b: unknown, path: string, out: string[], max = 5): void {
  if (out.length >= max) return;
  if (a === b) return;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: ${JSON.stringify(a)?.slice(0, 160)} ≠ ${JSON.stringify(b)?.slice(0, 160)}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) out.push(`${path}.length: ${a.length} ≠ ${b.length}`);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, max);
}

const mode = process.argv[2];
if (mode !== 'write' && mode !== 'check') {
  console.error('usage: npx tsx scripts/snapshot.ts write|check');
  process.exit(2);
}
mkdirSync(DIR, { recursive: true });
let differing = 0;
const all = inputs();
for (const [name, input] of all) {
  const got = analyse(input);
  const file = join(DIR, `${name}.json`);
  if (mode === 'write') {
    writeFileSync(file, JSON.stringify(got));
    continue;
  }
  if (!existsSync(file)) {
    console.log(`${name}: no snapshot`);
    differing++;
    continue;
  }
  const want = JSON.parse(readFileSync(file, 'utf8'));
  const d: string[] = [];
  diff(want, got, name, d);
  if (d.length) {
    differing++;
    console.log(d.join('\n'));
  }
}
console.log(mode === 'write' ? `wrote ${all.length} analyses to ${DIR}` : `${differing} of ${all.length} documents differ`);
process.exit(mode === 'check' && differing ? 1 : 0);
