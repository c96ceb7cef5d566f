import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { openStore } from '../src/store/open.js';
import { editDictionary } from '../src/steer/dictionaries.js';
import { pending, recode } from '../src/steer/recode.js';

const ROOT = join(import.meta.dirname, '..');
const CHILD = join(ROOT, 'test', 'fixtures', 'steer', 'recode-stall.ts');
const TAIL = ' The talks covered the war in Syria and the future of the country, the officials said.';

describe('recode killed with SIGKILL mid-transaction', () => {
  it('leaves the previous facts, runs and pending state intact; a later recode completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-steer-kill-'));
    const src = join(dir, 'articles');
    mkdirSync(src);
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(src, `a${i}.txt`), `Vovochka met Syrian President Bashar al-Assad in Damascus on day ${i + 1}, officials said.${TAIL}`);
    }
    const db = join(dir, 'corpus.db');
    let store = await openStore(db);
    await ingest(store, [src], { jobs: 0, skipIncidents: true });
    const snapshot = async () => {
      const out: unknown[] = [];
      for await (const r of store.rows('articles')) out.push(await store.getAnalysis(String(r.id)));
      return out;
    };
    const before = await snapshot();
    const runsBefore = await store.runs();
    await store.close();
    editDictionary(db, { op: 'add-alias', id: 'vladimir-putin', alias: 'Vovochka' });

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('IN_TRANSACTION')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before the transaction: ${out}${err}`)));
    });
    const exited = new Promise((r) => child.on('exit', (_code, signal) => r(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(out).not.toContain('FINISHED');

    store = await openStore(db);
    expect(await snapshot()).toEqual(before);
    const runs = await store.runs();
    // The killed recode's run was started, never finished; the ingest run is untouched.
    expect(runs.filter((r) => r.id !== runsBefore[0]!.id)).toMatchObject([{ finished: null }]);
    expect(runs.find((r) => r.id === runsBefore[0]!.id)).toEqual(runsBefore[0]);
    expect(await pending(store)).toMatchObject({ dictionary: true });

    // The writer lock of the killed process is taken over; the recode now completes.
    const done = await recode(store);
    expect(done.affected).toHaveLength(6);
    expect((await store.getAnalysis(done.affected[0]!))!.entities.some((e) => e.kb?.id === 'vladimir-putin')).toBe(true);
    expect(await pending(store)).toMatchObject({ dictionary: false });
    await store.close();
  }, 120_000);
});
