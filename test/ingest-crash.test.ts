import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'test', 'fixtures', 'corpus', 'cli.ts');
// Long enough that the first ingest is still running while the second one starts (a few seconds).
const N = 1500;

const PLACES = ['Kyiv', 'Nairobi', 'Caracas', 'Manila', 'Ankara', 'Lima', 'Hanoi', 'Dakar'];
const VERBS = ['met', 'criticised', 'praised', 'accused', 'visited', 'thanked'];

/** A JSONL corpus of N distinct short articles. */
function corpus(path: string): void {
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const p = PLACES[i % PLACES.length]!;
    const v = VERBS[i % VERBS.length]!;
    lines.push(JSON.stringify({
      id: `art-${i}`,
      date: `2024-0${1 + (i % 9)}-1${i % 10}`,
      text: `Report ${i}. The foreign minister ${v} the ambassador in ${p} on Monday, officials said. ` +
        `Talks number ${i * 7 + 3} covered trade, energy and security, and both sides promised to meet again in ${PLACES[(i + 3) % PLACES.length]}. ` +
        `Protesters gathered outside the ministry in ${PLACES[(i + 5) % PLACES.length]} for the ${i % 11 + 2}th day, police said.`,
    }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function startIngest(input: string, db: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', input, '--db', db, '--jobs', '0', '--batch', '10'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function count(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const c = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (c.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      c.close();
    }
  } catch {
    return 0; // not created yet
  }
}

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe('crash safety and concurrent writers (child processes)', () => {
  it('kill -9 mid-ingest, then re-run: nothing lost, nothing duplicated, store opens cleanly; a second writer is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-crash-'));
    const input = join(dir, 'long.jsonl');
    const db = join(dir, 'store.db');
    corpus(input);

    const first = startIngest(input, db);
    const firstDone = exited(first);
    await until(() => count(db) >= 30, 90_000);

    // A second ingest into the same store while the first writes: refused with a clear message.
    writeFileSync(join(dir, 'other.txt'), 'The president visited Lima on Friday.');
    const second = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'ingest', join(dir, 'other.txt'), '--db', db], { cwd: ROOT, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^newsgraph: ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: another ingest \\(pid ${first.pid} on .*\\) is writing this store; wait for it or pass --wait\\n$`));

    first.kill('SIGKILL');
    const killed = await firstDone;
    expect(killed.signal).toBe('SIGKILL');
    const partial = count(db);
    expect(partial).toBeGreaterThanOrEqual(30);
    expect(partial).toBeLessThan(N);

    // The store opens cleanly after the kill.
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const again = await exited(startIngest(input, db));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^stored ${N - partial} articles( \\(\\d+ duplicates\\))?, skipped ${partial} already stored`));

    const store = await openStore(db);
    const ids = new Set<string>();
    let rows = 0;
    for await (const r of store.rows('articles')) {
      ids.add(r.id as string);
      rows++;
    }
    expect(rows).toBe(N);
    expect(ids.size).toBe(N);
    expect([...ids].sort()).toEqual(Array.from({ length: N }, (_, i) => `art-${i}`).sort());
    expect((await store.runs()).length).toBe(2);
    await store.close();
  }, 240_000);
});
