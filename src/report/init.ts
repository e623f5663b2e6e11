/** What `wep init` says when it has written a records repo. */
import type { ChalkInstance } from 'chalk';
import type { GitOutcome } from '../io/init-repo.js';

export interface InitReport {
  /** The folder as the clerk gave it. */
  target: string;
  preset: string;
  written: string[];
  git: GitOutcome;
  /** Warnings from validating the new partnership file (vacant seats and the like). */
  warnings: number;
  /** Whether the preset gives term dates (most do not: they are the local authority's). */
  termDates?: boolean;
}

export function renderInitDone(r: InitReport, c: ChalkInstance): string[] {
  const lines = [`${c.green('Created')} a records repo in ${c.bold(r.target)} from the ${c.bold(r.preset)} preset:`, ''];
  for (const f of r.written) lines.push(`  ${f}`);
  lines.push('');
  switch (r.git.status) {
    case 'initialised':
      lines.push(`git: new repository, first commit ${r.git.commit}`);
      break;
    case 'existing':
      lines.push(`git: committed to the existing repository (${r.git.commit})`);
      break;
    case 'skipped':
      lines.push('git: not used (--no-git)');
      break;
    default:
      break;
  }
  const steps = [
    ...(r.target === '.' ? [] : [[`cd ${/\s/.test(r.target) ? JSON.stringify(r.target) : r.target}`, '']]),
    ['', 'replace the fictional people in partnership.yaml with your own (its comments explain each part)'],
    ...(r.termDates ? [] : [['', "add your local authority's term dates under partnership.calendar.terms: until then wep schedule assumes the usual English pattern"]]),
    ['wep check', 'validates the records; silent when all is well'],
    ['wep members', 'who sits where, with vacancies'],
    ['wep schedule --body ID --from DATE --to DATE --every half-term', "plans the year's meetings"],
  ];
  lines.push('', 'Next:');
  for (const [cmd, what] of steps) lines.push(cmd ? `  ${c.bold(cmd)}${what ? `  ${c.dim(`# ${what}`)}` : ''}` : `  ${what}`);
  if (r.warnings) lines.push('', c.dim(`(wep check shows ${r.warnings} warning${r.warnings === 1 ? '' : 's'} about the example, such as vacant seats: they are allowed.)`));
  return lines;
}
