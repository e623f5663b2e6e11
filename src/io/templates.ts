/**
 * Handlebars templates on disk: the records repo's own `templates/` folder (next to
 * partnership.yaml) overrides the ones bundled with wep, file by file. A template that does
 * not compile or fails while rendering is reported with its file and line. Handlebars is loaded
 * here only, and only commands that write documents import this module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WepError } from '../core/errors.js';
import { readRecordText, recordEntry } from './guarded-read.js';
import { escapeMarkdownHtml } from '../report/markdown-escape.js';

export const TEMPLATES_DIR = 'templates';

/** The templates bundled with wep: `templates/` at the package root (dist/ or src/io/ below it). */
export function bundledTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, TEMPLATES_DIR);
    if (existsSync(join(candidate, 'notice.md.hbs'))) return candidate;
    dir = dirname(dir);
  }
  throw new WepError('the templates bundled with wep are missing', 'reinstall wep; the package should contain a templates/ folder');
}

export interface TemplateFile {
  path: string;
  /** As shown in messages. */
  display: string;
  /** True when the records repo's own template is used. */
  overridden: boolean;
}

/** Where template `name` comes from: the records repo's templates/ first, then wep's own. */
export function findTemplate(root: string, name: string, cwd: string): TemplateFile {
  const own = join(root, TEMPLATES_DIR, name);
  if (recordEntry(root, own) !== 'absent') {
    const rel = relative(cwd, own);
    return { path: own, display: rel && !rel.startsWith('..') ? rel : own, overridden: true };
  }
  const bundled = join(bundledTemplatesDir(), name);
  if (!existsSync(bundled)) throw new WepError(`no template ${name}`, `add ${TEMPLATES_DIR}/${name} next to partnership.yaml`);
  return { path: bundled, display: `${TEMPLATES_DIR}/${name} (bundled with wep)`, overridden: false };
}

/** Where in the template a Handlebars error happened, from what Handlebars says. */
export function templateErrorLine(e: unknown): { line?: number; column?: number; detail: string } {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const parse = /Parse error on line (\d+):[\s\S]*?\n(Expecting [^\n]*|Unexpected [^\n]*)/.exec(message);
  if (parse) return { line: Number(parse[1]), detail: parse[2]! };
  const mismatch = /^(.*) - (\d+):(\d+)$/m.exec(message);
  if (mismatch) return { line: Number(mismatch[2]), column: Number(mismatch[3]) + 1, detail: mismatch[1]! };
  const firstLine = message.split('\n')[0]!;
  return { line: err.lineNumber, column: err.column !== undefined ? err.column + 1 : undefined, detail: firstLine };
}

function templateError(t: TemplateFile, e: unknown): WepError {
  const { line, column, detail } = templateErrorLine(e);
  const where = line ? `${t.display}:${line}${column ? `:${column}` : ''}` : t.display;
  return new WepError(
    `template ${where}: ${detail}`,
    t.overridden ? `fix the template, or delete it to use the one bundled with wep` : 'this is a bug in wep\'s own template; please report it',
  );
}

/** Handlebars' rule for what a value becomes ({{x}}), with Markdown's escaping in place of HTML's. */
function markdownValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  const safe = value as { toHTML?: () => string };
  if (typeof safe.toHTML === 'function') return safe.toHTML();
  return escapeMarkdownHtml(String(value));
}

/**
 * Makes {{x}} in this Handlebars instance's templates escape for Markdown. Handlebars has no
 * option for its escape function: every template reads it from the container its top-level
 * function is called with, so that function is handed a container that differs only there.
 */
function escapeForMarkdown(hb: typeof import('handlebars')): void {
  const template = hb.template.bind(hb);
  hb.template = ((spec: { main: (container: object, ...rest: unknown[]) => string }) => {
    const main = spec.main;
    spec.main = function (this: unknown, container: object, ...rest: unknown[]) {
      return main.call(this, Object.create(container, { escapeExpression: { value: markdownValue } }), ...rest);
    };
    return template(spec as never);
  }) as typeof hb.template;
}

/**
 * Renders template `name` with `data`. `html: true` escapes every value for HTML (.html);
 * otherwise for Markdown: raw HTML cannot start in a value (see escapeMarkdownHtml), and
 * {{{x}}} inserts a value as it is.
 */
export async function renderTemplate(root: string, cwd: string, name: string, data: object, opts: { html: boolean }): Promise<string> {
  const t = findTemplate(root, name, cwd);
  // the records repo's own template through the guarded reader; wep's own from its package
  const source = t.overridden ? readRecordText(root, t.path, { display: t.display }) : readFileSync(t.path, 'utf8');
  const { default: Handlebars } = await import('handlebars');
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
  hb.registerHelper('upper', (s: unknown) => String(s ?? '').toUpperCase());
  if (!opts.html) escapeForMarkdown(hb);
  let render: (d: object) => string;
  try {
    // Parsing first reports syntax errors now, with a line, rather than at first use.
    hb.parse(source);
    render = hb.compile(source, { strict: false, preventIndent: true });
  } catch (e) {
    throw templateError(t, e);
  }
  try {
    return render(data);
  } catch (e) {
    throw templateError(t, e);
  }
}
