/**
 * Real PostgreSQL and Redis for the tests, started on loopback from the Debian packages
 * (`.ci/run` installs them) in a scratch directory, and stopped afterwards.
 * Running services can be used instead by setting NEWSGRAPH_TEST_PG / NEWSGRAPH_TEST_REDIS.
 * Outside CI a missing server skips the suites that need it (with a message); in CI it fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on loopback (so that concurrent test runs never collide). */
function freePort(): number {
  const out = execFileSync(process.execPath, ['-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], { encoding: 'utf8' });
  return Number(out.trim());
}

function pgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort();
  return versions.length ? join(base, versions.at(-1)!, 'bin') : null;
}

/** Runs a command as the `postgres` user when we are root (initdb refuses root). */
function asPostgres(cmd: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const r = isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
}

export interface Services {
  pgUrl: string | null;
  redisUrl: string | null;
  stop(): void;
}

/** Starts (or finds) PostgreSQL and Redis; returns their URLs, null for one that is unavailable. */
export function startServices(): Services {
  const stops: Array<() => void> = [];
  let pgUrl = process.env.NEWSGRAPH_TEST_PG ?? null;
  let redisUrl = process.env.NEWSGRAPH_TEST_REDIS ?? null;

  const bin = pgBin();
  if (!pgUrl && bin) {
    const PG_PORT = freePort();
    const dir = mkdtempSync(join(tmpdir(), 'ng-pg-'));
    chmodSync(dir, 0o777);
    const data = join(dir, 'data');
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    asPostgres(join(bin, 'pg_ctl'), [
      '-D', data, '-l', join(dir, 'log'), '-w', '-o',
      `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start',
    ]);
    pgUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;
    stops.push(() => {
      try { asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    });
  }

  if (!redisUrl && existsSync('/usr/bin/redis-server')) {
    const REDIS_PORT = freePort();
    const dir = mkdtempSync(join(tmpdir(), 'ng-redis-'));
    execFileSync('/usr/bin/redis-server', [
      '--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no',
      '--dir', dir, '--pidfile', join(dir, 'redis.pid'), '--logfile', join(dir, 'redis.log'),
    ]);
    redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
    stops.push(() => {
      spawnSync('redis-cli', ['-p', String(REDIS_PORT), 'shutdown', 'nosave']);
      rmSync(dir, { recursive: true, force: true });
    });
  }

  if (process.env.CI && (!pgUrl || !redisUrl)) {
    throw new Error(`CI needs PostgreSQL and Redis for the cluster tests (found pg=${!!pgUrl} redis=${!!redisUrl}); .ci/run installs them`);
  }
  return { pgUrl, redisUrl, stop: () => stops.reverse().forEach((s) => s()) };
}
