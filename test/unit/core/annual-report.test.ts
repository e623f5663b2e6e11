import { describe, expect, it } from 'vitest';
import { parseSchoolYear } from '../../../src/core/annual-report.js';

describe('parseSchoolYear', () => {
  it('2026-27 is 1 September 2026 to 31 August 2027; anything else says why', () => {
    expect(parseSchoolYear('2026-27')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(parseSchoolYear('2099-00')).toEqual({ from: '2099-09-01', to: '2100-08-31' });
    expect(parseSchoolYear('2026')).toEqual({ problem: '"2026" is not a school year' });
    expect(parseSchoolYear('2026-2027')).toEqual({ problem: '"2026-2027" is not a school year' });
    expect(parseSchoolYear('2026-26')).toEqual({ problem: '"2026-26" is not a school year: 2026 is followed by 27' });
  });
});
