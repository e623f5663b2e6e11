/**
 * Problems in hledger style: FILE:LINE:COL, the line with ^^^ under the place, what is wrong
 * and how to fix it.
 */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostic.js';

/** Characters of a line shown in an excerpt, and how many of them come before the place. */
const EXCERPT_WIDTH = 100;
const EXCERPT_LEAD = 40;

/** Renders one diagnostic as lines of text. */
export function renderDiagnostic(d: Diagnostic, source: string | undefined, c: ChalkInstance): string[] {
  const where = d.pos ? `${d.file}:${d.pos.line}:${d.pos.col}` : d.file;
  const label = d.severity === 'error' ? c.red.bold('error') : c.yellow.bold('warning');
  const lines = [`${c.bold(where)}: ${label}: ${d.message}`];
  if (d.pos && source !== undefined) {
    const text = source.split(/\r?\n/)[d.pos.line - 1];
    if (text !== undefined) {
      const num = String(d.pos.line);
      const pad = ' '.repeat(num.length);
      // A long line (a minified list, a runaway nesting) is shown as a window around the place.
      const full = text.replace(/\t/g, ' ');
      const from = full.length > EXCERPT_WIDTH ? Math.max(0, Math.min(d.pos.col - 1 - EXCERPT_LEAD, full.length - EXCERPT_WIDTH)) : 0;
      const cut = full.slice(from, from + EXCERPT_WIDTH);
      const shown = `${from > 0 ? '…' : ''}${cut}${from + EXCERPT_WIDTH < full.length ? '…' : ''}`;
      const col = d.pos.col - from + (from > 0 ? 1 : 0);
      const len = Math.max(1, Math.min(d.pos.len, cut.length - (d.pos.col - 1 - from)));
      lines.push(`${pad} |`);
      lines.push(`${num} | ${shown}`);
      lines.push(`${pad} | ${' '.repeat(Math.max(0, col - 1))}${(d.severity === 'error' ? c.red : c.yellow)('^'.repeat(len))}`);
    }
  }
  if (d.hint) lines.push(`  ${c.cyan('fix:')} ${d.hint}`);
  return lines;
}

/** Renders every diagnostic, a blank line between, and a count at the end. */
export function renderDiagnostics(ds: readonly Diagnostic[], sources: Record<string, string>, c: ChalkInstance): string[] {
  const out: string[] = [];
  for (const d of ds) {
    out.push(...renderDiagnostic(d, sources[d.file], c), '');
  }
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.length - errors;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  if (parts.length) out.push(parts.join(', '));
  return out;
}

/** The stable --json shape of a diagnostic. */
export function diagnosticJson(d: Diagnostic) {
  return {
    severity: d.severity,
    file: d.file,
    line: d.pos?.line ?? null,
    column: d.pos?.col ?? null,
    path: d.path ?? null,
    check: d.check,
    message: d.message,
    hint: d.hint ?? null,
  };
}
