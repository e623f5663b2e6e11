/**
 * One records loader: every command reads a meeting's minutes.md the same way, so an ACTION
 * minuted in draft reaches the next agenda, the notice and the action log alike.
 */
import { describe, expect, it } from 'vitest';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true });
const OCT = '2026-10-08-partnership';
const DEC = '2026-12-10-partnership';

/** The example's October meeting with draft minutes holding an action not yet in meeting.yaml. */
function withDraftAction(): string {
  const dir = repo();
  const yaml = read(dir, `meetings/${OCT}/meeting.yaml`).replace(/\nminutes:[\s\S]*?(?=\n\S|$)/, '');
  write(dir, `meetings/${OCT}/meeting.yaml`, `${yaml.trimEnd()}\nminutes:\n  status: draft\n`);
  write(dir, `meetings/${OCT}/minutes.md`, '# Minutes\n\n## 5. Work plan 2026-27\n\nACTION: Circulate the SEND audit to all heads — owner: la-morgan, due: 2026-12-01\n');
  return dir;
}

describe('one records loader', () => {
  it('a draft ACTION line is in the action log, the next agenda and the next notice', () => {
    const dir = withDraftAction();
    const actions = JSON.parse(wep(['actions', '--open', '--json'], { cwd: dir }).stdout).actions as { text: string }[];
    expect(actions.map((a) => a.text)).toContain('Circulate the SEND audit to all heads');

    const agenda = wep(['agenda', '--meeting', DEC, '--json'], { cwd: dir });
    expect(agenda.code).toBe(0);
    expect(agenda.stdout).toContain('Circulate the SEND audit to all heads');
    expect(wep(['agenda', '--meeting', DEC], { cwd: dir }).stdout).toContain('Circulate the SEND audit to all heads');

    const notice = wep(['notice', '--meeting', DEC], { cwd: dir });
    expect(notice.code).toBe(0);
    expect(read(dir, `meetings/${DEC}/notice.md`)).toContain('Circulate the SEND audit to all heads');
  });

  it('every command says which meeting it chose in the same words', () => {
    const dir = repo();
    const note = `wep: using ${DEC}, the next upcoming meeting (choose another with --meeting ID)\n`;
    for (const args of [['agenda'], ['quorum'], ['notice']]) {
      const r = wep(args, { cwd: dir });
      expect(r.stderr.startsWith(note), `${args.join(' ')}: ${r.stderr}`).toBe(true);
    }
    const held = wep(['minutes'], { cwd: dir });
    expect(held.stderr.startsWith(`wep: using ${OCT}, the latest meeting held (choose another with --meeting ID)\n`)).toBe(true);
    expect(wep(['agenda', '--meeting', DEC], { cwd: dir }).stderr).toBe('');
  });

  it('every reporting command prints one JSON object with a version and its name', () => {
    const dir = repo();
    const runs: [string[], string][] = [
      [['check', '--json'], 'check'],
      [['members', '--json'], 'members'],
      [['deadlines', '2026-12-10', '--json'], 'deadlines'],
      [['meetings', '--json'], 'meetings'],
      [['agenda', '--meeting', DEC, '--json'], 'agenda'],
      [['distribution', 'school-leaders', '--json'], 'distribution'],
      [['quorum', '--meeting', OCT, '--json'], 'quorum'],
      [['actions', '--json'], 'actions'],
      [['decisions', '--json'], 'decisions'],
      [['report', 'attendance', '--year', '2026', '--json'], 'report attendance'],
      [['status', '--json'], 'status'],
      [['schedule', '--body', 'partnership', '--from', '2027-01-04', '--to', '2027-07-23', '--every', 'half-term', '--json'], 'schedule'],
      [['minutes', '--meeting', OCT, '--json', '--force'], 'minutes'],
      [['meeting', 'new', '2027-02-04', '--json'], 'meeting new'],
      [['publish', '--out', 'site', '--json'], 'publish'],
    ];
    for (const [args, command] of runs) {
      const r = wep(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeLessThan(4);
      const doc = JSON.parse(r.stdout);
      expect(doc, args.join(' ')).toMatchObject({ version: 1, command });
      expect(Array.isArray(doc)).toBe(false);
    }
  });
});
