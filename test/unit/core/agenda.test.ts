import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectActions, actionsCarriedForward } from '../../../src/core/actions.js';
import { buildAgenda, isSafePaperPath, renderNewMeetingYaml, STANDARD_CLOSING, STANDARD_OPENING, yamlScalar } from '../../../src/core/agenda.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { parseMeetingSource } from '../../../src/io/meetings.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let wep: Model;
beforeAll(async () => {
  const file = examplePartnership();
  wep = buildModel(file!);
});

const earlier: MeetingFile = {
  body: 'partnership',
  date: '2026-10-08',
  start: '16:00',
  agenda: [],
  actions: [
    { id: 'a1', text: 'Propose an election process', owner: 'la-morgan', due: '2026-11-20' },
    { id: 'a2', text: 'Circulate the work plan', owner: 'la-morgan', done: { date: '2026-10-14' } },
  ],
};
const other: MeetingFile = { body: 'operational-group', date: '2026-10-20', start: '09:30', agenda: [], actions: [{ id: 'a1', text: 'Not ours', owner: 'op-baker' }] };
const next: MeetingFile = {
  body: 'partnership',
  date: '2026-12-10',
  start: '16:00',
  nextMeeting: '2027-02-04',
  attendance: { apologies: ['sh-evans'] },
  agenda: [
    ...STANDARD_OPENING.map((s) => ({ ...s })),
    { title: 'School place planning', presenter: 'la-morgan', paper: 'papers/place planning.pdf', purpose: 'decision' },
    { title: 'Budget', presenter: 'Dr A Visitor', paper: 'https://example.org/budget.pdf', purpose: 'information', confidential: true },
    ...STANDARD_CLOSING.map((s) => ({ ...s })),
  ],
};

describe('buildAgenda', () => {
  const agenda = () => {
    const carried = actionsCarriedForward(collectActions([{ id: '2026-10-08-partnership', meeting: earlier }, { id: '2026-10-20-operational-group', meeting: other }], '2026-11-22'), 'partnership', next.date);
    return buildAgenda(wep, '2026-12-10-partnership', next, { carried, previous: { id: '2026-10-08-partnership', date: '2026-10-08', minutesStatus: 'circulated' } });
  };

  it('numbers every item by position, standard items in the order of DOMAIN.md', () => {
    const a = agenda();
    expect(a.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.items.map((i) => i.standard)).toEqual(['apologies', 'proxies', 'declarations', 'previous-minutes', 'matters-arising', null, null, 'aob', 'next-meeting']);
  });

  it('puts open actions of earlier meetings of the same body under matters arising', () => {
    const ma = agenda().items[4]!;
    expect(ma.actions).toEqual([{ ref: '2026-10-08-partnership/a1', text: 'Propose an election process', owner: 'la-morgan', ownerName: 'Owen Morgan', due: '2026-11-20', overdue: true }]);
  });

  it('fills in apologies, the previous minutes and the next meeting date', () => {
    const a = agenda();
    expect(a.items[0]!.notes).toEqual(['Apologies received: Megan Evans']);
    expect(a.items[3]!.notes).toEqual(['Minutes of the meeting held on Thursday 8 October 2026 (circulated)']);
    expect(a.items[8]!.notes).toEqual(['Thursday 4 February 2027']);
  });

  it('shows presenters by name, purposes in words, papers with safe links', () => {
    const [place, budget] = [agenda().items[5]!, agenda().items[6]!];
    expect(place).toMatchObject({ presenter: 'Owen Morgan', presenterId: 'la-morgan', purposeText: 'For decision', paperHref: 'papers/place%20planning.pdf', confidential: false });
    expect(budget).toMatchObject({ presenter: 'Dr A Visitor', presenterId: null, paperHref: 'https://example.org/budget.pdf', confidential: true });
    expect(agenda().papers.map((p) => p.number)).toEqual([6, 7]);
  });

  it('says so when there are no open actions', () => {
    const a = buildAgenda(wep, 'x', next, { carried: [] });
    expect(a.items[4]!.notes).toEqual(['No open actions from earlier meetings']);
    expect(a.items[3]!.notes).toEqual([]);
  });
});

describe('paper paths', () => {
  it('keeps papers inside the meeting folder', () => {
    expect(isSafePaperPath('papers/a.pdf')).toBe(true);
    expect(isSafePaperPath('https://example.org/a.pdf')).toBe(true);
    expect(isSafePaperPath('../other/a.pdf')).toBe(false);
    expect(isSafePaperPath('papers/../../x')).toBe(false);
    expect(isSafePaperPath('/etc/passwd')).toBe(false);
    expect(isSafePaperPath('javascript:alert(1)')).toBe(false);
    expect(isSafePaperPath('file:///etc/passwd')).toBe(false);
  });
});

describe('a new meeting.yaml', () => {
  it('quotes YAML scalars only when needed, and always reads back the same', () => {
    expect(yamlScalar('Shute End Council Offices, Committee Room 1')).toBe('Shute End Council Offices, Committee Room 1');
    expect(yamlScalar('Room: 1')).toBe('"Room: 1"');
    expect(yamlScalar('yes')).toBe('"yes"');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parse(`v: ${yamlScalar(s)}`).v).toBe(s);
      }),
    );
  });

  it('is a valid record with the standard agenda in order', async () => {
    const body = wep.bodies.get('partnership')!;
    const text = renderNewMeetingYaml({ body, date: '2027-02-04', start: '16:00', end: '18:00', venue: { name: 'Oakwood Primary: hall', address: 'Oak Lane' }, calledBy: 'chair-okafor', requestedBy: 'sh-clarke' });
    const parsed = await parseMeetingSource(text, 'meeting.yaml');
    expect(parsed.diagnostics).toEqual([]);
    const m = parsed.meeting!;
    expect(m).toMatchObject({ body: 'partnership', date: '2027-02-04', start: '16:00', end: '18:00', calledBy: 'chair-okafor', requestedBy: 'sh-clarke', venue: { name: 'Oakwood Primary: hall', address: 'Oak Lane' } });
    expect(m.agenda.map((i) => i.standard)).toEqual(['apologies', 'proxies', 'declarations', 'previous-minutes', 'matters-arising', 'aob', 'next-meeting']);
    expect(text).toContain('# yaml-language-server: $schema=../../schema/meeting.schema.json');
  });
});
