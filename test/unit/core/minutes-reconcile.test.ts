import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { parseMinutes } from '../../../src/core/minutes-parse.js';
import { isCirculated, reconcileMinutes } from '../../../src/core/minutes-reconcile.js';

const doc = (...lines: string[]) => lines.join('\n');
const meeting = (over: Partial<MeetingFile> = {}): MeetingFile => ({
  body: 'partnership',
  date: '2026-10-08',
  start: '16:00',
  agenda: [{ title: 'A' }, { title: 'B' }, { title: 'C' }],
  decisions: [
    { id: 'd1', item: 1, text: 'The plan is approved.' },
    { id: 'd2', item: 2, text: 'The report is noted.' },
  ],
  actions: [{ id: 'a1', item: 1, text: 'Send the plan', owner: 'la-morgan', due: '2026-11-13', done: { date: '2026-11-01' } }],
  ...over,
});
const SAME = doc('## 1. A', 'DECISION: The plan is approved.', 'ACTION: Send the plan — owner: la-morgan, due: 2026-11-13', '## 2. B', 'DECISION: the report  is noted', '## 3. C');

describe('reconcileMinutes: minutes.md paired with meeting.yaml', () => {
  it('the same lines (whatever the case, spacing and full stops): no differences, ids and done kept', () => {
    const r = reconcileMinutes(meeting(), parseMinutes(SAME));
    expect(r.differences).toEqual([]);
    expect(r.pending).toEqual({ actions: [], decisions: [] });
    expect(r.merged.actions?.[0]).toMatchObject({ id: 'a1', done: { date: '2026-11-01' } });
    // minutes.md's text is what the register shows
    expect(r.merged.decisions?.[1]).toEqual({ id: 'd2', item: 2, text: 'the report  is noted' });
  });

  it('a reworded line under the same item is the same entry, changed; its id and state stay', () => {
    const r = reconcileMinutes(meeting(), parseMinutes(SAME.replace('DECISION: The plan is approved.', 'DECISION: The plan is approved, as amended. (for: 7, against: 1)')));
    expect(r.differences).toEqual([
      { kind: 'changed', entry: 'decision', id: 'd1', index: 0, line: 2, col: 1, text: 'The plan is approved, as amended.', was: 'The plan is approved.', fields: ['text', 'votes'], item: 1, wasItem: 1 },
    ]);
    expect(r.merged.decisions?.[0]).toEqual({ id: 'd1', item: 1, text: 'The plan is approved, as amended.', votes: { for: 7, against: 1 } });
  });

  it('the same text under another item has moved; an action\'s owner and due date are compared too', () => {
    const text = doc('## 1. A', 'DECISION: The plan is approved.', '## 2. B', 'ACTION: Send the plan — owner: op-baker', 'DECISION: The report is noted.');
    const r = reconcileMinutes(meeting(), parseMinutes(text));
    expect(r.differences).toEqual([expect.objectContaining({ kind: 'moved', entry: 'action', id: 'a1', fields: ['item', 'owner', 'due'], item: 2, wasItem: 1 })]);
    expect(r.merged.actions?.[0]).toEqual({ id: 'a1', item: 2, text: 'Send the plan', owner: 'op-baker', done: { date: '2026-11-01' } });
  });

  it('new lines are added with the next ids; entries minutes.md lacks are missing, and kept in the register', () => {
    const text = doc('## 1. A', 'DECISION: The plan is approved.', 'ACTION: Send the plan — owner: la-morgan, due: 2026-11-13', '## 3. C', 'DECISION: A new one.', 'ACTION: Book a room — owner: op-baker');
    const r = reconcileMinutes(meeting(), parseMinutes(text));
    expect(r.differences.map((d) => `${d.kind} ${d.entry} ${d.id}`)).toEqual(['added decision d3', 'missing decision d2', 'added action a2']);
    expect(r.pending.decisions).toEqual([{ id: 'd3', item: 3, text: 'A new one.', line: 5, col: 1 }]);
    expect(r.pending.actions).toMatchObject([{ id: 'a2', item: 3, text: 'Book a room', owner: 'op-baker', line: 6 }]);
    expect(r.merged.decisions?.map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
  });

  it('lines wep cannot place (no item, no owner) are left to the parse problems', () => {
    const r = reconcileMinutes(meeting({ decisions: [], actions: [] }), parseMinutes(doc('DECISION: Before any item.', '## 1. A', 'ACTION: No owner')));
    expect(r.differences).toEqual([]);
    expect(r.merged.decisions).toEqual([]);
  });

  it('decisions without ids in meeting.yaml are known by position (d1, d2 ...)', () => {
    const r = reconcileMinutes(meeting({ decisions: [{ item: 1, text: 'X.' }], actions: [] }), parseMinutes(doc('## 1. A', 'DECISION: X, reworded.')));
    expect(r.differences).toMatchObject([{ kind: 'changed', id: 'd1' }]);
    expect(r.merged.decisions).toEqual([{ id: 'd1', item: 1, text: 'X, reworded.' }]);
  });

  it('property: minutes.md written from meeting.yaml always agrees with it', () => {
    const entry = fc.record({ item: fc.integer({ min: 1, max: 4 }), text: fc.stringMatching(/^[A-Z][a-z ]{2,20}[a-z]\.$/) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.array(entry, { maxLength: 6 }), (ds, as) => {
        const m = meeting({
          agenda: [1, 2, 3, 4].map((n) => ({ title: `I${n}` })),
          decisions: ds.map((d, i) => ({ id: `d${i + 1}`, ...d })),
          actions: as.map((a, i) => ({ id: `a${i + 1}`, owner: 'la-morgan', ...a, text: a.text.slice(0, -1) })),
        });
        const lines: string[] = [];
        for (let n = 1; n <= 4; n++) {
          lines.push(`## ${n}. I${n}`);
          for (const d of m.decisions!.filter((x) => x.item === n)) lines.push(`DECISION: ${d.text}`);
          for (const a of m.actions!.filter((x) => x.item === n)) lines.push(`ACTION: ${a.text} — owner: ${a.owner}`);
        }
        const r = reconcileMinutes(m, parseMinutes(lines.join('\n')));
        expect(r.differences).toEqual([]);
        expect(r.merged.decisions?.map((d) => d.id)).toEqual(m.decisions!.map((d) => d.id));
        expect(r.merged.actions?.map((a) => a.id)).toEqual(m.actions!.map((a) => a.id));
      }),
    );
  });

  it('property: every parsed line is in the register exactly once, and every meeting.yaml entry is kept', () => {
    const entry = fc.record({ item: fc.integer({ min: 1, max: 3 }), text: fc.constantFrom('Alpha.', 'Beta.', 'Gamma delta.', 'Alpha beta.') });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.array(entry, { maxLength: 5 }), (inYaml, inMinutes) => {
        const m = meeting({ decisions: inYaml.map((d, i) => ({ id: `d${i + 1}`, ...d })), actions: [] });
        const lines = [1, 2, 3].flatMap((n) => [`## ${n}. I`, ...inMinutes.filter((d) => d.item === n).map((d) => `DECISION: ${d.text}`)]);
        const r = reconcileMinutes(m, parseMinutes(lines.join('\n')));
        const ids = r.merged.decisions!.map((d) => d.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(r.merged.decisions!.length).toBe(Math.max(inYaml.length, 0) + r.pending.decisions.length);
        expect(r.differences.filter((d) => d.kind === 'missing').length + inMinutes.length).toBe(inYaml.length + r.pending.decisions.length);
      }),
    );
  });
});

describe('isCirculated', () => {
  it('once circulated (or later), not before', () => {
    expect(isCirculated({})).toBe(false);
    expect(isCirculated({ minutes: { status: 'draft' } })).toBe(false);
    expect(isCirculated({ minutes: { status: 'draft', circulated: '2026-10-12' } })).toBe(true);
    expect(isCirculated({ minutes: { status: 'approved' } })).toBe(true);
  });
});
