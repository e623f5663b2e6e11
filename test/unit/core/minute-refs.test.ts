import { describe, expect, it } from 'vitest';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { minuteRefs, schoolYear, unknownRefFields } from '../../../src/core/minute-refs.js';

const m = (date: string, items: number, over: Partial<MeetingFile> = {}): { id: string; meeting: MeetingFile } => ({
  id: `${date}-${over.body ?? 'partnership'}`,
  meeting: { body: 'partnership', date, start: '16:00', agenda: Array.from({ length: items }, (_, i) => ({ title: `I${i + 1}` })), ...over },
});

describe('minute references', () => {
  const all = [m('2026-07-09', 3), m('2026-10-08', 9), m('2026-11-05', 2, { cancelled: { reason: 'snow' } }), m('2026-12-10', 5), m('2026-12-10', 4, { body: 'operational-group' })];
  it('{short}/{yyyy}/{mm}/{item}: WEP/2026/12/6', () => {
    expect(minuteRefs('{short}/{yyyy}/{mm}/{item}', 'WEP', all)('2026-12-10-partnership', 4)).toBe('WEP/2026/12/4');
  });
  it('{n}/{ay}: numbered across the school year per body, cancelled meetings not counted', () => {
    const ref = minuteRefs('{n}/{ay}', 'WEP', all);
    expect(ref('2026-07-09-partnership', 3)).toBe('3/2025-26');
    expect(ref('2026-10-08-partnership', 1)).toBe('1/2026-27');
    expect(ref('2026-12-10-partnership', 2)).toBe('11/2026-27');
    expect(ref('2026-12-10-operational-group', 2)).toBe('2/2026-27');
    expect(ref('2026-11-05-partnership', 1)).toBeUndefined();
  });
  it('no scheme, no references; unknown fields are named and left as written', () => {
    expect(minuteRefs(undefined, 'WEP', all)('2026-12-10-partnership', 1)).toBeUndefined();
    expect(unknownRefFields('{short}/{month}/{n}')).toEqual(['month']);
    expect(minuteRefs('{short}-{month}', 'WEP', all)('2026-12-10-partnership', 1)).toBe('WEP-{month}');
  });
  it('the school year starts on 1 September', () => {
    expect(schoolYear('2026-08-31')).toBe('2025-26');
    expect(schoolYear('2026-09-01')).toBe('2026-27');
    expect(schoolYear('2099-12-01')).toBe('2099-00');
  });
});
