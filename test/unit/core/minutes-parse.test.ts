import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMinutes, pendingEntries } from '../../../src/core/minutes-parse.js';

const doc = (...lines: string[]) => lines.join('\n');

describe('parseMinutes: the ACTION / DECISION convention', () => {
  it('reads decisions and actions under numbered item headings', () => {
    const r = parseMinutes(
      doc(
        '# Minutes',
        '## 5. Budget 2027-28',
        'Discussion.',
        'DECISION: The Partnership approved the budget.',
        'ACTION: Circulate the revised budget — owner: la-morgan, due: 2027-01-15',
        '## 6. Any other business',
        '- ACTION: Book the venue (owner: op-baker)',
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.decisions).toEqual([{ text: 'The Partnership approved the budget.', item: 5, line: 4, col: 1 }]);
    expect(r.actions.map(({ text, owner, due, item, line }) => ({ text, owner, due, item, line }))).toEqual([
      { text: 'Circulate the revised budget', owner: 'la-morgan', due: '2027-01-15', item: 5, line: 5 },
      { text: 'Book the venue', owner: 'op-baker', due: undefined, item: 6, line: 7 },
    ]);
  });

  it('accepts due before owner, ASCII dashes, bold keywords and "Item N:" headings', () => {
    const r = parseMinutes(doc('### Item 3: Data', '**ACTION:** Send the data - due: 2027-02-01, owner: la-lewis', '**DECISION**: Noted.'));
    expect(r.problems).toEqual([]);
    expect(r.actions[0]).toMatchObject({ text: 'Send the data', owner: 'la-lewis', due: '2027-02-01', item: 3 });
    expect(r.decisions[0]).toMatchObject({ text: 'Noted.', item: 3 });
  });

  it('points at the owner id, so wep check can underline it', () => {
    const line = 'ACTION: Do it — owner: la-morgen, due: 2027-01-15';
    const r = parseMinutes(doc('## 1. X', line));
    expect(line.slice(r.actions[0]!.ownerCol! - 1, r.actions[0]!.ownerCol! - 1 + 9)).toBe('la-morgen');
  });

  it('skips HTML comments (the template explains the convention in one) and fenced code', () => {
    const r = parseMinutes(
      doc('<!--', 'ACTION: example — owner: x, due: 2027-01-01', '-->', '## 1. A', '<!-- DECISION: -->', '```', 'DECISION: in code', '```', 'DECISION: real <!-- note -->'),
    );
    expect(r.actions).toEqual([]);
    expect(r.decisions.map((d) => d.text)).toEqual(['real']);
    expect(r.problems).toEqual([]);
  });

  it('reports lines it cannot read, with line and column', () => {
    const r = parseMinutes(
      doc('DECISION: before any heading', '## 2. B', 'ACTION: no owner here', 'ACTION: bad date — owner: la-lewis, due: 2027-02-30', 'ACTION: x — owner: Owen Morgan', 'DECISION:', 'ACTION: y — owner: la-lewis, colour: red'),
    );
    const msgs = r.problems.map((p) => `${p.line}:${p.col} ${p.message}`);
    expect(msgs).toEqual([
      '1:1 DECISION before any numbered item heading, so wep cannot tell which item it belongs to',
      '3:1 ACTION with no owner',
      '4:37 "2027-02-30" is not a real date: February 2027 has 28 days (the due date)',
      '5:13 "Owen Morgan" is not a person id',
      '6:1 DECISION with no text',
      '7:30 "colour: red" is not understood here',
    ]);
    for (const p of r.problems) expect(p.hint).toBeTruthy();
  });

  it('never throws, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('## 1. A', 'ACTION: a — owner: b', 'DECISION: c', '<!--', '-->', '```', 'ACTION: — owner:, due:')), { maxLength: 30 }), (lines) => {
        const r = parseMinutes(lines.join('\n'));
        for (const p of r.problems) expect(p.line).toBeGreaterThan(0);
        for (const a of r.actions) expect(a.text.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('pendingEntries', () => {
  const parsed = parseMinutes(doc('## 4. X', 'DECISION: Agreed the plan.', 'DECISION: Noted the report.', 'ACTION: Send it — owner: la-lewis', 'ACTION: Ownerless', 'ACTION: Book room — owner: op-baker, due: 2027-01-10'));

  it('numbers new entries after the ids meeting.yaml uses and skips what it already holds', () => {
    const p = pendingEntries(
      { actions: [{ id: 'a3', text: 'send  it', owner: 'la-lewis' }], decisions: [{ id: 'd1', item: 4, text: 'agreed the plan' }] },
      parsed,
    );
    expect(p.actions.map((a) => [a.id, a.text, a.owner, a.due, a.item])).toEqual([['a4', 'Book room', 'op-baker', '2027-01-10', 4]]);
    expect(p.decisions.map((d) => [d.id, d.text, d.item])).toEqual([['d2', 'Noted the report.', 4]]);
  });

  it('starts at a1 and d1 for an empty meeting', () => {
    const p = pendingEntries({}, parsed);
    expect(p.actions.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(p.decisions.map((d) => d.id)).toEqual(['d1', 'd2']);
  });
});

describe('parseMinutes: recorded votes on DECISION lines', () => {
  it('reads (for: N, against: N, abstentions: N) and (N for, N against) and takes them off the text', () => {
    const r = parseMinutes(doc('## 5. Budget', 'DECISION: The budget is approved. (for: 9, against: 1, abstentions: 2)', 'DECISION: The fee is set (6 for, 3 against).', 'DECISION: Noted (for the record).'));
    expect(r.problems).toEqual([]);
    expect(r.decisions.map(({ text, votes }) => ({ text, votes }))).toEqual([
      { text: 'The budget is approved.', votes: { for: 9, against: 1, abstentions: 2 } },
      { text: 'The fee is set', votes: { for: 6, against: 3 } },
      { text: 'Noted (for the record).', votes: undefined },
    ]);
  });

  it('points at a part that is not a count, and at a vote with no votes against', () => {
    const line = 'DECISION: Approved. (for: 9, against: many)';
    const r = parseMinutes(doc('## 1. X', line, 'DECISION: Agreed. (for: 9)'));
    expect(r.problems.map((p) => ({ line: p.line, at: (p.line === 2 ? line : '').slice(p.col - 1, p.col - 1 + p.len), message: p.message }))).toEqual([
      { line: 2, at: 'against: many', message: '"against: many" is not a vote count' },
      { line: 3, at: '', message: 'a recorded vote needs the votes for and against' },
    ]);
    expect(r.decisions.map((d) => d.votes)).toEqual([undefined, undefined]);
  });
});
