/**
 * The site's registers end to end: what `wep publish` lists is what `wep decisions` and
 * `wep actions` list, minutes.md's corrections included, and a confidential item's lines
 * typed into minutes.md stay off the site like those in meeting.yaml.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true });
const TODAY = '2026-11-22';
const run = (args: string[], cwd: string) => wep(args, { cwd, today: TODAY });

const OCT = '2026-10-08-partnership';
const REWORDED = 'The revised terms of reference are agreed, with the amendments tabled at the meeting.';
const ADDED_ACTION = 'Write to every school leader about the revised terms';
const ADDED_DECISION = 'A termly report on attendance and exclusions is to come to the Partnership.';
const SECRET = 'Kingfisher Lease Dispute 5150';
const SECRET_DECISION = 'The kingfisher lease offer is accepted.';
const SECRET_ACTION = 'Instruct solicitors on the kingfisher lease';

/** Text of an HTML page with tags dropped and entities for quotes decoded, for comparing sentences. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('wep publish: the registers read minutes.md as the registers do', () => {
  let dir: string;
  let published: ReturnType<typeof run>;

  beforeAll(() => {
    dir = repo();
    // The example October meeting's minutes are circulated, not approved: show them as drafts.
    write(dir, 'partnership.yaml', read(dir, 'partnership.yaml').replace('minutes: approved-only', 'minutes: mark-drafts'));
    expect(run(['minutes', '--meeting', OCT], dir).code).toBe(0);
    const minutes = read(dir, `meetings/${OCT}/minutes.md`);
    expect(minutes).toContain('DECISION: The revised terms of reference are agreed.\n');
    write(
      dir,
      `meetings/${OCT}/minutes.md`,
      minutes
        .replace('DECISION: The revised terms of reference are agreed.\n', `DECISION: ${REWORDED}\nACTION: ${ADDED_ACTION} — owner: ph-ahmed, due: 2026-12-01\n`)
        .replace('DECISION: The work plan 2026-27 is approved.\n', `DECISION: The work plan 2026-27 is approved.\nDECISION: ${ADDED_DECISION}\n`),
    );
    // A held meeting with a confidential item, approved, whose minutes.md adds lines under that item.
    write(
      dir,
      'meetings/2026-11-12-partnership/meeting.yaml',
      `body: partnership
date: 2026-11-12
start: "16:00"
agenda:
  - { title: Welcome and apologies, standard: apologies }
  - { title: ${SECRET}, confidential: true, purpose: decision }
  - { title: Admissions report, purpose: information }
attendance:
  present: [chair-okafor, ph-ahmed, ph-brown, sh-clarke, sh-francis, sf-iqbal, sf-jones]
minutes:
  status: approved
`,
    );
    write(
      dir,
      'meetings/2026-11-12-partnership/minutes.md',
      `# Minutes

## 1. Welcome and apologies

None.

## 2. ${SECRET}

DECISION: ${SECRET_DECISION}
ACTION: ${SECRET_ACTION} — owner: la-morgan, due: 2026-12-01

## 3. Admissions report

DECISION: The admissions report is noted.
`,
    );
    published = run(['publish'], dir);
  });

  it('publishes a decision as minutes.md words it, not as meeting.yaml still has it', () => {
    expect(published.stderr).not.toMatch(/Error|at .*\.js/);
    expect(published.code).toBe(0);
    const register = JSON.parse(run(['decisions', '--json'], dir).stdout).decisions as { ref: string; text: string }[];
    const d1 = register.find((d) => d.ref === `${OCT}/d1`)!;
    expect(d1.text).toBe(REWORDED);
    // meeting.yaml still has the old words: the loader's merged view wins
    expect(read(dir, `meetings/${OCT}/meeting.yaml`)).toContain('text: The revised terms of reference are agreed. }');

    const decisions = textOf(read(dir, 'site/registers/decisions.html'));
    const page = textOf(read(dir, `site/meetings/${OCT}/index.html`));
    for (const html of [decisions, page]) {
      expect(html).toContain(d1.text);
      expect(html).not.toContain('The revised terms of reference are agreed. ');
      expect(html).toContain(ADDED_DECISION);
    }
    expect(register.map((d) => d.text)).toContain(ADDED_DECISION);
  });

  it('publishes an action added in minutes.md, with its owner and due date, as wep actions shows it', () => {
    const actions = JSON.parse(run(['actions', '--json'], dir).stdout).actions as { ref: string; text: string; ownerName: string; due: string; fromMinutesFile: boolean }[];
    const added = actions.find((a) => a.text === ADDED_ACTION)!;
    expect(added).toMatchObject({ ref: `${OCT}/a3`, due: '2026-12-01', fromMinutesFile: true });
    const register = textOf(read(dir, 'site/registers/actions.html'));
    expect(register).toMatch(new RegExp(`${ADDED_ACTION} Draft minutes Education Partnership, Thu 8 Oct 2026 ${added.ownerName} Tue 1 Dec 2026 Open`));
    expect(textOf(read(dir, `site/meetings/${OCT}/index.html`))).toContain(ADDED_ACTION);
  });

  it('keeps lines typed under a confidential item in minutes.md off every page', () => {
    const register = JSON.parse(run(['decisions', '--json'], dir).stdout).decisions as { text: string; confidential: boolean }[];
    expect(register.find((d) => d.text === SECRET_DECISION)?.confidential).toBe(true);
    const site = join(dir, 'site');
    for (const f of ['registers/decisions.html', 'registers/actions.html', 'meetings/2026-11-12-partnership/index.html', 'index.html', 'meetings.ics']) {
      const text = read(site, f);
      for (const secret of [SECRET, SECRET_DECISION, SECRET_ACTION, 'kingfisher']) expect(text.toLowerCase(), `${f}: ${secret}`).not.toContain(secret.toLowerCase());
    }
    expect(textOf(read(site, 'meetings/2026-11-12-partnership/index.html'))).toContain('The admissions report is noted.');
  });
});
