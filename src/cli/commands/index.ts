import type { Command } from 'commander';
import { registerAnalyze } from './analyze.js';
import { registerDictionaries } from './dictionaries.js';
import { registerServe } from './serve.js';
import { registerCluster } from './cluster.js';
import { registerIngest } from './ingest.js';
import { registerWatch } from './watch.js';
import { registerQuery } from './query.js';
import { registerExport } from './export.js';
import { registerRecode } from './recode.js';
import { registerRuns } from './runs.js';
import { registerCorrections } from './corrections.js';

/** Registers one command on the program; `setCode` raises the process exit code. */
export type RegisterCommand = (program: Command, setCode: (code: number) => void) => void;

/** Every CLI command. A new command adds its file and one line here. */
export const COMMANDS: RegisterCommand[] = [registerAnalyze, registerDictionaries, registerServe, registerIngest, registerWatch, registerQuery, registerExport, registerCluster, registerRecode, registerRuns, registerCorrections];
