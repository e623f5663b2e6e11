import { describe, expect, it } from 'vitest';
import { actionsCarriedForward, collectActions, travellingActionText } from '../../../src/core/actions.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';

const meeting: MeetingFile = {
  body: 'board',
  date: '2026-10-01',
  start: '16:00',
  agenda: [{ title: 'Open' }, { title: 'Staffing', confidential: true }],
  actions: [
    { id: 'a1', text: 'Publish the plan', owner: 'x', item: 1 },
    { id: 'a2', text: 'Negotiate the settlement', owner: 'x', item: 2, due: '2026-11-01' },
    { id: 'a3', text: 'Loose', owner: 'x' },
    { id: 'a4', text: 'Item out of range', owner: 'x', item: 9 },
  ],
};

describe('confidential actions travel without their text', () => {
  const all = collectActions([{ id: '2026-10-01-board', meeting }], '2026-12-01');
  it('marks an action confidential when its item is', () => {
    expect(all.map((a) => [a.id, a.confidential])).toEqual([
      ['a1', false],
      ['a2', true],
      ['a3', false],
      ['a4', false],
    ]);
  });
  it('carried forward, it keeps its reference, owner and due date, not its text', () => {
    const carried = actionsCarriedForward(all, 'board', '2026-12-10');
    const a2 = carried.find((a) => a.id === 'a2')!;
    expect(a2).toMatchObject({ ref: '2026-10-01-board/a2', owner: 'x', due: '2026-11-01', confidential: true });
    expect(travellingActionText(a2)).toBe('Confidential action (item 2 of its meeting): see the confidential minutes');
    expect(travellingActionText(carried.find((a) => a.id === 'a1')!)).toBe('Publish the plan');
  });
});
