import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { membership } from '../../../src/core/membership.js';
import { buildModel } from '../../../src/core/model.js';
import { partnershipSchema } from '../../../src/core/partnership-schema.js';
import { examplePartnership } from '../../helpers/example-model.js';

const FILE = examplePartnership();
const m = buildModel(FILE);

describe('membership', () => {
  it('the whole partnership: every group in file order, then people in no group; proxies beside their member', () => {
    const r = membership(m, '2026-11-22');
    expect(r.body).toBeUndefined();
    expect(r.groups.map((g) => [g.id, g.seats, g.filled, g.vacant, g.rows.length])).toEqual([
      ['primary-heads', 4, 4, 0, 4],
      ['secondary-heads', 3, 3, 0, 3],
      ['special-schools', 1, 1, 0, 1],
      ['foundry', 1, 1, 0, 1],
      ['schools-forum', 3, 3, 0, 3],
      ['mat-executive-heads', 1, 0, 1, 0],
      ['local-authority', 2, 2, 0, 2],
      ['independent', 1, 1, 0, 1],
      [null, null, 3, 0, 3],
    ]);
    const ahmed = r.groups[0]!.rows[0]!;
    expect(ahmed.person.id).toBe('ph-ahmed');
    expect(ahmed.proxy?.id).toBe('px-ahmed');
    expect(ahmed.term).toBe('current');
    expect(r.groups[0]!.rows.find((x) => x.person.id === 'ph-davies')!.term).toBe('ending-soon');
    expect(r.groups.flatMap((g) => g.rows).some((x) => x.person.role === 'proxy')).toBe(false);
  });

  it('one body: only its members; groups it names, then the rest', () => {
    const r = membership(m, '2026-11-22', m.bodies.get('operational-group'));
    expect(r.body?.id).toBe('operational-group');
    // la-morgan sits on the Operational Group through an appointment to it, not for the council
    expect(r.groups.map((g) => [g.id, g.rows.map((x) => x.person.id)])).toEqual([[null, ['la-morgan', 'op-baker', 'op-cole', 'op-dunn']]]);
    expect(r.groups[0]!.rows[0]).toMatchObject({ role: 'chair', voting: true });
  });

  it('terms change with today', () => {
    const later = membership(m, '2027-01-15');
    expect(later.groups[0]!.rows.find((x) => x.person.id === 'ph-davies')!.term).toBe('expired');
  });
});
