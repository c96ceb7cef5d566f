import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../../paths.js';
import { createPipeline, defaultPipelineConfig } from '../../pipeline/runner.js';
import { Doc } from '../../document/doc.js';
import { tokenize } from '../../nlp/index.js';
import type { Benchmark } from '../bench.js';

const BAD: Array<[string, string]> = [
  ['2,000-token sentence', Array.from({ length: 250 }, (_, i) => `Russia condemned Israel and Iran attacked Syria ${i}`).join(', ') + '.'],
  ['nested quotes', '“Putin said “Assad said “Iran said “we condemned the US” ” ” ”'.repeat(50)],
  ['unbalanced quotes', 'Russia condemned “Israel and “Iran attacked Syria. '.repeat(200)],
  ['list/table', Array.from({ length: 300 }, (_, i) => `| Russia | Syria | ${i} | attack |`).join('\n')],
];

/** Bad input through the full pipeline under a time budget, and the pipeline's speed against bare wink-nlp. */
const bench: Benchmark = {
  name: 'events',
  description: 'bounded time on bad input; full pipeline with events vs bare wink-nlp',
  async run() {
    const pipeline = createPipeline(defaultPipelineConfig());
    const budgetMs = 5000;
    for (const [name, text] of BAD) {
      const t0 = performance.now();
      const doc = pipeline.run(new Doc({ id: name, text, language: 'en' }));
      const ms = performance.now() - t0;
      const codes = [...new Set(doc.diagnostics.map((d) => d.code))].join(',');
      console.log(`${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms ${ms <= budgetMs ? 'within' : 'OVER'} budget ${budgetMs} ms; events ${doc.getOr('events', []).length}; diagnostics ${codes}`);
    }
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(PACKAGE_ROOT, 'samples', 'putin-assad-column.txt'), 'utf8').repeat(5);
    const words = text.split(/\s+/).length;
    const t1 = performance.now();
    tokenize(text);
    const bare = performance.now() - t1;
    const t2 = performance.now();
    pipeline.run(new Doc({ id: 'x', text, language: 'en' }));
    const full = performance.now() - t2;
    console.log(`bare wink-nlp ${(words / (bare / 1000)).toFixed(0)} words/s; full pipeline ${(words / (full / 1000)).toFixed(0)} words/s; ratio ${(bare / full).toFixed(2)} (goal >= 0.33)`);
  },
};
export default bench;
