/** `wep check` with named checks, --strict, --list and --format github, on the bundled example records. */
import { describe, expect, it } from 'vitest';
import { tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true });
// the day after action a1 of 2026-10-08 fell due: three warnings
const at = (cwd: string) => ({ cwd, today: '2026-12-01' });

describe('wep check NAME... / --strict / --list / --format github', () => {
  it('--list names every check with its tier, on stdout', () => {
    const r = wep(['check', '--list'], { cwd: repo() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^basic checks \(always run\):\n {2}encoding {4}every file is UTF-8/);
    for (const n of ['yaml', 'schema', 'references', 'meetings', 'registers', 'minutes', 'quorum']) expect(r.stdout).toMatch(new RegExp(`\\n  ${n} +\\S`));
    const j = JSON.parse(wep(['check', '--list', '--json'], { cwd: repo() }).stdout);
    expect(j.checks.map((c: { name: string; tier: string }) => `${c.tier}:${c.name}`)).toEqual(['basic:encoding', 'basic:yaml', 'basic:schema', 'default:references', 'default:meetings', 'default:registers', 'default:minutes', 'default:quorum']);
  });

  it('the example has three warnings, exit 0; --strict makes them errors, exit 1', () => {
    const dir = repo();
    const plain = wep(['check'], at(dir));
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/\n3 warnings\n$/);
    const strict = wep(['check', '--strict'], at(dir));
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/\n3 errors\n$/);
    expect(strict.stderr).toContain('partnership.yaml:61:12: error: Multi-Academy Trust Executive Heads: 1 of 1 seat vacant (strict: a warning counts as an error)');
  });

  it('named checks run alone: references has the two warnings of partnership.yaml, registers the overdue action', () => {
    const dir = repo();
    const refs = wep(['check', 'references'], at(dir));
    expect(refs.code).toBe(0);
    expect(refs.stderr).toMatch(/\n2 warnings\n$/);
    expect(refs.stderr).not.toContain('overdue');
    const regs = wep(['check', 'registers', '--strict'], at(dir));
    expect(regs.code).toBe(1);
    expect(regs.stderr).toContain('meetings/2026-10-08-partnership/meeting.yaml:55:10: error: action 2026-10-08-partnership/a1 is overdue');
    expect(regs.stderr).toMatch(/\n1 error\n$/);
    const quiet = wep(['check', 'quorum', 'minutes', '--strict'], at(dir));
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('the basic checks run whatever is named', () => {
    const dir = repo();
    write(dir, 'partnership.yaml', 'partnership: [unclosed\n');
    const r = wep(['check', 'quorum'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('partnership.yaml:1:');
  });

  it('an unknown check name is a usage error with did-you-mean', () => {
    const r = wep(['check', 'refrences'], { cwd: repo() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wep: error: no check named "refrences"\n  fix: did you mean "references"? (wep check --list shows them all)\n');
  });

  it('--format github prints one annotation per problem on stdout, the report on stderr', () => {
    const r = wep(['check', '--format', 'github'], at(repo()));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('::warning file=partnership.yaml,line=61,col=12,endColumn=13,title=wep check%3A references::Multi-Academy Trust Executive Heads: 1 of 1 seat vacant%0Afix: a vacancy is allowed; fill it when the group appoints someone');
    expect(lines.every((l) => l.startsWith('::warning file='))).toBe(true);
    expect(r.stderr).toMatch(/\n3 warnings\n$/);
    const strict = wep(['check', '--format', 'github', '--strict'], at(repo()));
    expect(strict.code).toBe(1);
    expect(strict.stdout.trimEnd().split('\n').every((l) => l.startsWith('::error file='))).toBe(true);
  });

  it('--format github on a clean repo prints nothing', () => {
    const r = wep(['check', 'quorum', '--format', 'github'], { cwd: repo() });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
