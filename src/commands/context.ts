/**
 * The boundary between src/cli.ts and the commands: what every command receives, and the
 * result it returns. A command never writes to the terminal; src/report/emit.ts does, once,
 * with what the command returned.
 */
import type { IsoDate } from '../core/dates.js';
import type { Styles } from '../report/output.js';

export interface CommandContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  today: IsoDate;
  /** --file: the partnership file, overriding discovery. */
  file?: string;
  /** Whether stdin and stdout are a terminal (prompts are allowed). */
  interactive: boolean;
  /** Styles for the renderers in src/report (the identity when colour is off). */
  c: Styles;
  /**
   * For interactive prompts only: a line shown while the clerk answers. Everything else a
   * command has to say goes into its result.
   */
  print(line: string): void;
}

/** The --json document of every command: an object with the shape's version and the command. */
export interface JsonDocument {
  version: number;
  command: string;
  [key: string]: unknown;
}

/** What a command returns; src/report/emit.ts writes it. */
export interface CommandResult {
  /** 0 ok, 1 problems found, 2 bad input, 3 not quorate (README "Exit codes"). */
  exitCode: number;
  /** The human report, one line each, for stdout (rendered by src/report). */
  lines?: string[];
  /** With --json: the one JSON document for stdout. */
  json?: JsonDocument;
  /** Bytes for stdout exactly as they are (CSV, vCard, iCalendar keep their CRLF). */
  raw?: string;
  /** Lines for stderr before the report: which meeting was chosen, and the like. */
  notes?: string[];
  /** Lines for stderr after the report that are not warnings (diagnostics, hints). */
  errors?: string[];
  /** Warnings for stderr, each rendered "warning: ..." by the one warning renderer. */
  warnings?: string[];
}

/** A finished result: exit 0 unless given. */
export function done(r: Partial<CommandResult> = {}): CommandResult {
  return { exitCode: 0, ...r };
}
