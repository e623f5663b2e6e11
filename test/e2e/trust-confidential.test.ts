import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

// Attacks on "confidential material never reaches the site": many ways of naming one paper,
// every heading form of minutes.md, what a confidential item leaves behind in later records,
// and addresses in every kind of field. Each case plants a unique token; after `wep publish`
// every output file (and every file name) is searched for it.

const repo = tempRepos();
const PAST = '2026-11-22';

/** Every file under dir, relative to it. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(p, base) : [relative(base, p)];
  });
}

/** The output files (or file names) that contain `needle`, ignoring case. */
function leaks(site: string, needle: string): string[] {
  const n = needle.toLowerCase();
  return walk(site).filter((f) => f.toLowerCase().includes(n) || readFileSync(join(site, f)).toString('latin1').toLowerCase().includes(n));
}

const q = (s: string) => JSON.stringify(s);

interface Item {
  title: string;
  paper?: string;
  confidential?: boolean;
}

function meetingYaml(date: string, items: Item[], extra = ''): string {
  const agenda = items.map((i) => `  - { title: ${q(i.title)}${i.paper !== undefined ? `, paper: ${q(i.paper)}` : ''}${i.confidential ? ', confidential: true' : ''} }`).join('\n');
  return `body: partnership\ndate: ${date}\nstart: "16:00"\nagenda:\n${agenda}\n${extra}`;
}

const day = (n: number) => `2026-${String(9 + Math.floor((n - 1) / 28)).padStart(2, '0')}-${String(((n - 1) % 28) + 1).padStart(2, '0')}`;
const mid = (n: number) => `${day(n)}-partnership`;

// ---------------------------------------------------------------------------------------------
// A paper is the same paper however it is named.

interface PaperCase {
  name: string;
  /** Writes the case's meeting(s); the token is in the confidential paper's content. */
  setup: (dir: string, n: number, token: string) => void;
}

/** A meeting whose item 1 is confidential with paper `secret`, and item 2 public with paper `pub`. */
function pair(dir: string, n: number, token: string, secret: string, pub: string, file = 'papers/secret.pdf'): void {
  write(dir, `meetings/${mid(n)}/meeting.yaml`, meetingYaml(day(n), [{ title: `Confidential ${token}title`, paper: secret, confidential: true }, { title: 'Public item', paper: pub }]));
  write(dir, `meetings/${mid(n)}/${file}`, `contents ${token}`);
}

const at = (dir: string, n: number, rel: string) => join(dir, 'meetings', mid(n), rel);

const PAPER_CASES: PaperCase[] = [
  { name: 'leading ./', setup: (d, n, t) => pair(d, n, t, 'papers/secret.pdf', './papers/secret.pdf') },
  { name: 'repeated ./', setup: (d, n, t) => pair(d, n, t, 'papers/secret.pdf', '././papers/./secret.pdf') },
  { name: 'backslashes', setup: (d, n, t) => pair(d, n, t, 'papers/secret.pdf', 'papers\\secret.pdf') },
  { name: 'backslashes on the confidential side', setup: (d, n, t) => pair(d, n, t, '.\\papers\\secret.pdf', 'papers/secret.pdf') },
  { name: '.. inside the folder', setup: (d, n, t) => pair(d, n, t, 'papers/secret.pdf', 'papers/../papers/secret.pdf') },
  { name: 'x/.. inside the folder', setup: (d, n, t) => pair(d, n, t, 'papers/secret.pdf', 'papers/x/../secret.pdf') },
  { name: 'double slash', setup: (d, n, t) => pair(d, n, t, 'papers/secret.pdf', 'papers//secret.pdf') },
  {
    name: 'symbolic link to the paper',
    setup: (d, n, t) => {
      pair(d, n, t, 'papers/secret.pdf', 'papers/link.pdf');
      symlinkSync('secret.pdf', at(d, n, 'papers/link.pdf'));
    },
  },
  {
    name: 'symbolic link to its folder',
    setup: (d, n, t) => {
      pair(d, n, t, 'papers/secret.pdf', 'public/secret.pdf');
      symlinkSync('papers', at(d, n, 'public'));
    },
  },
  {
    name: 'confidential name is the link, public name the file',
    setup: (d, n, t) => {
      pair(d, n, t, 'papers/link.pdf', 'papers/secret.pdf');
      symlinkSync('secret.pdf', at(d, n, 'papers/link.pdf'));
    },
  },
  {
    name: 'hard link in the same folder',
    setup: (d, n, t) => {
      pair(d, n, t, 'papers/secret.pdf', 'papers/hard.pdf');
      linkSync(at(d, n, 'papers/secret.pdf'), at(d, n, 'papers/hard.pdf'));
    },
  },
  {
    name: 'hard link in another meeting',
    setup: (d, n, t) => {
      write(d, `meetings/${mid(n)}/meeting.yaml`, meetingYaml(day(n), [{ title: `Confidential ${t}title`, paper: 'papers/secret.pdf', confidential: true }]));
      write(d, `meetings/${mid(n)}/papers/secret.pdf`, `contents ${t}`);
      write(d, `meetings/${mid(n + 1)}/meeting.yaml`, meetingYaml(day(n + 1), [{ title: 'Public item', paper: 'papers/copy.pdf' }]));
      mkdirSync(at(d, n + 1, 'papers'));
      linkSync(at(d, n, 'papers/secret.pdf'), at(d, n + 1, 'papers/copy.pdf'));
    },
  },
  {
    name: 'symbolic link into another meeting',
    setup: (d, n, t) => {
      write(d, `meetings/${mid(n)}/meeting.yaml`, meetingYaml(day(n), [{ title: `Confidential ${t}title`, paper: 'papers/secret.pdf', confidential: true }]));
      write(d, `meetings/${mid(n)}/papers/secret.pdf`, `contents ${t}`);
      write(d, `meetings/${mid(n + 1)}/meeting.yaml`, meetingYaml(day(n + 1), [{ title: 'Public item', paper: 'papers/link.pdf' }]));
      mkdirSync(at(d, n + 1, 'papers'));
      symlinkSync(`../../${mid(n)}/papers/secret.pdf`, at(d, n + 1, 'papers/link.pdf'));
    },
  },
  {
    name: 'the confidential item names a sibling meeting\'s paper by ..',
    setup: (d, n, t) => {
      write(d, `meetings/${mid(n)}/meeting.yaml`, meetingYaml(day(n), [{ title: 'Public item', paper: 'papers/shared.pdf' }]));
      write(d, `meetings/${mid(n)}/papers/shared.pdf`, `contents ${t}`);
      write(d, `meetings/${mid(n + 1)}/meeting.yaml`, meetingYaml(day(n + 1), [{ title: `Confidential ${t}title`, paper: `../${mid(n)}/papers/shared.pdf`, confidential: true }]));
    },
  },
  { name: 'a Markdown paper by ./', setup: (d, n, t) => pair(d, n, t, 'papers/secret.md', './papers/secret.md', 'papers/secret.md') },
  {
    name: 'a Markdown paper by hard link',
    setup: (d, n, t) => {
      pair(d, n, t, 'papers/secret.md', 'papers/open.md', 'papers/secret.md');
      linkSync(at(d, n, 'papers/secret.md'), at(d, n, 'papers/open.md'));
    },
  },
  {
    name: 'a public paper that is a link to minutes.md',
    setup: (d, n, t) => {
      write(d, `meetings/${mid(n)}/meeting.yaml`, meetingYaml(day(n), [{ title: 'Confidential', confidential: true }, { title: 'Public item', paper: 'papers/m.md' }], 'minutes: { status: draft }\n'));
      write(d, `meetings/${mid(n)}/minutes.md`, `## 1. Confidential\n\n${t}\n\n## 2. Public item\n\nok\n`);
      mkdirSync(at(d, n, 'papers'));
      symlinkSync('../minutes.md', at(d, n, 'papers/m.md'));
    },
  },
  {
    name: 'a public paper that is a hard link to meeting.yaml',
    setup: (d, n, t) => {
      write(d, `meetings/${mid(n)}/meeting.yaml`, meetingYaml(day(n), [{ title: `Confidential ${t}`, confidential: true }, { title: 'Public item', paper: 'papers/y.txt' }]));
      mkdirSync(at(d, n, 'papers'));
      linkSync(at(d, n, 'meeting.yaml'), at(d, n, 'papers/y.txt'));
    },
  },
  {
    name: 'a web address in other case',
    setup: (d, n, t) => {
      write(
        d,
        `meetings/${mid(n)}/meeting.yaml`,
        meetingYaml(day(n), [
          { title: 'Confidential', paper: `https://docs.example.org/${t}.pdf`, confidential: true },
          { title: 'Public item', paper: `HTTPS://DOCS.EXAMPLE.ORG/${t.toUpperCase()}.pdf` },
        ]),
      );
    },
  },
  {
    name: 'a web address with a default port',
    setup: (d, n, t) => {
      write(
        d,
        `meetings/${mid(n)}/meeting.yaml`,
        meetingYaml(day(n), [
          { title: 'Confidential', paper: `https://docs.example.org/${t}.pdf`, confidential: true },
          { title: 'Public item', paper: `https://docs.example.org:443/${t}.pdf` },
        ]),
      );
    },
  },
];

describe('a confidential paper is withheld however a public item names it', () => {
  let dir: string;
  let run: ReturnType<typeof wep>;
  const tokens = PAPER_CASES.map((_, i) => `zqpaper${i + 1}x`);
  beforeAll(() => {
    dir = repo();
    PAPER_CASES.forEach((c, i) => c.setup(dir, i * 2 + 1, tokens[i]!));
    run = wep(['publish'], { cwd: dir, today: PAST });
  });

  it('publishes, exit 0, without a stack trace', () => {
    expect(run.stderr).not.toMatch(/\s+at .*\.c?js/);
    expect(run.code).toBe(0);
  });

  it.each(PAPER_CASES.map((c, i) => [c.name, i] as const))('%s', (_, i) => {
    expect(leaks(join(dir, 'site'), tokens[i]!)).toEqual([]);
  });

  it('says what it withheld', () => {
    expect(run.stderr).toMatch(/is a paper of a confidential item, so it is not published/);
    expect(run.stderr).toMatch(/is a records file/);
  });
});

// ---------------------------------------------------------------------------------------------
// Confidential minutes, by every heading form; and whatever is doubtful.

interface MinutesCase {
  name: string;
  /** Minutes text; SECRET marks the confidential item's minute, TITLE its title. Item 2 is confidential. */
  text: string;
  title?: string;
  /** The public text must still be published (the case is read, not merely withheld). */
  published?: boolean;
}

const MINUTES_CASES: MinutesCase[] = [
  { name: 'ATX', text: '## 1. Welcome\n\nhello PUBLIC\n\n## 2. Staffing\n\nSECRET\n\n## 3. Budget\n\nok\n', published: true },
  { name: 'ATX with closing hashes', text: '## 1. Welcome ##\nPUBLIC\n## 2. Staffing ##\nSECRET\n## 3. Budget ##\nok\n', published: true },
  { name: '"Item 2:" heading', text: '### Item 1: Welcome\nPUBLIC\n### Item 2: Staffing\nSECRET\n### Item 3: Budget\nok\n', published: true },
  { name: '"2)" heading', text: '## 1) Welcome\nPUBLIC\n## 2) Staffing\nSECRET\n## 3) Budget\n', published: true },
  { name: 'bold heading text', text: '## **1. Welcome**\nPUBLIC\n## **2. Staffing**\nSECRET\n## **3. Budget**\n', published: true },
  { name: 'indented heading', text: '   ## 1. Welcome\nPUBLIC\n   ## 2. Staffing\nSECRET\n   ## 3. Budget\n', published: true },
  { name: 'setext ===', text: 'Item 1 Welcome\n===\nPUBLIC\n\nItem 2 Staffing\n===\nSECRET\n\nItem 3 Budget\n===\nok\n', published: true },
  { name: 'setext ---', text: '1 Welcome\n---\nPUBLIC\n\n2 Staffing\n---\nSECRET\n\n3 Budget\n---\nok\n', published: true },
  { name: 'setext over two lines', text: '## 1. Welcome\nPUBLIC\n\nItem\n2. Staffing\n---\nSECRET\n\n## 3. Budget\n', published: true },
  { name: 'CRLF line ends', text: '## 1. Welcome\r\nPUBLIC\r\n## 2. Staffing\r\nSECRET\r\n## 3. Budget\r\nok\r\n', published: true },
  { name: 'CR line ends', text: '## 1. Welcome\rPUBLIC\r## 2. Staffing\rSECRET\r## 3. Budget\rok\r', published: true },
  { name: 'a sub-heading inside the section', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\n### Discussion\nSECRET\n## 3. Budget\n', published: true },
  { name: 'a fake heading in backtick code', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\n```\n## 3. Budget\n```\nSECRET\n## 3. Budget\n', published: true },
  { name: 'a fake heading in tilde code', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\n~~~~\n~~~\n## 3. Budget\n~~~~\nSECRET\n## 3. Budget\n', published: true },
  { name: 'a fake heading in a comment', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\n<!--\n## 3. Budget\n-->\nSECRET\n## 3. Budget\n', published: true },
  { name: 'a fake heading in indented code', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\n\n    ## 3. Budget\n\nSECRET\n## 3. Budget\n', published: true },
  { name: 'a heading inside a list', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\n- ## 3. Budget\n\nSECRET\n## 3. Budget\n', published: true },
  { name: 'a heading inside a quote', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\n> ## 3. Budget\n\nSECRET\n## 3. Budget\n', published: true },
  { name: 'an unclosed fence', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\n```\nSECRET\n## 3. Budget\n', published: true },
  { name: 'a bold line naming the item', text: '## 1. Welcome\nPUBLIC\n**2. Staffing** SECRET\n## 2. Staffing\nx\n' },
  { name: 'an "Item 2" line naming the item', text: '## 1. Welcome\nPUBLIC\nItem 2: SECRET\n## 2. Staffing\nx\n' },
  { name: 'a deeper heading naming the item', text: '## 1. Welcome\nPUBLIC\n### 2. Staffing\nSECRET\n## 2. Staffing\nx\n' },
  { name: 'an unnumbered heading ending the section', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\nx\n## Discussion\nSECRET\n## 3. Budget\n' },
  { name: 'a higher setext heading ending the section', text: '## 1. Welcome\nPUBLIC\n## 2. Staffing\nx\nMore\n===\nSECRET\n' },
  { name: 'no section for the confidential item', text: '## 1. Welcome\nPUBLIC\nSECRET\n' },
  { name: 'no headings at all', text: 'PUBLIC SECRET\n' },
  { name: 'the title mentioned elsewhere', text: '## 1. Welcome\nPUBLIC on TITLE and SECRET\n## 2. TITLE\nx\n' },
  { name: 'the title across a line break', text: '## 1. Welcome\nPUBLIC on\nTITLE SECRET\n## 2. x\nx\n', title: 'Kestrel Wing Matter' },
  { name: 'the title through an entity', text: '## 1. Welcome\nPUBLIC on Kestrel&#32;Wing&#x20;Matter SECRET\n## 2. x\nx\n', title: 'Kestrel Wing Matter' },
  { name: 'the title in emphasis', text: '## 1. Welcome\nPUBLIC on **Kestrel** _Wing_ Matter SECRET\n## 2. x\nx\n', title: 'Kestrel Wing Matter' },
  { name: 'a short title as a word', text: '## 1. Welcome\nPUBLIC, and HR: SECRET\n## 2. HR\nx\n', title: 'HR' },
  { name: 'a two-letter title in capitals', text: '## 1. Welcome\nPUBLIC Re: PAY SECRET\n## 2. Pay\nx\n', title: 'Pay' },
];

describe('confidential minutes are found by the one heading rule, and doubt withholds them', () => {
  let dir: string;
  let run: ReturnType<typeof wep>;
  const secret = (i: number) => `zqminute${i + 1}x`;
  const pub = (i: number) => `zqopen${i + 1}x`;
  const title = (c: MinutesCase, i: number) => c.title ?? `Staffing zqtitle${i + 1}x`;
  beforeAll(() => {
    dir = repo();
    MINUTES_CASES.forEach((c, i) => {
      const id = mid(i + 1);
      write(dir, `meetings/${id}/meeting.yaml`, meetingYaml(day(i + 1), [{ title: 'Welcome' }, { title: title(c, i), confidential: true }, { title: 'Budget' }], 'minutes: { status: approved }\n'));
      const text = c.text.replace(/SECRET/g, secret(i)).replace(/PUBLIC/g, pub(i)).replace(/TITLE/g, title(c, i));
      writeFileSync(join(dir, 'meetings', id, 'minutes.md'), text);
    });
    run = wep(['publish'], { cwd: dir, today: PAST });
  });

  it('publishes, exit 0', () => expect(run.code).toBe(0));

  it.each(MINUTES_CASES.map((c, i) => [c.name, i] as const))('%s', (_, i) => {
    const site = join(dir, 'site');
    expect(leaks(site, secret(i))).toEqual([]);
    if (MINUTES_CASES[i]!.title === undefined) expect(leaks(site, `zqtitle${i + 1}x`)).toEqual([]);
    const page = read(site, `meetings/${mid(i + 1)}/index.html`);
    if (MINUTES_CASES[i]!.published) expect(page).toContain(pub(i));
    else {
      expect(page).not.toContain(pub(i));
      expect(run.stderr).toContain(`${mid(i + 1)}: `);
    }
  });

  it('the minutes wep writes itself are published, table and all, without their confidential item', () => {
    const d = repo({ withMeetings: true });
    expect(wep(['minutes', '--meeting', '2026-12-10-partnership'], { cwd: d, today: '2026-12-11' }).code).toBe(0);
    const minutes = read(d, 'meetings/2026-12-10-partnership/minutes.md');
    writeFileSync(join(d, 'meetings/2026-12-10-partnership/minutes.md'), minutes.replace(/## 9\. Commissioning[^\n]*\n/, '$&\nzqtemplate secret minute\n'));
    const yaml = read(d, 'meetings/2026-12-10-partnership/meeting.yaml');
    writeFileSync(join(d, 'meetings/2026-12-10-partnership/meeting.yaml'), `${yaml.replace(/\nminutes:[\s\S]*?(?=\n\S|$)/, '')}\nminutes: { status: approved }\n`);
    const r = wep(['publish'], { cwd: d, today: '2026-12-11' });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/minutes\.md is withheld/);
    const page = read(d, 'site/meetings/2026-12-10-partnership/index.html');
    expect(page).toContain('<table>');
    expect(page).toContain('School place planning 2027-28');
    expect(leaks(join(d, 'site'), 'zqtemplate')).toEqual([]);
    expect(leaks(join(d, 'site'), 'Commissioning of working groups')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// What comes from a confidential item stays confidential wherever it travels.

describe('what a confidential item leaves behind travels without its text', () => {
  let dir: string;
  let run: ReturnType<typeof wep>;
  const ACTION = 'Negotiate zqaction settlement figure';
  const DECISION = 'Settlement zqdecision agreed at a figure';
  const INTEREST = 'Married to zqinterest claimant';
  beforeAll(() => {
    dir = repo();
    write(
      dir,
      'meetings/2026-10-01-partnership/meeting.yaml',
      `${meetingYaml('2026-10-01', [{ title: 'Welcome' }, { title: 'Staffing matter', confidential: true }, { title: 'Budget' }])}attendance:
  present: [chair-okafor, ph-ahmed]
  interests:
    - { person: ph-ahmed, item: 2, interest: ${q(INTEREST)} }
decisions:
  - { item: 2, text: ${q(DECISION)} }
actions:
  - { id: a1, text: ${q(ACTION)}, owner: chair-okafor, item: 2, due: 2026-12-01 }
minutes: { status: approved }
`,
    );
    // The next meeting: its matters arising carry the action; its minutes repeat all three.
    write(
      dir,
      'meetings/2026-11-05-partnership/meeting.yaml',
      `${meetingYaml('2026-11-05', [{ title: 'Welcome' }, { title: 'Matters arising' }])}minutes: { status: approved }\n`,
    );
    write(dir, 'meetings/2026-11-05-partnership/minutes.md', `## 1. Welcome\n\nopen zqnext1\n\n## 2. Matters arising\n\n- ${ACTION}: in hand\n`);
    write(
      dir,
      'meetings/2026-11-12-partnership/meeting.yaml',
      `${meetingYaml('2026-11-12', [{ title: 'Welcome' }, { title: 'Review' }])}minutes: { status: approved }\n`,
    );
    write(dir, 'meetings/2026-11-12-partnership/minutes.md', `## 1. Welcome\n\n## 2. Review\n\nRecalling that the ${DECISION.toLowerCase()}, and ${INTEREST}.\n`);
    write(
      dir,
      'meetings/2026-12-10-partnership/meeting.yaml',
      'body: partnership\ndate: 2026-12-10\nstart: "16:00"\nagenda:\n  - { title: Welcome and apologies, standard: apologies }\n  - { title: Matters arising and the action log, standard: matters-arising }\n',
    );
    run = wep(['publish'], { cwd: dir, today: PAST });
  });

  it('no site file holds the action, decision or declaration', () => {
    expect(run.code).toBe(0);
    for (const t of ['zqaction', 'zqdecision', 'zqinterest']) expect(leaks(join(dir, 'site'), t), t).toEqual([]);
    expect(run.stderr).toMatch(/2026-11-05-partnership: the minutes file mentions a confidential item/);
    expect(run.stderr).toMatch(/2026-11-12-partnership: the minutes file mentions a confidential item/);
  });

  it('the next agenda and notice carry the action by its reference and owner, not its text', () => {
    const agenda = wep(['agenda', '--meeting', '2026-12-10-partnership'], { cwd: dir, today: PAST });
    expect(agenda.code).toBe(0);
    expect(agenda.stdout).toContain('2026-10-01-partnership/a1');
    expect(agenda.stdout).not.toContain('zqaction');
    const notice = wep(['notice', '--meeting', '2026-12-10-partnership'], { cwd: dir, today: PAST });
    expect(notice.code).toBe(0);
    for (const f of ['notice.md', 'notice.html', 'invite.ics']) expect(read(dir, `meetings/2026-12-10-partnership/${f}`), f).not.toContain('zqaction');
    expect(read(dir, 'meetings/2026-12-10-partnership/notice.md')).toContain('Confidential action');
  });

  it('the clerk still sees the action in the action log', () => {
    expect(wep(['actions'], { cwd: dir, today: PAST }).stdout).toContain('zqaction');
  });
});

// ---------------------------------------------------------------------------------------------
// Addresses not marked public are withheld in any field.

describe('email addresses not marked public never reach the site', () => {
  let dir: string;
  let run: ReturnType<typeof wep>;
  const addr = (n: number) => `person${n}@zqmail.example.org`;
  beforeAll(() => {
    dir = repo();
    write(dir, 'partnership.yaml', read(dir, 'partnership.yaml').replace('    email: grace.okafor@example.org\n', '    email: grace.okafor@example.org\n    email-public: true\n'));
    write(
      dir,
      'meetings/2026-10-01-partnership/meeting.yaml',
      `body: partnership
date: 2026-10-01
start: "16:00"
venue: { name: ${q(`Room booked by ${addr(1)}`)} }
invitees:
  - { name: Guest, email: ${q(addr(2))} }
agenda:
  - { title: ${q(`Queries to ${addr(3)}`)}, paper: papers/p.md }
  - { title: Budget, presenter: ${q(addr(4))}, minutes: ${q(`Minute naming ${addr(5)}`)} }
attendance:
  present: [chair-okafor]
decisions:
  - { item: 2, text: ${q(`Agreed; write to ${addr(6)}`)} }
actions:
  - { id: a1, text: ${q(`Reply to ${addr(7)}`)}, owner: chair-okafor, item: 2 }
minutes: { status: approved }
`,
    );
    write(dir, 'meetings/2026-10-01-partnership/papers/p.md', `# Paper\n\nContact ${addr(8)}, <${addr(9)}>, [mail](mailto:${addr(10)}) or person11&#64;zqmail.example.org.\n`);
    write(
      dir,
      'meetings/2026-10-01-partnership/minutes.md',
      `## 1. Queries\n\nAsk ${addr(12)} or [x](mailto:${addr(13)}) or person14%40zqmail.example.org; the chair is grace.okafor@example.org.\n\n## 2. Budget\n\n| who | address |\n|---|---|\n| a | ${addr(15)} |\n`,
    );
    run = wep(['publish'], { cwd: dir, today: PAST });
  });

  it('withholds every one of them, in every field', () => {
    expect(run.code).toBe(0);
    const site = join(dir, 'site');
    for (let n = 1; n <= 15; n++) expect(leaks(site, `person${n}@`), addr(n)).toEqual([]);
    for (const needle of ['zqmail', 'clerk@wep.example.org', 's.ahmed@oakwood-primary.example.org']) expect(leaks(site, needle), needle).toEqual([]);
  });

  it('keeps an address marked public, and says where others were', () => {
    const site = join(dir, 'site');
    expect(read(site, 'meetings/2026-10-01-partnership/index.html')).toContain('grace.okafor@example.org');
    expect(read(site, 'meetings/2026-10-01-partnership/index.html')).toContain('[address withheld]');
  });
});
