import { detectToponyms } from '../../geo/detect.js';
import { gazetteer } from '../../geo/gazetteer.js';
import { geoContext, resolveToponyms } from '../../geo/resolve.js';
import { tokenize } from '../../nlp/index.js';
import type { Benchmark } from '../bench.js';

const TEXT = 'Russia protects its bases at Latakia and Tartus, while rebels near Idlib and Aleppo fight on. '
  + 'Talks in Washington, Moscow and Geneva stalled as Iranian and Turkish envoys met in Damascus. ';

/**
 * `npm run bench gazetteer`: the gazetteer's lazy load (time, heap and RSS growth), then lookups
 * per second and toponym detection + resolution in words per second, beside bare tokenisation of
 * the same text in the same run.
 */
const bench: Benchmark = {
  name: 'gazetteer',
  description: 'gazetteer load time and memory; lookups/s; toponym detection+resolution vs bare tokenisation',
  async run() {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage();
    const t0 = performance.now();
    const gaz = gazetteer();
    const loadMs = performance.now() - t0;
    gc?.();
    const after = process.memoryUsage();
    console.log(`gazetteer: ${gaz.size} entries loaded in ${Math.round(loadMs)} ms; heap +${Math.round((after.heapUsed - before.heapUsed) / 1e6)} MB, RSS +${Math.round((after.rss - before.rss) / 1e6)} MB`);

    const names = ['Tartus', 'Moscow', 'Washington', 'Idlib province', 'Nowhere Town', 'the Gulf', 'Georgia', 'Springfield'];
    const n = 200_000;
    const t1 = performance.now();
    for (let i = 0; i < n; i++) gaz.lookup(names[i % names.length]!);
    console.log(`lookup: ${Math.round(n / ((performance.now() - t1) / 1000)).toLocaleString('en')} names/s`);

    const text = TEXT.repeat(200);
    const wordCount = text.match(/\S+/g)!.length;
    const t2 = performance.now();
    const { tokens } = tokenize(text);
    const tokMs = performance.now() - t2;
    const t3 = performance.now();
    const found = detectToponyms(text, tokens);
    const inputs = found.map((f) => ({ name: f.text, start: f.start, end: f.end, hits: f.hits }));
    resolveToponyms(inputs, geoContext(text, inputs));
    const geoMs = performance.now() - t3;
    console.log(`tokenise only: ${Math.round(wordCount / (tokMs / 1000)).toLocaleString('en')} words/s`);
    console.log(`detect + resolve (${found.length} toponyms): ${Math.round(wordCount / (geoMs / 1000)).toLocaleString('en')} words/s (${(geoMs / tokMs).toFixed(2)}× the tokenisation time)`);
  },
};
export default bench;
