/**
 * GitHub Actions workflow commands for diagnostics: each becomes an annotation on its file and
 * line in the pull request and the run's summary.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Diagnostic } from '../core/diagnostic.js';

/** Escaping for the message (data) part: %, CR and LF. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping for a property value: the data escapes, and the separators : and ,. */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error file=...,line=...,col=...::message` line (or `::warning`) per diagnostic. */
export function renderGithubAnnotations(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => {
    const props = [`file=${escapeProperty(d.file)}`];
    if (d.pos) props.push(`line=${d.pos.line}`, `col=${d.pos.col}`, `endColumn=${d.pos.col + Math.max(1, d.pos.len)}`);
    props.push(`title=${escapeProperty(`wep check: ${d.check}`)}`);
    const text = d.hint ? `${d.message}\nfix: ${d.hint}` : d.message;
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(text)}`;
  });
}
