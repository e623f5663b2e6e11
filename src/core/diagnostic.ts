/** Problems as the user sees them: a file, a place in it, what is wrong, how to fix it. */
import type { Pos, Positions } from './pnode.js';
import type { Problem } from './schema.js';

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Path of the file, as the user would type it (relative to where wep runs). */
  file: string;
  pos?: Pos;
  /** Dotted path into the document, when the problem is about a value. */
  path?: string;
  message: string;
  hint?: string;
  /** Which check found it (schema, yaml, references, proxies, ...). */
  check: string;
}

/** Attaches positions to problems found by the schema or the rules. */
export function locate(
  problems: readonly Problem[],
  file: string,
  positions: Positions,
  check: string,
): Diagnostic[] {
  return problems.map((p) => {
    let at = positions.get(p.path);
    // A missing key is reported on the mapping that should hold it; walk up to the nearest
    // path that exists.
    let path = p.path;
    while (!at && path.includes('.')) {
      path = path.slice(0, path.lastIndexOf('.'));
      at = positions.get(path);
    }
    at ??= positions.get(path) ?? positions.get('');
    const pos = at ? (p.atKey && at.key ? at.key : at.value) : undefined;
    return { severity: p.severity ?? 'error', file, pos, path: p.path, message: p.message, hint: p.hint, check };
  });
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');
