/** File writes that never leave a half-written file behind. */
import { chmodSync, renameSync, rmSync, statSync, writeFileSync, existsSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

let counter = 0;

/** Writes to a temporary file beside the target, then renames it into place, keeping the target's mode. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  // unique per process and call, so two wep runs writing the same file never share a temp file
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${++counter}.tmp`);
  try {
    writeFileSync(tmp, content);
    let mode: number | undefined;
    try {
      mode = statSync(path).mode & 0o7777;
    } catch {
      // a new file: the default mode
    }
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export function readTextIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
