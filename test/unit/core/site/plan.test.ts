import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingFile } from '../../../../src/core/meeting-schema.js';
import { buildModel } from '../../../../src/core/model.js';
import type { PartnershipFile } from '../../../../src/core/partnership-schema.js';
import { planSite } from '../../../../src/core/site/plan.js';
import { relativeHref, type PaperOnDisk, type SiteMeetingInput } from '../../../../src/core/site/types.js';
import { renderSite } from '../../../../src/report/site/index.js';

const file = (over: Partial<PartnershipFile['partnership']> = {}): PartnershipFile => ({
  partnership: { name: 'Test Partnership', short: 'TP', clerk: { name: 'Jo Clerk', email: 'clerk@tp.example.org' }, values: ['Openness'], ...over },
  groups: [
    { id: 'heads', name: 'Heads', seats: 3 },
    { id: 'la', name: 'Council', seats: 1 },
  ],
  people: [
    { id: 'chair', name: 'Ann Chair', email: 'ann@example.org', group: 'heads', role: 'chair', term: { start: '2025-09-01', end: '2027-08-31' } },
    { id: 'bob', name: 'Bob Head', email: 'bob@example.org', emailPublic: true, group: 'heads', proxy: 'pat' },
    { id: 'lou', name: 'Lou Officer', email: 'lou@example.org', group: 'la', role: 'officer' },
    { id: 'pat', name: 'Pat Proxy', email: 'pat@example.org', role: 'proxy' },
  ],
  bodies: [
    {
      id: 'board',
      name: 'The Board',
      members: [{ groups: ['heads', 'la'] }],
      notice: { kind: 'working-days', days: 7 },
      minutes: { kind: 'working-days', days: 7 },
      venue: { name: 'Town Hall', address: '1 High St', link: 'https://meet.example.org/secret-room', joining: 'passcode 9999' },
      start: '16:00',
      end: '18:00',
    },
  ],
});

const meeting = (over: Partial<MeetingFile> = {}): MeetingFile => ({ body: 'board', date: '2026-10-01', start: '16:00', agenda: [], ...over });
/** Papers on disk as io reports them: regular files inside the folder, each a file of its own. */
const onDisk = (papers: string[]): PaperOnDisk[] => papers.map((paper, i) => ({ paper, identity: { real: `/records/${paper}`, dev: 1, ino: 1000 + i }, publishable: true }));
const input = (id: string, m: MeetingFile, extra: Partial<Omit<SiteMeetingInput, 'papers'>> & { papersFound?: string[] } = {}): SiteMeetingInput => {
  const { papersFound, ...rest } = extra;
  return { id, meeting: m, papers: onDisk(papersFound ?? []), ...rest };
};

const held = meeting({
  agenda: [
    { title: 'Welcome', standard: 'welcome' },
    { title: 'Secret Heron Matter', paper: 'papers/heron.pdf', confidential: true, minutes: 'heron minute' },
    { title: 'Budget', paper: 'papers/budget.pdf', purpose: 'decision', minutes: 'Budget minute' },
    { title: 'Shared paper item', paper: 'papers/heron.pdf' },
  ],
  attendance: {
    present: ['chair', 'lou', 'pat'],
    proxies: [{ proxy: 'pat', for: 'bob' }],
    interests: [
      { person: 'chair', item: 2, interest: 'secret' },
      { person: 'chair', item: 3, interest: 'Governor of a school' },
    ],
  },
  decisions: [
    { item: 2, text: 'Heron settlement agreed' },
    { item: 3, text: 'Budget agreed; queries to ann@example.org' },
  ],
  actions: [
    { id: 'a1', text: 'Sign heron papers', owner: 'chair', item: 2 },
    { id: 'a2', text: 'Publish the budget', owner: 'lou', item: 3, due: '2026-11-01' },
  ],
  minutes: { status: 'approved' },
});

describe('relativeHref', () => {
  it.each([
    ['index.html', 'site.css', 'site.css'],
    ['meetings/x/index.html', 'site.css', '../../site.css'],
    ['meetings/x/index.html', 'meetings/x/papers/a.pdf', 'papers/a.pdf'],
    ['meetings/x/index.html', 'meetings/y/index.html', '../y/index.html'],
    ['registers/decisions.html', 'meetings/x/index.html#decision-1', '../meetings/x/index.html#decision-1'],
    ['meetings/index.html', 'index.html', '../index.html'],
  ])('%s -> %s = %s', (from, to, want) => expect(relativeHref(from, to)).toBe(want));
});

describe('planSite', () => {
  const model = buildModel(file());
  const plan = planSite({
    model,
    today: '2026-11-22',
    meetings: [input('2026-10-01-board', held, { papersFound: ['papers/budget.pdf', 'papers/heron.pdf'] })],
  });
  const m = plan.meetings[0]!;

  it('keeps a confidential item\'s number and nothing else', () => {
    expect(m.agenda[1]).toEqual({ number: 2, confidential: true });
    expect(m.agenda[2]).toMatchObject({ number: 3, title: 'Budget', minute: 'Budget minute', paper: { sitePath: 'meetings/2026-10-01-board/papers/budget.pdf' } });
  });

  it('never copies a paper a confidential item names, even when a public item names it too', () => {
    expect(plan.copies.map((c) => c.source)).toEqual(['papers/budget.pdf']);
    expect(m.agenda[3]!.paper).toEqual({ label: 'Paper (confidential, not published)' });
  });

  it('leaves out decisions, actions and declarations of confidential items', () => {
    expect(m.decisions.map((d) => d.item)).toEqual([3]);
    expect(m.actions.map((a) => a.ref)).toEqual(['2026-10-01-board/a2']);
    expect(m.minutes.declarations.map((d) => d.item)).toEqual([3]);
  });

  it('withholds private addresses typed into the records', () => {
    expect(m.decisions[0]!.text).toBe('Budget agreed; queries to [address withheld]');
  });

  it('shows emails only where marked public, and never joining links', () => {
    const body = plan.bodies[0]!;
    const rows = body.groups.flatMap((g) => g.rows);
    expect(rows.find((r) => r.person.name === 'Bob Head')!.person.email).toBe('bob@example.org');
    expect(rows.find((r) => r.person.name === 'Ann Chair')!.person.email).toBeUndefined();
    expect(m.venue).toEqual({ name: 'Town Hall', address: '1 High St', online: true });
  });

  it('lists vacancies per group', () => {
    expect(plan.bodies[0]!.groups.map((g) => [g.name, g.vacant])).toEqual([
      ['Heads', 1],
      ['Council', 0],
    ]);
  });

  it('records attendance with proxies, not double-counted', () => {
    expect(m.attendance!.proxies).toEqual([{ proxy: { name: 'Pat Proxy' }, for: { name: 'Bob Head', email: 'bob@example.org' } }]);
    expect(m.attendance!.absent).toEqual([]);
    const year = plan.attendance[0]!;
    expect(year.year).toBe(2026);
    expect(year.bodies[0]!.byPerson.map((r) => [r.person, r.present, r.proxy, r.absent])).toEqual([
      ['Ann Chair', 1, 0, 0],
      ['Bob Head', 0, 1, 0],
      ['Lou Officer', 1, 0, 0],
    ]);
  });

  it('flags decisions taken while the meeting was not quorate (the quorum engine counts)', () => {
    const f = file();
    f.bodies[0]!.quorum = [{ kind: 'count', min: 3 }];
    const p = planSite({ model: buildModel(f), today: '2026-11-22', meetings: [input('2026-10-01-board', held)] });
    expect(p.meetings[0]!.quorum).toMatchObject({ quorate: false, rules: [{ required: 3, counted: 2, met: false }] });
    expect(p.decisions.map((d) => d.quorate)).toEqual([false]);
    expect(renderSite(p, { css: '' }).find((x) => x.path === 'registers/decisions.html')!.content).toContain('Not quorate');
    f.bodies[0]!.quorum = [{ kind: 'count', min: 2 }];
    const ok = planSite({ model: buildModel(f), today: '2026-11-22', meetings: [input('2026-10-01-board', held)] });
    expect(ok.meetings[0]!.quorum?.quorate).toBe(true);
    // The chair withdrew from item 3 for a declared interest, so the count there drops to 1.
    expect(ok.decisions.map((d) => d.quorate)).toEqual([false]);
    expect(plan.meetings[0]!.quorum).toBeUndefined();
  });

  it('withholds minutes that still mention a confidential item outside its own section, with a warning', () => {
    const p = planSite({ model, today: '2026-11-22', meetings: [input('2026-10-01-board', held, { minutesText: '## 1. Welcome\nWe discussed the Secret Heron Matter briefly.\n## 2. Secret Heron Matter\nhidden\n' })] });
    expect(p.meetings[0]!.minutes.state).toBe('withheld');
    expect(p.warnings).toContain('2026-10-01-board: the minutes file mentions a confidential item, so it is left out of the site');
  });

  it("asks the renderer about the minutes as the meeting's own page shows them", () => {
    const asked: [string, string][] = [];
    const text = '## 1. Welcome\nAll welcome.\n## 2. Secret Heron Matter\nhidden\n## 3. Budget\nAgreed.\n';
    const p = planSite({ model, today: '2026-11-22', meetings: [input('2026-10-01-board', held, { minutesText: text })], rendererHeadings: (visible, page) => (asked.push([visible, page]), [1, 3, 5]) });
    expect(asked).toEqual([[text, p.meetings[0]!.path]]);
    expect(p.meetings[0]!.path).toBe('meetings/2026-10-01-board/index.html');
    expect(p.meetings[0]!.minutes.markdown).toBe('## 1. Welcome\nAll welcome.\n## 3. Budget\nAgreed.\n');
    // a renderer that reads the headings otherwise withholds them
    const odd = planSite({ model, today: '2026-11-22', meetings: [input('2026-10-01-board', held, { minutesText: text })], rendererHeadings: () => [1, 5] });
    expect(odd.meetings[0]!.minutes.state).toBe('withheld');
  });

  it('approved-only: draft minutes, decisions and actions stay out; attendance is shown', () => {
    const draft = { ...held, minutes: { status: 'circulated' as const } };
    const p = planSite({ model, today: '2026-11-22', meetings: [input('2026-10-01-board', draft, { minutesText: 'draft text' })] });
    const v = p.meetings[0]!;
    expect(v.minutes.state).toBe('withheld');
    expect(v.minutes.markdown).toBeUndefined();
    expect(v.decisions).toEqual([]);
    expect(v.actions).toEqual([]);
    expect(v.agenda[2]!.minute).toBeUndefined();
    expect(v.attendance).toBeDefined();
  });

  it('mark-drafts: draft minutes are published, marked', () => {
    const m2 = buildModel(file({ publish: { minutes: 'mark-drafts' } }));
    const draft = { ...held, minutes: { status: 'draft' as const } };
    const p = planSite({ model: m2, today: '2026-11-22', meetings: [input('2026-10-01-board', draft, { minutesText: '## 2. Heron\nhidden\n## 3. Budget\ndraft text' })] });
    expect(p.meetings[0]!.minutes).toMatchObject({ state: 'draft', markdown: '## 3. Budget\ndraft text' });
    expect(p.decisions.every((d) => d.draft)).toBe(true);
  });

  it('an upcoming meeting publishes its notice and agenda, never results', () => {
    const up = { ...held, date: '2026-12-10' };
    const p = planSite({ model, today: '2026-11-22', meetings: [input('2026-12-10-board', up)] });
    expect(p.meetings[0]).toMatchObject({ status: 'upcoming', decisions: [], actions: [], minutes: { state: 'not-yet' } });
    expect(p.meetings[0]!.attendance).toBeUndefined();
    expect(p.upcoming.map((u) => u.id)).toEqual(['2026-12-10-board']);
  });

  it('links meetings of a body in order and gives the feed a stable entry per meeting', () => {
    const p = planSite({
      model,
      today: '2026-11-22',
      baseUrl: 'https://tp.example.org/',
      meetings: [input('2026-12-10-board', { ...held, date: '2026-12-10' }), input('2026-10-01-board', held)],
    });
    expect(p.meetings.map((v) => v.id)).toEqual(['2026-10-01-board', '2026-12-10-board']);
    expect(p.meetings[0]!.next?.id).toBe('2026-12-10-board');
    expect(p.meetings[1]!.previous?.id).toBe('2026-10-01-board');
    expect(p.calendar.events[0]).toMatchObject({
      // the same UID as the invitation members received (core/meeting-event.ts)
      uid: 'tp-2026-10-01-board@wep',
      url: 'https://tp.example.org/meetings/2026-10-01-board/index.html',
      timed: { date: '2026-10-01', start: '16:00', end: '18:00' },
      stamp: '20261001T000000Z',
      location: 'Town Hall, 1 High St',
    });
  });
});

describe('planSite: term dates and the school holidays', () => {
  const TERMS = [
    { name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18', halfTerm: { start: '2026-10-26', end: '2026-10-30' } },
    { name: 'Spring 2027', start: '2027-01-05', end: '2027-03-26', halfTerm: { start: '2027-02-15', end: '2027-02-19' } },
  ];
  const model = buildModel(file({ calendar: { nation: 'england-and-wales', terms: TERMS } }));
  const plan = planSite({
    model,
    today: '2026-11-22',
    baseUrl: 'https://tp.example.org/',
    meetings: [input('2026-10-01-board', held), input('2026-10-28-board', { ...held, date: '2026-10-28' }), input('2026-12-22-board', meeting({ date: '2026-12-22', cancelled: { reason: 'Snow' } }))],
  });

  it('lists the terms and half-terms given, and puts them in the feed as all-day events', () => {
    expect(plan.terms).toEqual([{ name: 'Term dates', bodies: ['The Board'], terms: TERMS }]);
    const allDay = plan.calendar.events.filter((e) => e.allDay);
    expect(allDay.map((e) => [e.summary, e.allDay, e.allDayLast])).toEqual([
      ['TP: Autumn 2026 term', '2026-09-03', '2026-12-18'],
      ['TP: half-term, Autumn 2026', '2026-10-26', '2026-10-30'],
      ['TP: Spring 2027 term', '2027-01-05', '2027-03-26'],
      ['TP: half-term, Spring 2027', '2027-02-15', '2027-02-19'],
    ]);
    expect(planSite({ model: buildModel(file()), today: '2026-11-22', meetings: [] }).terms).toEqual([]);
  });

  it('marks a meeting in half-term on its page and in its event, and warns the clerk in the words of wep check', () => {
    const [term, half, cancelled] = plan.meetings;
    expect(term!.holiday).toBeUndefined();
    expect(half!.holiday).toBe('half-term of Autumn 2026');
    expect(cancelled!.holiday).toBeUndefined();
    const event = plan.calendar.events.find((e) => e.uid === 'tp-2026-10-28-board@wep')!;
    expect(event.description).toBe('Agenda, papers and minutes: https://tp.example.org/meetings/2026-10-28-board/index.html\nWarning: in the school holidays (half-term of Autumn 2026).');
    expect(plan.calendar.events.find((e) => e.uid === 'tp-2026-10-01-board@wep')!.description).not.toContain('Warning');
    expect(plan.warnings).toContain('2026-10-28-board: the meeting on Wednesday 28 October 2026 is in the school holidays (half-term of Autumn 2026): school leaders may not be able to come');
    expect(plan.warnings.filter((w) => w.includes('school holidays'))).toHaveLength(1);
    const files = renderSite(plan, { css: '' });
    expect(files.find((f) => f.path === 'meetings/2026-10-28-board/index.html')!.content).toContain('<dt>School holidays</dt><dd>This meeting is in the school holidays (half-term of Autumn 2026).</dd>');
    expect(files.find((f) => f.path === 'meetings/index.html')!.content).toContain('<th scope="row">Autumn 2026</th><td>Thu 3 Sep 2026</td><td>Fri 18 Dec 2026</td><td>Mon 26 Oct 2026 to Fri 30 Oct 2026</td>');
  });
});

describe('planSite: a joint meeting of two bodies', () => {
  const f = file();
  f.people.push({ id: 'oli', name: 'Oli Ops', email: 'oli@example.org', role: 'member', voting: true }, { id: 'ola', name: 'Ola Ops', email: 'ola@example.org', role: 'member', voting: true });
  f.bodies[0]!.quorum = [{ kind: 'count', min: 2 }];
  f.bodies.push({ id: 'ops', name: 'Ops Group', members: [{ people: ['oli', 'ola'] }], notice: { kind: 'working-days', days: 5 }, minutes: { kind: 'working-days', days: 7 }, quorum: [{ kind: 'count', min: 2 }] });
  const joint = meeting({
    date: '2026-10-15',
    jointWith: ['ops'],
    agenda: [{ title: 'Welcome' }, { title: 'Joint plan', purpose: 'decision' }],
    attendance: { present: ['chair', 'pat', 'oli'], proxies: [{ proxy: 'pat', for: 'bob' }], apologies: ['ola'] },
    decisions: [{ item: 2, text: 'The joint plan is agreed.' }],
    actions: [{ id: 'a1', text: 'Draft the joint plan', owner: 'oli', item: 2 }],
    minutes: { status: 'approved' },
  });
  const before = meeting({ body: 'ops', date: '2026-09-20', attendance: { present: ['oli', 'ola'] }, minutes: { status: 'approved' } });
  const after = meeting({ body: 'ops', date: '2026-11-05', attendance: { present: ['oli', 'ola'] }, minutes: { status: 'approved' } });
  const plan = planSite({ model: buildModel(f), today: '2026-11-22', meetings: [input('2026-09-20-ops', before), input('2026-10-15-board', joint), input('2026-11-05-ops', after)] });
  const v = plan.meetings.find((x) => x.id === '2026-10-15-board')!;

  it('is a meeting of both bodies, listed on the page of each', () => {
    expect(v.bodyName).toBe('The Board and Ops Group (joint meeting)');
    expect(v.bodies).toEqual([
      { id: 'board', name: 'The Board', path: 'bodies/board/index.html' },
      { id: 'ops', name: 'Ops Group', path: 'bodies/ops/index.html' },
    ]);
    const body = (id: string) => plan.bodies.find((b) => b.id === id)!;
    expect(body('board').past.map((m) => m.id)).toEqual(['2026-10-15-board']);
    expect(body('ops').past.map((m) => m.id)).toEqual(['2026-11-05-ops', '2026-10-15-board', '2026-09-20-ops']);
    // walking through the Ops Group's meetings passes through the joint one
    expect(plan.meetings.find((x) => x.id === '2026-09-20-ops')!.next?.id).toBe('2026-10-15-board');
    expect(plan.meetings.find((x) => x.id === '2026-11-05-ops')!.previous?.id).toBe('2026-10-15-board');
  });

  it('has the quorum of each body by its own rules, and each decision the quorum of each', () => {
    expect(v.quorum?.quorate).toBe(true);
    expect(v.quorumByBody?.map((q) => [q.bodyId, q.bodyName, q.quorate, q.rules[0]!.counted])).toEqual([
      ['board', 'The Board', true, 2],
      ['ops', 'Ops Group', false, 1],
    ]);
    const [d] = v.decisions;
    expect(d).toMatchObject({ bodyName: 'The Board and Ops Group (joint meeting)', quorate: false });
    expect(d!.byBody).toEqual([
      { bodyId: 'board', bodyName: 'The Board', quorate: true },
      { bodyId: 'ops', bodyName: 'Ops Group', quorate: false },
    ]);
    // in each body's register, that body's quorum
    expect(plan.bodies.find((b) => b.id === 'board')!.decisions.map((x) => [x.text, x.quorate])).toEqual([['The joint plan is agreed.', true]]);
    expect(plan.bodies.find((b) => b.id === 'ops')!.decisions.map((x) => [x.text, x.quorate])).toEqual([['The joint plan is agreed.', false]]);
    expect(plan.actions.map((a) => a.bodyName)).toEqual(['The Board and Ops Group (joint meeting)']);
  });

  it('lists the members of both bodies present, and counts it in the attendance of each', () => {
    expect(v.attendance!.present).toEqual([
      { group: 'Heads', people: [{ name: 'Ann Chair' }] },
      { group: 'Ops Group', people: [{ name: 'Oli Ops' }] },
    ]);
    expect(v.attendance!.inAttendance).toEqual([]);
    expect(v.attendance!.apologies).toEqual([{ name: 'Ola Ops' }]);
    const year = plan.attendance[0]!;
    expect(year.bodies.map((b) => [b.id, b.meetings])).toEqual([
      ['board', 1],
      ['ops', 3],
    ]);
    expect(year.bodies[1]!.byPerson.map((r) => [r.person, r.present, r.apologies])).toEqual([
      ['Oli Ops', 3, 0],
      ['Ola Ops', 2, 1],
    ]);
  });

  it('renders: the meeting page links both bodies and shows each quorum; both body pages link the meeting', () => {
    const files = renderSite(plan, { css: '' });
    const page = files.find((x) => x.path === 'meetings/2026-10-15-board/index.html')!.content;
    expect(page).toContain('A joint meeting of <a href="../../bodies/board/index.html">The Board</a> and the <a href="../../bodies/ops/index.html">Ops Group</a>.');
    expect(page).toContain('<strong>The Ops Group was not quorate at the start</strong>');
    expect(page).toContain('Not quorate for the Ops Group');
    for (const b of ['board', 'ops']) expect(files.find((x) => x.path === `bodies/${b}/index.html`)!.content).toContain('href="../../meetings/2026-10-15-board/index.html"');
    expect(files.find((x) => x.path === 'bodies/board/index.html')!.content).not.toContain('Not quorate');
  });
});

// The promise the site makes: whatever the records hold, a confidential item's title and paper
// appear in no file, and the same records give the same bytes in any input order.
describe('planSite + renderSite properties', () => {
  const model = buildModel(file({ publish: { minutes: 'mark-drafts' } }));
  const token = fc.stringMatching(/^[a-z]{6,10}$/).map((s) => `zz${s}`);
  const item = fc.record({ title: token, paper: token, confidential: fc.boolean(), minute: fc.boolean() });
  const meetingArb = fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    status: fc.constantFrom('draft', 'approved', 'signed', undefined),
    items: fc.array(item, { minLength: 1, maxLength: 6 }),
  });

  it('no confidential title or paper reaches any file, and input order does not change the output', () => {
    fc.assert(
      fc.property(fc.uniqueArray(meetingArb, { maxLength: 5, selector: (m) => `${m.month}-${m.day}` }), (ms) => {
        const inputs = ms.map((x) => {
          const date = `2026-${String(x.month).padStart(2, '0')}-${String(x.day).padStart(2, '0')}`;
          const agenda = x.items.map((i) => ({ title: i.title, paper: `papers/${i.paper}.pdf`, ...(i.confidential ? { confidential: true } : {}), ...(i.minute ? { minutes: `minute of ${i.title}` } : {}) }));
          const mf = meeting({
            date,
            agenda,
            decisions: agenda.map((a, n) => ({ item: n + 1, text: `decided ${a.title}` })),
            actions: agenda.map((a, n) => ({ id: `a${n + 1}`, text: `do ${a.title}`, owner: 'lou', item: n + 1 })),
            attendance: { present: ['chair'], interests: agenda.map((a, n) => ({ person: 'chair', item: n + 1, interest: `interest in ${a.title}` })) },
            ...(x.status ? { minutes: { status: x.status } } : {}),
          });
          const minutesText = agenda.map((a, n) => `## ${n + 1}. ${a.title}\n\nText about ${a.title}.`).join('\n\n');
          return input(`${date}-board`, mf, { minutesText, papersFound: agenda.map((a) => a.paper) });
        });
        const secrets = ms.flatMap((x) => x.items.filter((i) => i.confidential).flatMap((i) => [i.title, i.paper]));
        const publicTokens = ms.flatMap((x) => x.items.filter((i) => !i.confidential).flatMap((i) => [i.title, i.paper]));
        const plan = planSite({ model, today: '2026-12-31', meetings: inputs });
        const files = renderSite(plan, { css: '', js: '' });
        const all = files.map((f) => f.content).join('\n') + plan.copies.map((c) => c.sitePath).join('\n');
        // a secret that is also part of a public title or paper ("zzabc" in "zzabcde") may
        // rightly appear through the public one
        for (const s of secrets) if (!publicTokens.some((t) => t.includes(s))) expect(all).not.toContain(s);
        const again = renderSite(planSite({ model, today: '2026-12-31', meetings: [...inputs].reverse() }), { css: '', js: '' });
        expect(again).toEqual(files);
      }),
      { numRuns: 60 },
    );
  });
});
