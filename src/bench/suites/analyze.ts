import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, createDoc } from '../../analyze.js';
import { createPipeline } from '../../pipeline/runner.js';
import { wink } from '../../nlp/wink.js';
import { PACKAGE_ROOT, evalDataPath } from '../../paths.js';
import { peakRssMb, type Benchmark } from '../bench.js';

/** Bodies of the Reuters-21578 SGML files (the `<BODY>` elements), up to `limit`. */
function reutersBodies(dir: string, limit: number): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => /^reut2-\d+\.sgm$/.test(x)).sort()) {
    const sgml = readFileSync(join(dir, f), 'latin1');
    for (const m of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
      out.push(
        m[1]!
          .replace(/&#\d+;/g, ' ')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&')
          .replace(/\s*Reuter\s*$/, ''),
      );
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Texts both passes run over, untimed, before the timed passes. */
const WARM_UP_TEXTS = 20;

function words(texts: string[]): number {
  return texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
}

/**
 * `npm run bench analyze [-- --limit N]`: words/s of the full analyze pipeline on Reuters-21578
 * bodies (or the sample repeated when the corpus is absent), beside a bare wink-nlp tokenise+POS
 * pass over the same texts in the same run. Before either pass is timed, both are warmed up on the
 * same first WARM_UP_TEXTS texts (model and data loading, JIT compilation); the timings then cover
 * every text, warm-up texts included, for both passes alike.
 */
const bench: Benchmark = {
  name: 'analyze',
  description: 'full analyze pipeline vs bare wink-nlp tokenise+POS, words/s on Reuters-21578 bodies',
  async run(args) {
    const i = args.indexOf('--limit');
    const limit = i >= 0 ? Number(args[i + 1]) : 2000;
    if (!Number.isInteger(limit) || limit <= 0) throw new Error(`--limit: '${args[i + 1]}' is not a positive whole number`);
    const dir = evalDataPath('reuters21578');
    let texts: string[];
    let corpus: string;
    if (existsSync(dir)) {
      texts = reutersBodies(dir, limit);
      corpus = `Reuters-21578, ${texts.length} bodies`;
    } else {
      const sample = readFileSync(join(PACKAGE_ROOT, 'samples', 'putin-assad-column.txt'), 'utf8');
      texts = Array.from({ length: Math.min(limit, 200) }, () => sample);
      corpus = `sample column repeated ${texts.length}× (no ${dir})`;
    }
    const total = words(texts);
    // Standard warm-up, applied equally to both passes: each runs over the same first texts (model
    // and data loading, JIT) before either is timed; the timed passes still cover every text.
    const warm = texts.slice(0, WARM_UP_TEXTS);
    const nlp = wink();
    for (const t of warm) nlp.readDoc(t).tokens().out(nlp.its.pos);
    for (const t of warm) {
      try {
        analyze({ text: t });
      } catch {
        /* counted in the timed pass */
      }
    }

    let t0 = performance.now();
    for (const t of texts) nlp.readDoc(t).tokens().out(nlp.its.pos);
    const bare = (performance.now() - t0) / 1000;

    let failed = 0;
    t0 = performance.now();
    for (const t of texts) {
      try {
        analyze({ text: t });
      } catch {
        failed++;
      }
    }
    const full = (performance.now() - t0) / 1000;
    const row = (name: string, s: number) => `| ${name.padEnd(28)} | ${(total / s).toFixed(0).padStart(9)} | ${s.toFixed(2).padStart(7)} |`;
    console.log(`corpus: ${corpus}, ${total} words; both passes warmed up on the same first ${warm.length} texts before timing`);
    console.log(`| ${'pass'.padEnd(28)} | ${'words/s'.padStart(9)} | ${'seconds'.padStart(7)} |`);
    console.log(`|${'-'.repeat(30)}|${'-'.repeat(11)}|${'-'.repeat(9)}|`);
    console.log(row('wink-nlp tokenise+POS', bare));
    console.log(row('newsgraph analyze (full)', full));
    console.log(`ratio full/bare time: ${(full / bare).toFixed(2)}×  (analyze is ${((bare / full) * 100).toFixed(0)}% of bare speed)`);
    console.log(`peak RSS: ${peakRssMb()} MB${failed ? `; ${failed} texts refused` : ''}`);

    // Where the time goes: a second pass with per-stage timings (the actors stage must stay under half).
    const pipeline = createPipeline();
    const timings = new Map<string, number>();
    t0 = performance.now();
    for (const t of texts) {
      try {
        pipeline.run(createDoc({ text: t }), {}, timings);
      } catch {
        /* refused above too */
      }
    }
    const staged = performance.now() - t0;
    console.log(`\n| ${'stage'.padEnd(10)} | ${'ms'.padStart(7)} | ${'share'.padStart(6)} |`);
    console.log(`|${'-'.repeat(12)}|${'-'.repeat(9)}|${'-'.repeat(8)}|`);
    for (const [name, ms] of timings) console.log(`| ${name.padEnd(10)} | ${ms.toFixed(0).padStart(7)} | ${((100 * ms) / staged).toFixed(1).padStart(5)}% |`);
    console.log(`| ${'(other)'.padEnd(10)} | ${(staged - [...timings.values()].reduce((a, b) => a + b, 0)).toFixed(0).padStart(7)} |        |`);
  },
};
export default bench;
