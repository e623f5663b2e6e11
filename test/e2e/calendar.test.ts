/** `wep calendar` end to end: every meeting, with notice and minutes deadlines as all-day reminders. */
import { describe, expect, it } from 'vitest';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true, git: false });
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('wep calendar', () => {
  const dir = repo();

  it('prints an iCalendar of the meetings and their deadlines', () => {
    const r = wep(['calendar'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(r.stdout);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('X-WR-CALNAME:Wokingham Education Partnership meetings');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261210T160000');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261008T160000');
    // Notice by Tue 1 Dec, minutes by Mon 21 Dec for the December meeting.
    expect(lines).toContain('DTSTART;VALUE=DATE:20261201');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261221');
    expect(lines).toContain('SUMMARY:WEP: send notice of the Education Partnership meeting on Thursday 10 December 2026');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT').length).toBeGreaterThanOrEqual(6);
  });

  it('--out writes the file, and a second run leaves it as it is', () => {
    const r = wep(['calendar', '--out', 'wep.ics'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote wep\.ics: \d+ meetings, with notice and minutes deadlines\n$/);
    const first = read(dir, 'wep.ics');
    expect(wep(['calendar', '--out', 'wep.ics'], { cwd: dir }).stdout).toMatch(/^unchanged wep\.ics/);
    expect(read(dir, 'wep.ics')).toBe(first);
  });

  it('will not overwrite a file it did not write', () => {
    write(dir, 'mine.ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const r = wep(['calendar', '--out', 'mine.ics'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: mine.ics exists and was not written by "wep calendar" (or has been edited); wep will not overwrite it');
    expect(r.stderr).toContain('fix: choose another file with --out, or delete that one first');
    expect(read(dir, 'mine.ics')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });
});
