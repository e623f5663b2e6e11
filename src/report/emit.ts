/**
 * The one place a command's result reaches the terminal: notes, then the report (human lines,
 * the JSON document, or raw bytes) on stdout, then errors and warnings on stderr.
 */
import type { CommandResult, JsonDocument } from '../commands/context.js';
import type { Output } from './output.js';

/** The version of every --json shape; raised when a shape changes incompatibly. */
export const JSON_VERSION = 1;

/** A --json document: `{ "version": 1, "command": "quorum", ... }`. */
export function jsonDocument(command: string, data: object): JsonDocument {
  return { version: JSON_VERSION, command, ...data };
}

/** The one warning renderer. */
export function formatWarning(text: string, out: Pick<Output, 'c'>): string {
  return `${out.c.yellow('warning:')} ${text}`;
}

/** Writes a result. The exit code is set first, so a closed pipe cannot change it. */
export function emitResult(r: CommandResult, out: Output): void {
  process.exitCode = r.exitCode;
  for (const line of r.notes ?? []) out.err(line);
  if (r.json !== undefined) out.json(r.json);
  for (const line of r.lines ?? []) out.out(line);
  if (r.raw !== undefined) out.raw(r.raw);
  for (const line of r.errors ?? []) out.err(line);
  for (const w of r.warnings ?? []) out.err(formatWarning(w, out));
}
