import { Command, CommanderError } from 'commander';
import { VERSION } from '../analyze.js';
import { NewsgraphError } from '../errors.js';
import { COMMANDS } from './commands/index.js';

/**
 * The `newsgraph` command line: a thin shell over the library. Each command lives in
 * `commands/<name>.ts` and is listed in `commands/index.ts`.
 * Returns the exit code; user-facing errors are one line on stderr, never a stack trace.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('newsgraph')
    .description('Reads news articles and reconstructs the geopolitical system they describe.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let code = 0;
  const setCode = (c: number) => { code = Math.max(code, c); };
  for (const register of COMMANDS) register(program, setCode);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    return reportError(err);
  }
}

/** Turns any thrown error into a one-line message and an exit code. */
export function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? 0 : 2; // commander already printed its message
  }
  if (err instanceof NewsgraphError) {
    process.stderr.write(`newsgraph: ${err.message}\n`);
    return 1;
  }
  const e = err as NodeJS.ErrnoException;
  process.stderr.write(`newsgraph: internal error: ${e?.message ?? String(err)}\n`);
  if (process.env.NEWSGRAPH_DEBUG) process.stderr.write(`${e?.stack}\n`);
  return 70;
}
