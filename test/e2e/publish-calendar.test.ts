/**
 * The site's calendar end to end: the published feed carries the term and half-term dates
 * exactly as `wep calendar` does, a meeting in the school holidays says so in its event and on
 * its page, and `wep publish` warns of it in the words of `wep check`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true });
const TODAY = '2026-11-22';
const run = (args: string[], cwd: string) => wep(args, { cwd, today: TODAY });
const HALF_TERM = '2027-02-18-partnership';

/** The VEVENT blocks of a calendar, unfolded, by UID. */
function eventsOf(ics: string): Map<string, string> {
  const text = ics.replace(/\r\n[ \t]/g, '');
  return new Map([...text.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT\r\n/g)].map((m) => [/^UID:(.*)$/m.exec(m[1]!)![1]!.trim(), m[1]!]));
}

describe('wep publish: the calendar feed with the school year', () => {
  let dir: string;
  let published: ReturnType<typeof run>;

  beforeAll(() => {
    dir = repo();
    expect(run(['meeting', 'new', '2027-02-18'], dir).code).toBe(0);
    published = run(['publish', '--base-url', 'https://wep.example.org/'], dir);
  });

  it('carries every term and half-term, the same events as wep calendar', () => {
    expect(published.code).toBe(0);
    const site = eventsOf(read(dir, 'site/meetings.ics'));
    const clerk = eventsOf(run(['calendar'], dir).stdout);
    const terms = [...clerk.keys()].filter((uid) => /^(half-)?term-/.test(uid));
    // the example gives six terms (two school years), each with a half-term
    expect(terms).toHaveLength(12);
    for (const uid of terms) expect(site.get(uid), uid).toBe(clerk.get(uid));
    expect(site.get(terms[0]!)).toContain('SUMMARY:WEP: Autumn 2026 term\r\nDESCRIPTION:Term time: Thursday 3 September 2026 to Friday 18 December 2026.');
    expect([...site.values()].some((e) => e.includes('SUMMARY:WEP: half-term\\, Spring 2027\r\n') && e.includes('DTSTART;VALUE=DATE:20270215\r\nDTEND;VALUE=DATE:20270220\r\n'))).toBe(true);
    // the clerk's deadlines are the clerk's: not in the public feed
    expect([...site.keys()].filter((uid) => uid.startsWith('notice-') || uid.startsWith('minutes-'))).toEqual([]);
  });

  it('marks the meeting in half-term in its event, as wep calendar does, and on its page', () => {
    const site = eventsOf(read(dir, 'site/meetings.ics'));
    const event = [...site.values()].find((e) => e.includes('DTSTART;TZID=Europe/London:20270218T160000'))!;
    expect(event).toContain('DESCRIPTION:Agenda\\, papers and minutes: https://wep.example.org/meetings/2027-02-18-partnership/index.html\\nWarning: in the school holidays (half-term of Spring 2027).');
    const clerk = [...eventsOf(run(['calendar'], dir).stdout).values()].find((e) => e.includes('DTSTART;TZID=Europe/London:20270218T160000'))!;
    expect(clerk).toContain('\\nWarning: in the school holidays (half-term of Spring 2027).');
    const others = [...site.values()].filter((e) => e.includes('TZID=Europe/London') && e !== event);
    expect(others.length).toBeGreaterThan(0);
    for (const e of others) expect(e).not.toContain('school holidays');
    const page = read(dir, `site/meetings/${HALF_TERM}/index.html`);
    expect(page).toContain('<dt>School holidays</dt><dd>This meeting is in the school holidays (half-term of Spring 2027).</dd>');
  });

  it('prints the warning wep check prints', () => {
    const check = run(['check'], dir);
    const said = /warning: (the meeting on Thursday 18 February 2027 is in the school holidays \(half-term of Spring 2027\): school leaders may not be able to come)/.exec(check.stderr);
    expect(said, check.stderr).not.toBeNull();
    expect(published.stderr).toContain(`warning: ${HALF_TERM}: ${said![1]}`);
    expect(published.stderr.match(/school holidays/g)).toHaveLength(1);
  });

  it('lists the term dates on the meetings page', () => {
    const page = read(dir, 'site/meetings/index.html');
    expect(page).toContain('<h2 id="term-dates">School term dates</h2>');
    expect(page).toContain('<th scope="row">Spring 2027</th><td>Tue 5 Jan 2027</td><td>Fri 26 Mar 2027</td><td>Mon 15 Feb 2027 to Fri 19 Feb 2027</td>');
  });

  it('without term dates: no terms, no holiday warnings, no term list', () => {
    const other = repo();
    write(other, 'partnership.yaml', read(other, 'partnership.yaml').replace(/\n {4}terms:\n( {6}- .*\n)+/, '\n'));
    expect(run(['meeting', 'new', '2027-02-18'], other).code).toBe(0);
    const r = run(['publish'], other);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('school holidays');
    const ics = read(other, 'site/meetings.ics');
    expect(ics).not.toMatch(/UID:(half-)?term-/);
    expect(read(other, 'site/meetings/index.html')).not.toContain('School term dates');
  });
});
