// What every benchmark script shares: the checkout it lives in, and its command-line options.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The wep checkout. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The script's arguments. */
export const args = process.argv.slice(2);

/** The value given after `name` (as in `--rounds 15`), or `dflt`. */
export function opt(name, dflt) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
}
