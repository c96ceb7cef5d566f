import type { Command } from 'commander';
import { registerAnalyze } from './analyze.js';

/** Registers one command on the program; `setCode` raises the process exit code. */
export type RegisterCommand = (program: Command, setCode: (code: number) => void) => void;

/** Every CLI command. A new command adds its file and one line here. */
export const COMMANDS: RegisterCommand[] = [registerAnalyze];
