/**
 * The one place wep writes to the terminal. Human text goes to stdout, warnings and errors to
 * stderr; colour only on a terminal, never with NO_COLOR or --no-color.
 *
 * chalk is loaded only when colour is on (`loadColor`): a piped or NO_COLOR run, the usual
 * case for scripts, pays nothing for it, and the styles become the identity.
 */
import type { ChalkInstance } from 'chalk';

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
  return Boolean((opts.stdout ?? process.stdout).isTTY);
}

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
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
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
