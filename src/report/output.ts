/**
 * The one place wep writes to the terminal. Human text goes to stdout, warnings and errors to
 * stderr; colour only on a terminal, never with NO_COLOR or --no-color.
 *
 * chalk is loaded only when colour is on (`loadColor`): a piped or NO_COLOR run, the usual
 * case for scripts, pays nothing for it, and the styles become the identity.
 */
import type { ChalkInstance } from 'chalk';
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Colour styles for renderers: chalk when colour is on, the identity otherwise. */
export type Styles = ChalkInstance;

export interface Output {
  /** A line of the report, to stdout. */
  out(text?: string): void;
  /** A warning or error line, to stderr. */
  err(text?: string): void;
  /** Machine-readable output: one JSON document on stdout. */
  json(value: unknown): void;
  /** Bytes exactly as given, to stdout (CSV, vCard and iCalendar keep their CRLF endings). */
  raw(text: string): void;
  c: ChalkInstance;
  color: boolean;
}

export interface OutputOptions {
  color?: boolean;
  env?: NodeJS.ProcessEnv;
  stdout?: { write(s: string): unknown; isTTY?: boolean };
  stderr?: { write(s: string): unknown; isTTY?: boolean };
}

/** Whether to colour: a terminal, no NO_COLOR, no --no-color; FORCE_COLOR forces it on. */
export function useColor(opts: OutputOptions): boolean {
  const env = opts.env ?? process.env;
  if (opts.color === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return opts.stdout ? Boolean(opts.stdout.isTTY) : isTerminal(1);
}

/**
 * Whether a file descriptor is a terminal. A pipe or a file is not even a character device,
 * and that is all most runs need to know: Node's tty module, which loads net and the streams,
 * is only asked about character devices (a terminal, or /dev/null).
 */
export function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    // Linux's memory devices (/dev/null, /dev/zero) are major 1; terminals never are
    if (process.platform === 'linux' && ((st.rdev >> 8) & 0xfff) === 1) return false;
  } catch {
    return false;
  }
  const req = typeof require === 'function' ? require : createRequire(import.meta.url);
  return (req('node:tty') as typeof import('node:tty')).isatty(fd);
}

/**
 * Writes straight to file descriptor 1 or 2. process.stdout and process.stderr are streams
 * whose set-up loads a good part of Node (net, streams) on every run; a CLI that prints a page
 * and exits needs none of it. If the descriptor is non-blocking (EAGAIN), the rest goes through
 * the stream as usual. A closed pipe (`wep members | head`) ends the run quietly.
 */
function fdWriter(fd: 1 | 2): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  const quietOnClosedPipe = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  };
  return (text) => {
    if (stream) {
      stream.write(text);
      return;
    }
    let buf = Buffer.from(text);
    try {
      while (buf.length > 0) buf = buf.subarray(writeSync(fd, buf));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code !== 'EAGAIN') quietOnClosedPipe(err);
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on('error', quietOnClosedPipe);
      stream.write(buf);
    }
  };
}

/** Text to standard output, for the whole process (commander's help goes here too). */
export const writeStdout = fdWriter(1);
/** Text to standard error. */
export const writeStderr = fdWriter(2);

/** Styles that change nothing: every property is itself, and calling it joins its arguments. */
function identityStyles(): ChalkInstance {
  const style: any = new Proxy((...args: unknown[]) => args.join(' '), {
    get: (target, prop) => (prop === 'level' ? 0 : prop in target ? (target as any)[prop] : style),
  });
  return style as ChalkInstance;
}

let colorStyles: ChalkInstance | undefined;

/** Loads chalk for coloured output; call before makeOutput when useColor() is true. */
export async function loadColor(): Promise<void> {
  if (colorStyles) return;
  const { Chalk } = await import('chalk');
  colorStyles = new Chalk({ level: 1 });
}

export function makeOutput(opts: OutputOptions = {}): Output {
  const stdout = opts.stdout ?? { write: writeStdout };
  const stderr = opts.stderr ?? { write: writeStderr };
  const color = useColor(opts) && colorStyles !== undefined;
  return {
    out: (t = '') => void stdout.write(`${t}\n`),
    err: (t = '') => void stderr.write(`${t}\n`),
    json: (v) => void stdout.write(`${JSON.stringify(v, null, 2)}\n`),
    raw: (t) => void stdout.write(t),
    c: color ? colorStyles! : identityStyles(),
    color,
  };
}
