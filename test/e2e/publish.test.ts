import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

// `wep publish` end to end: the bundled example meetings plus generated ones (held with
// approved minutes, held with draft minutes, and meetings with confidential items whose title
// and paper are unique strings that must appear in no output file).

const SECRET_TITLE = 'Zebrafinch Settlement Q7X Negotiation';
const SECRET_PAPER = 'papers/zq-kestrel-settlement-88.pdf';
const SECRET_TITLE_2 = 'Osprey Tribunal Matter 4412';
const SECRET_PAPER_2 = 'papers/osprey-4412-legal.md';
const DRAFT_MARKER = 'Quokka draft sentence 3141';
const APPROVED_MARKER = 'Approved minute text Wombat 2718';
// The example's confidential item.
const EXAMPLE_SECRETS = ['Commissioning of working groups 2027-28', 'working-groups-budget-2027-28'];

function addMeetings(dir: string): void {
  write(
    dir,
    'meetings/2026-09-10-partnership/meeting.yaml',
    `body: partnership
date: 2026-09-10
start: "16:00"
end: "18:00"
agenda:
  - { title: Welcome and apologies, standard: apologies }
  - { title: Minutes of the last meeting, standard: previous-minutes }
  - title: "Early years <b>funding</b> & the \\"formula\\""
    presenter: sf-kaur
    paper: papers/early-years funding.md
    purpose: decision
  - title: Attendance strategy
    presenter: la-morgan
    paper: https://example.org/attendance-strategy.pdf
    purpose: information
  - title: Missing paper item
    paper: papers/not-there.pdf
attendance:
  present: [chair-okafor, ph-ahmed, ph-brown, sh-clarke, sh-evans, sf-iqbal, sf-jones, la-morgan, px-chen]
  apologies: [ph-chen, sf-kaur]
  proxies:
    - { proxy: px-chen, for: ph-chen }
decisions:
  - { item: 3, text: The early years funding formula is agreed. }
actions:
  - { id: a1, text: Write to all early years providers, owner: sf-kaur, due: 2026-10-01, item: 3 }
minutes:
  status: approved
  approved-at: 2026-10-08-partnership
`,
  );
  write(dir, 'meetings/2026-09-10-partnership/papers/early-years funding.md', '# Early years funding\n\nThe paper.\n');
  write(
    dir,
    'meetings/2026-09-10-partnership/minutes.md',
    `# Minutes of the Education Partnership, 10 September 2026

<!-- template instructions: confidential-ish text that must not show -->

## 3. Early years funding

${APPROVED_MARKER}. Contact grace.okafor@example.org for details.

DECISION: The early years funding formula is agreed.

<script>alert(1)</script>
`,
  );

  write(
    dir,
    'meetings/2026-11-05-partnership/meeting.yaml',
    `body: partnership
date: 2026-11-05
start: "16:00"
agenda:
  - { title: Welcome and apologies, standard: apologies }
  - title: ${SECRET_TITLE}
    paper: ${SECRET_PAPER}
    purpose: decision
    confidential: true
    minutes: The secret minute about ${SECRET_TITLE}.
  - title: Public item on admissions
    paper: papers/admissions.pdf
    purpose: information
attendance:
  present: [chair-okafor, ph-ahmed, ph-brown, sh-clarke, sh-evans, sf-iqbal, sf-jones]
  apologies: [sf-kaur]
  interests:
    - { person: sf-jones, item: 2, interest: Related to ${SECRET_TITLE} }
decisions:
  - { item: 2, text: The settlement is agreed. }
  - { item: 3, text: The admissions report is noted. }
actions:
  - { id: a1, text: Sign the settlement, owner: chair-okafor, item: 2 }
minutes:
  status: signed
  signed: { by: chair-okafor, date: 2026-11-20 }
`,
  );
  write(dir, `meetings/2026-11-05-partnership/${SECRET_PAPER}`, `secret contents ${SECRET_TITLE}`);
  write(dir, 'meetings/2026-11-05-partnership/papers/admissions.pdf', '%PDF-1.4 admissions report\n');
  write(
    dir,
    'meetings/2026-11-05-partnership/minutes.md',
    `# Minutes

## 1. Welcome and apologies

Apologies from Preet Kaur.

## 2. ${SECRET_TITLE}

Discussed ${SECRET_PAPER} in private.

## 3. Public item on admissions

The report was noted.
`,
  );

  write(
    dir,
    'meetings/2026-11-12-operational-group/meeting.yaml',
    `body: operational-group
date: 2026-11-12
start: "09:30"
agenda:
  - title: Work plan progress
    minutes: ${DRAFT_MARKER} in the item minute.
attendance:
  present: [la-morgan, op-baker, op-cole]
decisions:
  - { item: 1, text: Progress noted ${DRAFT_MARKER}. }
minutes:
  status: draft
`,
  );
  write(dir, 'meetings/2026-11-12-operational-group/minutes.md', `## 1. Work plan progress\n\n${DRAFT_MARKER}.\n`);

  write(
    dir,
    'meetings/2027-01-14-partnership/meeting.yaml',
    `body: partnership
date: 2027-01-14
start: "16:00"
agenda:
  - { title: Welcome and apologies, standard: apologies }
  - title: ${SECRET_TITLE_2}
    paper: ${SECRET_PAPER_2}
    confidential: true
  - title: Budget monitoring
    paper: ${SECRET_PAPER_2}
`,
  );
  write(dir, `meetings/2027-01-14-partnership/${SECRET_PAPER_2}`, 'legal advice');
}

/** Every file under dir, as posix paths relative to it. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(p, base) : [relative(base, p).split('\\').join('/')];
  });
}

/** Broken internal links: href/src values that are relative paths not resolving to a file (or to a missing #id). */
function brokenLinks(site: string): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(join(site, file), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    return ids.get(file)!;
  };
  for (const file of walk(site).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(site, file), 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = m[1]!.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:)/i.test(raw)) continue;
      if (raw.startsWith('/') || /^[a-z]+:/i.test(raw)) {
        broken.push(`${file}: absolute link ${raw}`);
        continue;
      }
      const [path, frag] = raw.split('#') as [string, string | undefined];
      const target = path === '' ? file : posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(path)));
      if (target.startsWith('..') || !existsSync(join(site, target)) || statSync(join(site, target)).isDirectory()) {
        broken.push(`${file}: ${raw}`);
        continue;
      }
      if (frag && target.endsWith('.html') && !idsOf(target).has(frag)) broken.push(`${file}: ${raw} (no id "${frag}")`);
    }
  }
  return broken;
}

function filesContaining(site: string, needle: string): string[] {
  const n = needle.toLowerCase();
  return walk(site).filter((f) => readFileSync(join(site, f)).toString('latin1').toLowerCase().includes(n) || f.toLowerCase().includes(n));
}

function treeBytes(dir: string): Record<string, string> {
  return Object.fromEntries(walk(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('wep publish', () => {
  let repo: string;
  let site: string;
  let run: ReturnType<typeof wep>;

  beforeAll(() => {
    repo = tempRepo({ withMeetings: true });
    addMeetings(repo);
    run = wep(['publish'], { cwd: repo, today: '2026-11-22' });
    site = join(repo, 'site');
  });
  afterAll(() => removeRepo(repo));

  it('builds the site: home, bodies, a page per meeting, registers, calendar, stylesheet', () => {
    expect(run.stderr).not.toMatch(/Error|at .*\.js/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Published \d+ pages, 1 paper and the meetings calendar to site\/ \(\d+ meetings\)\./);
    const files = walk(site);
    for (const f of [
      'index.html',
      'site.css',
      'meetings.ics',
      'meetings/index.html',
      'meetings/2026-09-10-partnership/index.html',
      'meetings/2026-11-05-partnership/index.html',
      'meetings/2026-11-12-operational-group/index.html',
      'meetings/2027-01-14-partnership/index.html',
      'bodies/partnership/index.html',
      'bodies/operational-group/index.html',
      'registers/decisions.html',
      'registers/actions.html',
      'registers/attendance.html',
      'registers/attendance-2026.html',
      'meetings/2026-09-10-partnership/papers/early-years funding.html',
      'meetings/2026-11-05-partnership/papers/admissions.pdf',
    ]) {
      expect(files, f).toContain(f);
    }
    if (existsSync(join(repo, 'meetings/2026-10-08-partnership'))) expect(files).toContain('meetings/2026-10-08-partnership/index.html');
    // A Markdown paper becomes a page of the site, linked from the agenda; other papers are copied.
    expect(read(site, 'meetings/2026-09-10-partnership/papers/early-years funding.html')).toContain('<h2>Early years funding</h2>');
    expect(read(site, 'meetings/2026-09-10-partnership/index.html')).toContain('href="papers/early-years%20funding.html"');
  });

  it('has no broken internal link, and every link is relative (works from a file share)', () => {
    expect(brokenLinks(site)).toEqual([]);
    expect(read(site, 'index.html')).not.toContain('rel="canonical"');
  });

  it('never publishes a confidential item: title, paper, minute, decision, action or declaration', () => {
    for (const secret of [SECRET_TITLE, SECRET_PAPER, 'zq-kestrel-settlement-88', SECRET_TITLE_2, SECRET_PAPER_2, 'osprey-4412', 'The settlement is agreed', 'Sign the settlement', ...EXAMPLE_SECRETS]) {
      expect(filesContaining(site, secret), secret).toEqual([]);
    }
    const page = read(site, 'meetings/2026-11-05-partnership/index.html');
    expect(page).toContain('Confidential item: not published');
    expect(page).toContain('The admissions report is noted.');
    expect(page).toContain('The report was noted.');
    // A paper named by a confidential item stays out even when a public item names it too.
    expect(read(site, 'meetings/2027-01-14-partnership/index.html')).toContain('Budget monitoring');
  });

  it('leaves out draft minutes and their decisions when the file says approved-only', () => {
    expect(filesContaining(site, DRAFT_MARKER)).toEqual([]);
    const page = read(site, 'meetings/2026-11-12-operational-group/index.html');
    expect(page).toContain('The minutes are not yet approved (status: draft)');
    const approved = read(site, 'meetings/2026-09-10-partnership/index.html');
    expect(approved).toContain(APPROVED_MARKER);
    expect(approved).toContain('approved at the meeting of');
    expect(approved).not.toContain('template instructions');
    expect(approved).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(approved).toContain('Early years &lt;b&gt;funding&lt;/b&gt; &amp; the &quot;formula&quot;');
    expect(read(site, 'registers/decisions.html')).toContain('The early years funding formula is agreed.');
  });

  it('publishes no personal email address', () => {
    const yaml = read(repo, 'partnership.yaml');
    const emails = [...new Set(yaml.match(/[\w.+-]+@[\w.-]+\.[a-z]+/gi) ?? [])];
    expect(emails.length).toBeGreaterThan(20);
    for (const e of emails) expect(filesContaining(site, e), e).toEqual([]);
    expect(filesContaining(site, 'a.morris@example.org')).toEqual([]);
    expect(read(site, 'meetings/2026-09-10-partnership/index.html')).toContain('Contact [address withheld] for details');
  });

  it('shows vacancies as vacancies and the example meetings as upcoming and held', () => {
    const body = read(site, 'bodies/partnership/index.html');
    expect(body).toMatch(/Multi-Academy Trust Executive Heads \(1 seat, 1 vacant\)/);
    expect(body).toContain('<em>Vacant seat</em>');
    const home = read(site, 'index.html');
    expect(home).toContain('Next meetings');
    expect(home).toContain('2027-01-14-partnership/index.html');
    expect(home).toContain('The early years funding formula is agreed.');
  });

  it('is deterministic: two builds are byte-identical', () => {
    const again = wep(['publish', '--out', 'site2'], { cwd: repo, today: '2026-11-22' });
    expect(again.code).toBe(0);
    expect(treeBytes(join(repo, 'site2'))).toEqual(treeBytes(site));
  });

  it('rebuilds over its own earlier site, dropping pages that no longer exist', () => {
    const dir = tempRepo({ withMeetings: false });
    try {
      addMeetings(dir);
      expect(wep(['publish', '--out', 'public'], { cwd: dir }).code).toBe(0);
      expect(existsSync(join(dir, 'public/meetings/2027-01-14-partnership/index.html'))).toBe(true);
      removeRepo(join(dir, 'meetings/2027-01-14-partnership'));
      const r = wep(['publish', '--out', 'public'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(existsSync(join(dir, 'public/meetings/2027-01-14-partnership'))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes('wep-build') || f.includes('wep-old'))).toEqual([]);
    } finally {
      removeRepo(dir);
    }
  });

  it('uses --base-url in the calendar feed and canonical links', () => {
    const r = wep(['publish', '--out', 'hosted', '--base-url', 'https://wep.example.org/records'], { cwd: repo, today: '2026-11-22' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('https://wep.example.org/records/');
    const ics = read(repo, 'hosted/meetings.ics').replace(/\r\n /g, '');
    expect(ics).toContain('URL:https://wep.example.org/records/meetings/2026-09-10-partnership/index.html');
    // the same UID as the meeting's invitation (core/meeting-event.ts)
    expect(ics).toContain('UID:wep-2026-09-10-partnership@wep');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(read(repo, 'hosted/meetings/2026-09-10-partnership/index.html')).toContain(
      '<link rel="canonical" href="https://wep.example.org/records/meetings/2026-09-10-partnership/index.html">',
    );
  });

  it('warns about a paper that is not in the meeting folder', () => {
    expect(run.stderr).toContain('warning: 2026-09-10-partnership: item 5 paper "papers/not-there.pdf" was not found in the meeting folder');
  });
});

describe('wep publish with publish.minutes: mark-drafts and a public address', () => {
  it('publishes draft minutes marked as drafts, and addresses marked email-public', () => {
    const dir = tempRepo();
    try {
      const yaml = read(dir, 'partnership.yaml')
        .replace('minutes: approved-only', 'minutes: mark-drafts')
        .replace('    email: owen.morgan@council.example.org\n', '    email: owen.morgan@council.example.org\n    email-public: true\n');
      writeFileSync(join(dir, 'partnership.yaml'), yaml);
      addMeetings(dir);
      const r = wep(['publish'], { cwd: dir });
      expect(r.code).toBe(0);
      const page = read(dir, 'site/meetings/2026-11-12-operational-group/index.html');
      expect(page).toContain('Draft minutes, not yet approved');
      expect(page).toContain(DRAFT_MARKER);
      expect(read(dir, 'site/registers/decisions.html')).toMatch(/Progress noted Quokka draft sentence 3141\.\s*<strong class="tag tag-draft">Draft minutes<\/strong>/);
      expect(read(dir, 'site/bodies/operational-group/index.html')).toContain('mailto:owen.morgan@council.example.org');
      expect(filesContaining(join(dir, 'site'), 'olivia.cole@council.example.org')).toEqual([]);
      expect(filesContaining(join(dir, 'site'), SECRET_TITLE)).toEqual([]);
    } finally {
      removeRepo(dir);
    }
  });
});

describe('wep publish refuses what it must not do', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempRepo();
  });
  afterAll(() => removeRepo(dir));

  const cases: [string, string[], () => void, RegExp][] = [
    ['the records folder itself', ['--out', '.'], () => {}, /--out \S+ holds the records themselves; publishing there would replace them/],
    ['a parent of the records', ['--out', '..'], () => {}, /holds the records themselves/],
    [
      'a folder holding a partnership.yaml',
      ['--out', 'other'],
      () => write(dir, 'other/partnership.yaml', 'x: 1\n'),
      /--out other holds a partnership\.yaml; publishing there would replace records/,
    ],
    ['a git checkout', ['--out', 'pages'], () => mkdirSync(join(dir, 'pages/.git'), { recursive: true }), /--out pages is a git checkout; publishing there would delete its \.git/],
    ['a folder wep did not make', ['--out', 'docs'], () => write(dir, 'docs/guide.md', '# mine\n'), /--out docs is not empty and was not made by wep publish/],
    ['a file', ['--out', 'notes.txt'], () => write(dir, 'notes.txt', 'x'), /--out notes\.txt is a file, not a folder/],
    ['a base URL that is not a web address', ['--base-url', 'wep.example.org'], () => {}, /--base-url "wep\.example\.org" is not a web address/],
    ['a base URL with a query', ['--base-url', 'https://wep.example.org/?x=1'], () => {}, /--base-url "https:\/\/wep\.example\.org\/\?x=1" has a query or fragment/],
  ];
  for (const [what, args, setup, message] of cases) {
    it(`refuses ${what} (exit 2)`, () => {
      setup();
      const r = wep(['publish', ...args], { cwd: dir });
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    });
  }

  it('left everything it refused untouched', () => {
    expect(read(dir, 'docs/guide.md')).toBe('# mine\n');
    expect(read(dir, 'other/partnership.yaml')).toBe('x: 1\n');
    expect(existsSync(join(dir, 'partnership.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'pages/.git'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('wep-build'))).toEqual([]);
  });
});

// Keep the helper import used even when the example meetings are absent.
void dirname;
