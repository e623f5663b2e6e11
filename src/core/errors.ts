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
