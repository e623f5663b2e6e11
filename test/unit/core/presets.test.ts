import { describe, expect, it } from 'vitest';
import { WepError } from '../../../src/core/errors.js';
import {
  describeQuorumRule,
  isPresetName,
  normaliseFraction,
  PRESETS,
  slugify,
  summariseAnswers,
  uniqueId,
  verifyPresetName,
  whyNotCount,
  whyNotDays,
  whyNotEmail,
  whyNotFraction,
  whyNotName,
  whyNotNation,
  whyNotSeats,
  whyNotShort,
} from '../../../src/core/presets.js';

describe('preset names', () => {
  it('knows the six presets', () => {
    expect(PRESETS.map((p) => p.name)).toEqual(['wokingham', 'portsmouth', 'central-bedfordshire', 'thurrock', 'peterborough', 'school-governing-body']);
    expect(isPresetName('thurrock')).toBe(true);
    expect(isPresetName('Thurrock')).toBe(false);
  });

  it('refuses an unknown preset with a did-you-mean and the list', () => {
    try {
      verifyPresetName('portsmuth');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WepError);
      expect((e as WepError).message).toBe('no preset "portsmuth"');
      expect((e as WepError).hint).toMatch(/did you mean "portsmouth"\?; the presets are: wokingham, portsmouth/);
      expect((e as WepError).exitCode).toBe(2);
    }
  });
});

describe('answer checks', () => {
  it('names and short names', () => {
    expect(whyNotName('Oakfield GB')).toBeUndefined();
    expect(whyNotName('   ')).toBe('a name is needed');
    expect(whyNotName('x'.repeat(121))).toMatch(/under 120/);
    expect(whyNotShort('WEP')).toBeUndefined();
    expect(whyNotShort('')).toMatch(/needed/);
    expect(whyNotShort('A very long short name indeed')).toMatch(/at most 20/);
  });

  it('email addresses', () => {
    expect(whyNotEmail('clerk@example.org')).toBeUndefined();
    expect(whyNotEmail('clerk at example.org')).toMatch(/is not an email address/);
    expect(whyNotEmail('')).toMatch(/needed/);
  });

  it('nations', () => {
    expect(whyNotNation('scotland')).toBeUndefined();
    expect(whyNotNation('wales')).toMatch(/england-and-wales, scotland, northern-ireland/);
  });

  it('seats: whole numbers, not fewer than the people who hold one', () => {
    expect(whyNotSeats('3')).toBeUndefined();
    expect(whyNotSeats('0')).toBeUndefined();
    expect(whyNotSeats('two')).toMatch(/whole number/);
    expect(whyNotSeats('-1')).toMatch(/whole number/);
    expect(whyNotSeats('2', 4)).toMatch(/4 people in this group, so at least 4 seats/);
    expect(whyNotSeats('0', 1)).toMatch(/1 person in this group, so at least 1 seat:/);
  });

  it('days, counts and fractions', () => {
    expect(whyNotDays('7')).toBeUndefined();
    expect(whyNotDays('0', 1)).toBe('at least 1 day');
    expect(whyNotDays('400')).toMatch(/365/);
    expect(whyNotDays('7.5')).toMatch(/whole number/);
    expect(whyNotCount('3', 12)).toBeUndefined();
    expect(whyNotCount('13', 12)).toMatch(/at most 12/);
    expect(whyNotCount('0', 12)).toMatch(/at least 1/);
    expect(whyNotFraction('1/2')).toBeUndefined();
    expect(whyNotFraction(' 2 / 5 ')).toBeUndefined();
    expect(normaliseFraction(' 2 / 5 ')).toBe('2/5');
    expect(whyNotFraction('3/2')).toMatch(/between 0 and 1/);
    expect(whyNotFraction('0/3')).toMatch(/between 0 and 1/);
    expect(whyNotFraction('half')).toMatch(/such as 1\/2/);
  });
});

describe('ids for new groups', () => {
  it('slugifies names into ids', () => {
    expect(slugify('Primary Heads (North)')).toBe('primary-heads-north');
    expect(slugify('Église & École')).toBe('eglise-and-ecole');
    expect(slugify('!!!')).toBe('group-new');
  });
  it('never reuses an id', () => {
    expect(uniqueId('diocese', ['diocese', 'diocese-2'])).toBe('diocese-3');
    expect(uniqueId('new', [])).toBe('new');
  });
});

describe('summary', () => {
  it('describes every quorum rule kind', () => {
    expect(describeQuorumRule({ kind: 'count', min: 4 })).toBe('at least 4 voting members');
    expect(describeQuorumRule({ kind: 'fraction', of: 'filled-seats', fraction: '1/2' })).toBe('1/2 of members in post, rounded up');
    expect(describeQuorumRule({ kind: 'fraction', of: 'seats', fraction: '1/3', round: 'down', neverFewerThan: 3 })).toBe('1/3 of all seats, rounded down, never fewer than 3');
    expect(describeQuorumRule({ kind: 'per-group', groups: ['a', 'b'], min: 2 })).toBe('at least 2 from each of a, b');
    expect(describeQuorumRule({ kind: 'required', role: 'chair' })).toBe('the chair present');
  });

  it('lists the answers, falling back to the preset', () => {
    const rows = summariseAnswers(
      { preset: 'wokingham', name: 'Oak EP', notice: { kind: 'clear-days', days: 7 }, minutes: { kind: 'working-days', days: 10 }, seats: { 'primary-heads': 5 }, newGroups: [{ id: 'diocese', name: 'Diocese', seats: 1 }], quorum: [{ kind: 'count', min: 5 }] },
      { name: 'WEP', short: 'WEP', clerkName: 'Jo', clerkEmail: 'jo@example.org', nation: 'england-and-wales', bodyName: 'Board' },
    );
    expect(Object.fromEntries(rows)).toEqual({
      Preset: 'wokingham',
      Partnership: 'Oak EP',
      'Short name': 'WEP',
      Clerk: 'Jo <jo@example.org>',
      'Bank holidays': 'england-and-wales',
      Seats: 'primary-heads 5',
      'New group': 'Diocese [diocese], 1 seat',
      'Notice (Board)': '7 clear days',
      'Minutes (Board)': 'within 10 working days',
      'Quorum (Board)': 'at least 5 voting members',
    });
  });
});
