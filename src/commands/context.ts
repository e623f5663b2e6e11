/** What every command receives: where it runs, what "today" is, and where output goes. */
import type { IsoDate } from '../core/dates.js';
import type { Output } from '../report/output.js';

export interface CommandContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  today: IsoDate;
  out: Output;
  /** --file: the partnership file, overriding discovery. */
  file?: string;
  /** Whether stdin and stdout are a terminal (prompts are allowed). */
  interactive: boolean;
}

/** A command returns its exit code. */
export type CommandResult = Promise<number>;
