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
  // English running text around the bad structure, so language detection lets it reach the events stage
  ['unbalanced quotes', 'The foreign ministry said that Russia had condemned “Israel for the attack, and that “Iran attacked Syria on Monday. '.repeat(200)],
  ['list/table', 'The table below lists the attacks that the government reported this week.\n' + Array.from({ length: 300 }, (_, i) => `| ${i} | Russia condemned Israel | Iran attacked Syria | the army said on Monday |`).join('\n')],
];

/** Bad input through the full pipeline under a time budget, and the pipeline's speed against bare wink-nlp. */
const bench: Benchmark = {
  name: 'events',
  description: 'bounded time on bad input; full pipeline with events vs bare wink-nlp',
  async run() {
    const pipeline = createPipeline(defaultPipelineConfig());
    const budgetMs = 5000;
    // warm up: dictionaries, gazetteer and models load once per process, not per bad document
    pipeline.run(new Doc({ id: 'warm-up', text: 'Russia condemned Israel on Monday, the foreign ministry in Moscow said.', language: 'en' }));
    for (const [name, text] of BAD) {
      const doc = new Doc({ id: name, text, language: 'en' });
      const perStage: string[] = [];
      const t0 = performance.now();
      // the runner's loop, timed per stage, so an over-budget input names the stage that spent the time
      pipeline.stages.forEach((stage, i) => {
        if (stage.languages && !stage.languages.includes(doc.info.language)) return;
        const s0 = performance.now();
        stage.run(doc, { options: pipeline.options[i]!, analysis: {} });
        perStage.push(`${stage.name} ${(performance.now() - s0).toFixed(0)}`);
      });
      const ms = performance.now() - t0;
      const codes = [...new Set(doc.diagnostics.map((d) => d.code))].join(',');
      console.log(`${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms ${ms <= budgetMs ? 'within' : 'OVER'} budget ${budgetMs} ms; events ${doc.getOr('events', []).length}; diagnostics ${codes}`);
      console.log(`${''.padEnd(22)} ms by stage: ${perStage.join(', ')}`);
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
