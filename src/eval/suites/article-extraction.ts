import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NewsgraphError } from '../../errors.js';
import { readHtml } from '../../input/html.js';
import { evalDataPath } from '../../paths.js';
import { aggregate, shingleMatch } from '../shingles.js';
import { f3, type EvalSuite } from '../suite.js';

/** Published F1 of the benchmark's README, printed beside ours. */
const PUBLISHED = [
  ['trafilatura (published)', 0.958],
  ['readability.js (published)', 0.947],
] as const;

/** A reference extractor's output file in the data folder, scored here with the same code as ours. */
const REFERENCE_OUTPUTS = ['readability_js', 'trafilatura'];

const suite: EvalSuite = {
  name: 'article-extraction',
  description: 'HTML main-text extraction: F1 over 4-word shingles on the 181 pages of scrapinghub-aeb',
  async run() {
    const dir = evalDataPath('scrapinghub-aeb');
    const truthFile = join(dir, 'ground-truth.json');
    if (!existsSync(truthFile)) return { skipped: `no ${truthFile} (set NEWSGRAPH_EVAL_DATA)` };
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody: string }>;
    const ids = Object.keys(truth).sort();
    const ours: Array<[number, number, number]> = [];
    let failures = 0;
    for (const id of ids) {
      const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
      let text = '';
      try {
        text = readHtml(html, id).text ?? '';
      } catch (err) {
        if (!(err instanceof NewsgraphError)) throw err;
        failures++;
      }
      ours.push(shingleMatch(truth[id]!.articleBody, text));
    }
    const rows: Array<Array<string | number>> = [['extractor', 'precision', 'recall', 'F1', 'accuracy']];
    const row = (name: string, m: ReturnType<typeof aggregate>) => [name, f3(m.p), f3(m.r), f3(m.f1), f3(m.accuracy)];
    rows.push(row('newsgraph (readability + post-processing)', aggregate(ours)));
    for (const ref of REFERENCE_OUTPUTS) {
      const file = join(dir, 'output', `${ref}.json`);
      if (!existsSync(file)) continue;
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const out = (raw.output && typeof raw.output === 'object' ? raw.output : raw) as Record<string, { articleBody?: string }>;
      rows.push(row(`${ref} (its output file, rescored)`, aggregate(ids.map((id) => shingleMatch(truth[id]!.articleBody, out[id]?.articleBody ?? '')))));
    }
    for (const [name, f1] of PUBLISHED) rows.push([name, '', '', f3(f1), '']);
    return {
      table: rows,
      notes: [
        `${ids.length} pages; ${failures} with no article found (scored as empty)`,
        'newsgraph = @mozilla/readability on linkedom, then figure captions, link-dense blocks (links > 70% of the text) and leading byline/date-stamp lines removed',
        'metric: evaluate.py of scrapinghub/article-extraction-benchmark — \\w+ tokens, 4-gram shingle multisets, per-page TP/FP/FN normalised, micro P/R/F1',
      ],
    };
  },
};
export default suite;
