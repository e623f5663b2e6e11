import { describe, expect, it } from 'vitest';
import { headNameOf, phaseOf, schoolFromGias, schoolIdFor, type GiasRow } from '../../../src/core/gias.js';

const row = (fields: Partial<GiasRow>): GiasRow => ({
  line: 2,
  urn: '100001',
  la: 'Central Bedfordshire',
  name: 'Oak School',
  type: 'Community school',
  status: 'Open',
  phase: 'Primary',
  lowAge: '4',
  highAge: '11',
  religiousCharacter: 'Does not apply',
  trust: '',
  headTitle: 'Mrs',
  headFirstName: 'Anna',
  headLastName: 'Ash',
  ...fields,
});

describe('phaseOf', () => {
  it.each([
    ['Primary', '4', '11', 'Community school', 'Oak Primary', 'primary'],
    ['Primary', '4', '7', 'Community school', 'Oak Infant', 'primary'],
    ['Primary', '7', '11', 'Community school', 'Oak Junior', 'primary'],
    ['Primary', '4', '9', 'Community school', 'Oak Lower School', 'lower'],
    ['Primary', '3', '9', 'Voluntary aided school', 'Our Lady Primary', 'first'],
    ['Primary', '5', '8', 'Community school', 'Oak First School', 'first'],
    ['Middle deemed primary', '8', '12', 'Community school', 'Oak Middle', 'middle'],
    ['Middle deemed secondary', '9', '13', 'Foundation school', 'Oak Middle', 'middle'],
    ['Primary', '9', '13', 'Community school', 'Oak Middle', 'middle'],
    ['Secondary', '13', '18', 'Academy converter', 'Oak Upper', 'upper'],
    ['Secondary', '11', '18', 'Academy converter', 'Oak Academy', 'secondary'],
    ['Secondary', '14', '19', 'University technical college', 'Oak UTC', 'secondary'],
    ['All-through', '4', '18', 'Academy converter', 'Oak', 'all-through'],
    ['Nursery', '2', '5', 'Local authority nursery school', 'Oak Nursery', 'nursery'],
    ['16 plus', '16', '19', 'Academy 16-19 converter', 'Oak Sixth Form', 'post-16'],
    ['Not applicable', '16', '19', 'Academy 16 to 19 sponsor led', 'Oak Sixth Form', 'post-16'],
    ['Not applicable', '2', '19', 'Community special school', 'Oak Special', 'special'],
    ['Not applicable', '5', '16', 'Academy special converter', 'Oak Special', 'special'],
    ['Not applicable', '5', '16', 'Pupil referral unit', 'Oak Centre', 'pupil-referral-unit'],
    ['Not applicable', '5', '16', 'Academy alternative provision converter', 'Oak AP', 'pupil-referral-unit'],
    ['Not applicable', '3', '11', 'Community school', 'Oak', undefined],
  ])('%s %s-%s %s "%s" -> %s', (phase, lowAge, highAge, type, name, expected) => {
    expect(phaseOf({ phase, lowAge, highAge, type, name })).toBe(expected);
  });
});

describe('schoolFromGias', () => {
  it('maps a row to the register: governance type, phase, status, religious character, trust, head', () => {
    expect(schoolFromGias(row({ type: 'Academy converter', religiousCharacter: 'Church of England', trust: 'Diocese of St Albans, Academy Trust', headTitle: 'Revd', headFirstName: 'Zoë', headLastName: 'Brontë' }))).toEqual({
      school: { urn: '100001', name: 'Oak School', phase: 'primary', type: 'academy', status: 'open', religiousCharacter: 'Church of England', trust: 'Diocese of St Albans, Academy Trust', headName: 'Revd Zoë Brontë' },
    });
  });

  it.each([
    ['Community school', 'community'],
    ['Voluntary aided school', 'voluntary-aided'],
    ['Voluntary controlled school', 'voluntary-controlled'],
    ['Foundation school', 'foundation'],
    ['Academy sponsor led', 'academy'],
    ['Academy converter', 'academy'],
    ['Free schools', 'free-school'],
    ['City technology college', 'academy'],
    ['Community special school', 'special'],
    ['Pupil referral unit', 'pupil-referral-unit'],
  ])('governance type of "%s" is %s', (type, expected) => {
    const r = schoolFromGias(row({ type }));
    expect('school' in r && r.school.type).toBe(expected);
  });

  it('closed schools are read as closed; "Open, but proposed to close" is open', () => {
    expect(schoolFromGias(row({ status: 'Closed' }))).toMatchObject({ school: { status: 'closed' } });
    expect(schoolFromGias(row({ status: 'Open, but proposed to close' }))).toMatchObject({ school: { status: 'open' } });
  });

  it('leaves out what is not a school wep tracks, and says why', () => {
    expect(schoolFromGias(row({ type: 'Other independent school' }))).toEqual({ skip: 'Other independent school' });
    expect(schoolFromGias(row({ type: 'Further education' }))).toEqual({ skip: 'Further education' });
    expect(schoolFromGias(row({ status: 'Proposed to open' }))).toEqual({ skip: 'proposed to open' });
    expect(schoolFromGias(row({ phase: 'Not applicable' }))).toEqual({ skip: 'Community school with phase "Not applicable"' });
  });

  it('a bad URN or a missing name is a problem in that column', () => {
    expect(schoolFromGias(row({ urn: 'ABC' }))).toMatchObject({ problem: { column: 'urn', message: '"ABC" is not a URN' } });
    expect(schoolFromGias(row({ urn: '' }))).toMatchObject({ problem: { column: 'urn', message: 'the URN is empty' } });
    expect(schoolFromGias(row({ name: ' ' }))).toMatchObject({ problem: { column: 'name', message: 'URN 100001 has no EstablishmentName' } });
  });

  it('"None" and "Does not apply" are no religious character; an empty trust is none', () => {
    for (const rc of ['None', 'Does not apply', '']) {
      const r = schoolFromGias(row({ religiousCharacter: rc }));
      expect('school' in r && 'religiousCharacter' in r.school).toBe(false);
    }
    const r = schoolFromGias(row({}));
    expect('school' in r && 'trust' in r.school).toBe(false);
  });
});

describe('headNameOf and schoolIdFor', () => {
  it('joins title and names, leaving out "Not applicable"', () => {
    expect(headNameOf({ headTitle: 'Not applicable', headFirstName: 'Jo', headLastName: 'Bloggs' })).toBe('Jo Bloggs');
    expect(headNameOf({ headTitle: 'Mr', headFirstName: '', headLastName: '' })).toBeUndefined();
  });

  it('makes ids from names, unique, without accents or apostrophes', () => {
    expect(schoolIdFor('St Mary\u2019s Church of England Academy', '109004', new Set())).toBe('st-marys-church-of-england-academy');
    expect(schoolIdFor('Chênefield Lower School', '109005', new Set())).toBe('chenefield-lower-school');
    expect(schoolIdFor('Oak School', '1', new Set(['oak-school']))).toBe('oak-school-1');
    expect(schoolIdFor('Oak School', '1', new Set(['oak-school', 'oak-school-1']))).toBe('oak-school-2');
    expect(schoolIdFor('!!!', '123456', new Set())).toBe('school-123456');
  });
});
