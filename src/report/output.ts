/**
 * The one place wep writes to the terminal. Human text goes to stdout, warnings and errors to
 * stderr; colour only on a terminal, never with NO_COLOR or --no-color.
 *
 * chalk is loaded only when colour is on (`loadColor`): a piped or NO_COLOR run, the usual
 * case for scripts, pays nothing for it, and the styles become the identity.
 *
 * Nothing from the records reaches the terminal raw: every line of text (and commander's help
 * and errors) has its control characters made visible (`visible`), so a name holding an
 * escape sequence, a lone CR or a bidi override is shown, not obeyed. Colour survives because
 * the styles' own escape sequences travel as a per-process token until the line is written.
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

const rawStdout = fdWriter(1);
const rawStderr = fdWriter(2);

/**
 * What a terminal would obey rather than show: C0 controls but tab and newline (a lone CR
 * rewrites the line, ESC starts a sequence), DEL, the C1 controls (U+009B is a CSI on its
 * own), and the bidi overrides and isolates that reorder what is shown.
 */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text with every control character a terminal would obey written out as \u{...}. */
export function visible(text: string): string {
  return text.replace(OBEYED, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Text to standard output, for the whole process (commander's help goes here too). */
export const writeStdout = (text: string) => rawStdout(visible(text));
/** Text to standard error. */
export const writeStderr = (text: string) => rawStderr(visible(text));

/** Styles that change nothing: every property is itself, and calling it joins its arguments. */
function identityStyles(): ChalkInstance {
  const style: any = new Proxy((...args: unknown[]) => args.join(' '), {
    get: (target, prop) => (prop === 'level' ? 0 : prop in target ? (target as any)[prop] : style),
  });
  return style as ChalkInstance;
}

let colorStyles: ChalkInstance | undefined;

/**
 * Stands for ESC in styled text until the line is written, so that `visible` can tell the
 * styles' own escape sequences from any in the records. Random per process: records cannot
 * hold it by design, and cannot guess it.
 */
const ESC_TOKEN = `\u{f0000}${Math.random().toString(36).slice(2, 10)}\u{f0000}`;

/**
 * chalk's styles, chainable as ever, whose arguments are made visible first and whose own
 * escape sequences come out as ESC_TOKEN (and go back to ESC for chalk's own nesting).
 */
function guardedStyles(chalk: ChalkInstance): ChalkInstance {
  // The proxies stand on empty functions: chalk's own properties are read-only, which a proxy
  // of chalk itself would have to return unchanged.
  const wrap = (style: any): any =>
    new Proxy(() => {}, {
      apply: (_target, _this, args: unknown[]) =>
        String(style(...args.map((a) => visible(String(a)).split(ESC_TOKEN).join('\u001b')))).split('\u001b').join(ESC_TOKEN),
      get: (_target, prop) => {
        const v = style[prop];
        return typeof v === 'function' ? wrap(v) : v;
      },
    });
  return wrap(chalk) as ChalkInstance;
}

/** Text as the terminal gets it: controls made visible, the styles' sequences restored. For whatever draws on the terminal itself (the prompts). */
export const terminalText = (text: string) => visible(text).split(ESC_TOKEN).join('\u001b');

/** JSON with the characters JSON.stringify leaves raw but a terminal obeys (DEL, C1, bidi controls) as \u escapes: the same data. */
const terminalJson = (json: string) => json.replace(OBEYED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Loads chalk for coloured output; call before makeOutput when useColor() is true. */
export async function loadColor(): Promise<void> {
  if (colorStyles) return;
  const { Chalk } = await import('chalk');
  colorStyles = guardedStyles(new Chalk({ level: 1 }));
}

export function makeOutput(opts: OutputOptions = {}): Output {
  const stdout = opts.stdout ?? { write: rawStdout };
  const stderr = opts.stderr ?? { write: rawStderr };
  const color = useColor(opts) && colorStyles !== undefined;
  return {
    out: (t = '') => void stdout.write(`${terminalText(t)}\n`),
    err: (t = '') => void stderr.write(`${terminalText(t)}\n`),
    json: (v) => void stdout.write(`${terminalJson(JSON.stringify(v, null, 2))}\n`),
    raw: (t) => void stdout.write(t),
    c: color ? colorStyles! : identityStyles(),
    color,
  };
}
