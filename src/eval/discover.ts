import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Loads every module in a folder next to this file (compiled `.js`, or `.ts` under a TS runner)
 * and returns their default exports, sorted by file name. Used so that suites, benchmarks and
 * data validators are added by dropping a file in, without editing a list.
 */
export async function discover<T>(folder: string): Promise<T[]> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', folder);
  if (!existsSync(dir)) return [];
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.endsWith(`.test${ext}`) && !f.endsWith('.d.ts'))
    .sort();
  const out: T[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: T };
    if (mod.default) out.push(mod.default);
  }
  return out;
}
