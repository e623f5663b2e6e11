/** Typed, expected failures. The one catch in cli.ts turns them into a message and an exit code. */
import type { Diagnostic } from './diagnostic.js';

export const EXIT = { ok: 0, problems: 1, badInput: 2, inquorate: 3, internal: 70 } as const;

/** A problem the user can fix: bad input, a missing file, a refused overwrite. */
export class WepError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'WepError';
  }
}

/** Input that failed validation: every problem at once, with positions. */
export class DiagnosticsError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly sources: Record<string, string>,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(`${diagnostics.length} problem(s)`);
    this.name = 'DiagnosticsError';
  }
}

/** The user pressed Ctrl-C at a prompt: leave quietly, change nothing. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * A problem with a value the caller gave core (a person id, an agenda item, a date range).
 * Core returns these instead of throwing, and says which input (`field`) it was about; the
 * command that passed the value names it as the clerk typed it (a flag, an answer).
 */
export interface Problem {
  /** The input the problem is about, in core's words: "present", "proxy", "from". */
  field: string;
  /** The value as given, when the message is about one of several: "px-evans=sh-evans". */
  value?: string;
  /** What is wrong, without naming any flag. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** A value, or the problems that stopped core from computing it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Checked<T> => ({ ok: false, problems });
