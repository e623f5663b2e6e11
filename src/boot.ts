/**
 * Starts wep fast. The CLI is one CommonJS bundle (dist/cli.cjs); this loader compiles it
 * with V8's code cache, kept in wep's cache folder, so that a run after the first skips
 * parsing and compiling the bundle. Measured with bench/run.mjs: about 1.3x bare `node -e 0`,
 * against 1.5x and more for the same code as ESM chunks (Node 20 has no compile cache for
 * ES modules). Any problem with the cache only costs speed: the bundle is then compiled as
 * usual, and the cache rewritten.
 *
 * V8 checks that a code cache belongs to this V8, these flags and a source of this length,
 * but in release builds not its content: a damaged cache file would crash node (SIGSEGV) on
 * every run. So each file carries a header with its length and a checksum of the data, and a
 * file that does not match is ignored and rewritten.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { codeChecksum, checksumBuffer } from './code-checksum.js';

declare const __WEP_BUILD__: string;

const bundle = join(dirname(fileURLToPath(import.meta.url)), 'cli.cjs');

/** The command word (as in cli.ts's commandName): each command keeps the code it runs. */
function commandWord(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-f' || a === '--file') i++;
    else if (!a.startsWith('-')) return /^[a-z-]{1,20}$/.test(a) ? a : 'other';
  }
  return 'none';
}

function codeCachePath(env: NodeJS.ProcessEnv, args: readonly string[]): string | undefined {
  // as io/cache.ts reads it: set to anything but "" or "0" turns caches off
  if (env.WEP_NO_CACHE !== undefined && env.WEP_NO_CACHE !== '' && env.WEP_NO_CACHE !== '0') return undefined;
  const dir = env.WEP_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'wep');
  // One file per build, so a new build never reads an old build's code, and per command, so
  // each holds the functions its own command compiled and no more.
  return join(dir, `code-${__WEP_BUILD__.replace(/[^a-z0-9.+-]/gi, '_')}-${commandWord(args)}.bin`);
}

/**
 * "WEPC", then the data's length and checksum (little-endian 32-bit words), then the data; or
 * "WEP1" and no data: the mark a command's first run leaves. A first run with an empty cache
 * folder also parses the records (YAML, validation) that later runs take from the parse cache,
 * and the code it compiled for that would be a third to two fifths of its code cache, for V8
 * to read back on every run (`wep check`: 675 KB against 407, 8.4 ms against 6.9 from the
 * loader's start to the compiled bundle, median of 41 runs each). So the first run only leaves
 * the mark, and the code of the next, which had the parse cache warm, is kept.
 */
const KEPT = 0x43504557;
const FIRST = 0x31504557;
const HEADER = 12;
/** A command's code is 400 to 800 KB; a file far larger is not one of wep's. */
const MAX_CODE_FILE = 64 * 1024 * 1024;

/**
 * The cached code in a file if the file is whole, `first` for a first run's mark, undefined for
 * anything else (no file, a short or damaged one). Read straight into the checksum's memory,
 * and checked there.
 */
function readCodeCache(path: string | undefined): Uint8Array | 'first' | undefined {
  if (!path) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size < HEADER || size > MAX_CODE_FILE) return undefined;
    const { bytes, sum } = checksumBuffer(size);
    for (let at = 0; at < size; ) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) return undefined;
      at += n;
    }
    const head = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
    const magic = head.getUint32(0, true);
    if ((magic !== KEPT && magic !== FIRST) || head.getUint32(4, true) !== size - HEADER || sum(HEADER, size - HEADER) !== head.getUint32(8, true)) return undefined;
    return magic === FIRST ? 'first' : bytes.subarray(HEADER);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function wrapCodeCache(data: Uint8Array, magic: number): Buffer {
  const head = Buffer.alloc(HEADER);
  head.writeUInt32LE(magic, 0);
  head.writeUInt32LE(data.length, 4);
  head.writeUInt32LE(codeChecksum(data), 8);
  return Buffer.concat([head, data]);
}

const cachePath = codeCachePath(process.env, process.argv.slice(2));
const cached = readCodeCache(cachePath);
const cachedData = cached === 'first' ? undefined : cached;
let source: string;
try {
  // The bundle is ASCII (test/e2e/bundle.test.ts), and ASCII read as Latin-1 is the same text,
  // got without UTF-8 decoding: 2 to 3 ms of every run. Anything else is decoded as UTF-8.
  const bytes = readFileSync(bundle);
  source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
} catch {
  process.stderr.write(`wep: error: ${bundle} is missing: wep has not been built\n  fix: run "npm run build" (or "npm ci") in the wep folder\n`);
  process.exit(70);
}
// Node's own CommonJS wrapper, written out: loading node:module to get it would also load
// node's fs/promises and readline, which costs more than this whole loader.
const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
// No importModuleDynamically: the bundle has no import() left (esbuild turns each into a lazy
// require of bundled code), and asking for Node's module loader would start it up for nothing.
const script = new vm.Script(wrapped, { filename: bundle, cachedData });

if (cachePath && (!cachedData || script.cachedDataRejected)) {
  // After a first run's mark, written when the command is done, so that the cache holds the
  // functions it compiled too; with no cache (or one V8 would not take), the mark.
  const keep = cached === 'first';
  process.once('beforeExit', () => {
    try {
      mkdirSync(dirname(cachePath), { recursive: true });
      const tmp = `${cachePath}.${process.pid}.tmp`;
      writeFileSync(tmp, keep ? wrapCodeCache(script.createCachedData(), KEPT) : wrapCodeCache(new Uint8Array(0), FIRST));
      renameSync(tmp, cachePath);
      // an earlier build's code is never read again
      const current = basename(cachePath).replace(/-[a-z-]+\.bin$/, '-');
      for (const name of readdirSync(dirname(cachePath))) {
        if (name.startsWith('code-') && name.endsWith('.bin') && !name.startsWith(current)) rmSync(join(dirname(cachePath), name), { force: true });
      }
    } catch {
      // a read-only home or full disk only costs speed
    }
  });
}

// The bundle requires only Node's built-in modules (its dependencies are bundled), so this
// loader's own require serves it.
const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, bundle, dirname(bundle));
