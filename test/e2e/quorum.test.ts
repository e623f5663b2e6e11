/** `wep quorum` end to end on the bundled Wokingham example (2 each of Schools Forum, primary and secondary heads). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

let dir: string;
beforeAll(() => {
  dir = tempRepo({ git: false });
});
afterAll(() => removeRepo(dir));

const QUORATE = 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones';
const AGENDA = `agenda:
  - { title: Welcome and apologies, standard: welcome }
  - { title: Proxies, standard: proxies }
  - { title: Declarations of interest, standard: declarations }
  - { title: Minutes of the last meeting, standard: previous-minutes }
  - { title: High-needs funding bids, purpose: decision }
  - { title: Budget 2027-28, purpose: decision }
  - { title: Any other business, standard: aob }
`;
const meeting = (id: string, attendance: string) =>
  write(dir, `meetings/${id}/meeting.yaml`, `body: partnership\ndate: ${id.slice(0, 10)}\nstart: "16:00"\n${AGENDA}${attendance}`);

interface QuorumJson {
  quorate: boolean;
  body: string;
  meeting: string | null;
  item: number | null;
  forecast: boolean;
  rules: { description: string; group: string | null; required: number; counted: number; met: boolean; shortBy: number; couldFix: { id: string; via: string; forMember: string | null }[] }[];
  counted: { id: string; as: string; for: string | null; group: string | null }[];
  notCounted: { id: string; reason: string }[];
  items?: { item: number; quorate: boolean }[];
  inquorateItems?: number[];
}
const json = (args: string[]) => {
  const r = wep([...args, '--json'], { cwd: dir });
  return { ...r, data: JSON.parse(r.stdout) as QuorumJson };
};

describe('wep quorum --present', () => {
  it('quorate: one verdict line, then the table; exit 0', () => {
    const r = wep(['quorum', '--present', QUORATE], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Quorate: Education Partnership, at the start of the meeting (7 counted)');
    expect(lines[2]).toMatch(/^ {2}rule +required +counted +met +short by$/);
    expect(r.stdout).toMatch(/^ {2}at least 2 from Wokingham Secondary Heads Federation +2 +2 +yes +-$/m);
    expect(r.stderr).toBe('');
  });

  it('not quorate: says which group is short, by how many, and who could fix it; exit 3', () => {
    const r = wep(['quorum', '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sf-iqbal,sf-jones'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[0]).toBe('NOT QUORATE: Wokingham Secondary Heads Federation 1 of 2 (short by 1), at the start of the meeting');
    expect(r.stdout).toMatch(/^ {2}at least 2 from Wokingham Secondary Heads Federation +2 +1 +NO +1$/m);
    expect(r.stdout).toContain(
      "Wokingham Secondary Heads Federation: could fix: Megan Evans (sh-evans), Megan Evans's proxy George Usman (px-evans), Dev Francis (sh-francis), Dev Francis's proxy Holly Vaughan (px-francis)",
    );
  });

  it('a proxy present counts for their absent member, in that member\'s group', () => {
    const { code, data } = json(['quorum', '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,px-evans,sf-iqbal,sf-jones']);
    expect(code).toBe(0);
    expect(data.counted).toContainEqual({ id: 'px-evans', as: 'proxy', for: 'sh-evans', group: 'secondary-heads' });
  });

  it('a member and their own proxy both present count once', () => {
    const { code, data } = json(['quorum', '--present', 'ph-ahmed,ph-brown,sh-clarke,px-clarke,sf-iqbal,sf-jones']);
    expect(code).toBe(3);
    expect(data.rules.find((r) => r.group === 'secondary-heads')).toMatchObject({ counted: 1, shortBy: 1, met: false });
    expect(data.notCounted).toEqual([{ id: 'px-clarke', reason: 'Tom Clarke (sh-clarke) is present in person' }]);
  });

  it('--json: one object with quorate, body and per-rule description, required, counted, met, shortBy', () => {
    const { code, data, stderr } = json(['quorum', '--present', `${QUORATE},la-lewis`]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(data).toMatchObject({ quorate: true, body: 'partnership', meeting: null, item: null, forecast: false });
    expect(data.rules.map(({ description, required, counted, met, shortBy }) => ({ description, required, counted, met, shortBy }))).toEqual([
      { description: 'at least 2 from Schools Forum', required: 2, counted: 2, met: true, shortBy: 0 },
      { description: 'at least 2 from Wokingham Primary Heads Partnership', required: 2, counted: 2, met: true, shortBy: 0 },
      { description: 'at least 2 from Wokingham Secondary Heads Federation', required: 2, counted: 2, met: true, shortBy: 0 },
    ]);
    expect(data.notCounted).toEqual([{ id: 'la-lewis', reason: 'does not vote (officer)' }]);
  });

  it('another body with --body', () => {
    const { code, data } = json(['quorum', '--present', 'op-baker,op-cole', '--body', 'operational-group']);
    expect(code).toBe(0);
    expect(data.body).toBe('operational-group');
    expect(data.rules[0]).toMatchObject({ description: 'at least 2 voting members', counted: 2 });
  });

  it('unknown ids are an error with a did-you-mean (exit 2)', () => {
    const r = wep(['quorum', '--present', 'ph-ahmed,sh-clarkee'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wep: error: --present: no person "sh-clarkee" in the partnership file\n  fix: did you mean "sh-clarke"?\n');
  });

  it('an unknown body is an error with a did-you-mean (exit 2)', () => {
    const r = wep(['quorum', '--present', 'op-baker', '--body', 'operational'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: no body "operational" in the partnership file');
  });

  it('--present does not go with --meeting or --item (exit 2)', () => {
    const a = wep(['quorum', '--present', 'ph-ahmed', '--meeting', '2026-12-10-partnership'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('wep: error: --present and --meeting do not go together');
    const b = wep(['quorum', '--present', 'ph-ahmed', '--item', '3'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('wep: error: --item needs a meeting record, not --present');
  });
});

describe('wep quorum on a meeting record', () => {
  beforeAll(() => {
    // before the meeting: only apologies so far
    meeting('2026-12-10-partnership', 'attendance:\n  apologies: [sh-evans, sh-francis]\n');
    // a meeting held: Tom Clarke left at item 6; Gareth Jones withdrew for item 5
    meeting(
      '2026-10-08-partnership',
      `attendance:
  present: [${QUORATE}, la-lewis]
  apologies: [sh-evans]
  left:
    - { person: sh-clarke, item: 6 }
  interests:
    - { person: sf-jones, item: 5, interest: Trustee of a bidding provider }
`,
    );
  });

  it('forecasts from the apologies before the meeting: who to ask', () => {
    const r = wep(['quorum'], { cwd: dir }); // the next meeting after 2026-11-22
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[0]).toBe(
      "Forecast: NOT QUORATE if these apologies stand (2 apologies so far): Wokingham Secondary Heads Federation 1 of 2; ask Megan Evans's proxy George Usman (px-evans), or ask Dev Francis's proxy Holly Vaughan (px-francis)",
    );
    const { data } = json(['quorum', '--meeting', '2026-12-10-partnership']);
    expect(data).toMatchObject({ forecast: true, quorate: false, meeting: '2026-12-10-partnership' });
  });

  it('a forecast with --item warns that it covers the whole meeting', () => {
    const r = wep(['quorum', '--meeting', '2026-12-10-partnership', '--item', '3'], { cwd: dir });
    expect(r.stderr).toBe('warning: no attendance recorded yet for 2026-12-10-partnership, so this is a forecast for the whole meeting, not item 3\n');
  });

  it('the recorded attendance: quorate at the start, and says at which items it was lost', () => {
    const r = wep(['quorum', '--meeting', '2026-10-08-partnership'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Quorate: Education Partnership, at the start of the meeting (7 counted)');
    expect(r.stdout).toContain('Not quorate from item 5: decisions at these items must be flagged');
    expect(r.stdout).toContain('  item 5 (High-needs funding bids): Schools Forum 1 of 2');
    expect(r.stdout).toContain('  items 6-7: Wokingham Secondary Heads Federation 1 of 2');
    const { data } = json(['quorum', '--meeting', '2026-10-08-partnership']);
    expect(data.inquorateItems).toEqual([5, 6, 7]);
    expect(data.items).toHaveLength(7);
  });

  it('--item: an interest withdrawal and a departure count only where they apply', () => {
    expect(wep(['quorum', '--meeting', '2026-10-08-partnership', '--item', '4'], { cwd: dir }).code).toBe(0);
    const at5 = json(['quorum', '--meeting', '2026-10-08-partnership', '--item', '5']);
    expect(at5.code).toBe(3);
    expect(at5.data.item).toBe(5);
    expect(at5.data.notCounted).toContainEqual({ id: 'sf-jones', reason: 'withdrew for a declared interest in item 5' });
    const at6 = wep(['quorum', '--meeting', '2026-10-08-partnership', '--item', '6'], { cwd: dir });
    expect(at6.code).toBe(3);
    expect(at6.stdout.split('\n')[0]).toBe('NOT QUORATE: Wokingham Secondary Heads Federation 1 of 2 (short by 1), at item 6');
    expect(at6.stdout).toContain('  Tom Clarke (sh-clarke): left at item 6');
  });

  it('a bad --item or meeting id is an error (exit 2)', () => {
    const a = wep(['quorum', '--meeting', '2026-10-08-partnership', '--item', '12'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('wep: error: --item 12: the agenda of 2026-10-08-partnership has 7 items');
    const b = wep(['quorum', '--meeting', '2026-10-08-partnership', '--item', 'six'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('wep: error: --item "six" is not an agenda item number');
    const c = wep(['quorum', '--meeting', '2026-10-09-partnership'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('did you mean "2026-10-08-partnership"?');
    const d = wep(['quorum', '--body', 'partnership'], { cwd: dir });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('wep: error: --body goes with --present');
  });

  it('after the last meeting, the latest one is read', () => {
    const r = wep(['quorum', '--json'], { cwd: dir, today: '2027-01-15' });
    expect(JSON.parse(r.stdout).meeting).toBe('2026-12-10-partnership');
  });
});
