import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportedSchool } from '../../../src/core/gias.js';
import type { School } from '../../../src/core/partnership-schema.js';
import { baseOf, changesRegister, planImport, type ImportBase } from '../../../src/core/schools-import.js';

const gias = (urn: string, extra: Partial<ImportedSchool> = {}): ImportedSchool => ({ urn, name: `School ${urn}`, phase: 'lower', type: 'community', status: 'open', ...extra });
const entry = (id: string, extra: Partial<School> = {}): School => ({ id, name: `School ${id}`, phase: 'lower', type: 'community', ...extra });

describe('planImport', () => {
  it('adds new open schools with ids from their names, and leaves out closed ones never in the register', () => {
    const plan = planImport([entry('school-1', { urn: '100001', name: 'School 100001' })], [gias('100001'), gias('100002'), gias('100003', { status: 'closed' })], {});
    expect(plan.added).toEqual([{ id: 'school-100002', school: gias('100002') }]);
    expect(plan.closedNotAdded).toEqual([{ urn: '100003', name: 'School 100003' }]);
    expect(Object.keys(plan.base)).toEqual(['100001', '100002']);
    expect(changesRegister(plan)).toBe(true);
  });

  it('on a first import, fills missing fields, and keeps (and reports) fields that differ', () => {
    const plan = planImport([entry('oak', { urn: '100001', name: 'Oak', phase: 'primary' })], [gias('100001', { name: 'Oak', headName: 'Mrs A' })], {});
    expect(plan.updated).toEqual([
      {
        index: 0,
        id: 'oak',
        name: 'Oak',
        urn: '100001',
        changes: [{ field: 'headName', from: undefined, to: 'Mrs A' }],
        linkedByName: false,
        conflicts: [{ field: 'phase', yours: 'primary', gias: 'lower' }],
        kept: [],
        closed: false,
      },
    ]);
  });

  it('links an entry without a URN by its exact name, and adds the URN', () => {
    const plan = planImport([entry('oak', { name: 'Oak Lower School' })], [gias('100001', { name: 'oak lower  school' })], {});
    expect(plan.updated[0]).toMatchObject({ id: 'oak', linkedByName: true, urn: '100001' });
    expect(plan.added).toEqual([]);
    // two entries of one name link neither
    const twice = planImport([entry('a', { name: 'Oak' }), entry('b', { name: 'Oak' })], [gias('100001', { name: 'Oak' })], {});
    expect(twice.added.map((a) => a.id)).toEqual(['oak']);
  });

  it('on a re-import: takes GIAS changes the clerk did not touch, keeps edits GIAS did not touch quietly, and reports both-changed', () => {
    const base: ImportBase = { '100001': baseOf(gias('100001', { name: 'Oak', headName: 'Mr Old', trust: 'T1' })) };
    const register = [entry('oak', { urn: '100001', name: 'Oak (Lower)', headName: 'Mr Old', trust: 'T1' })];
    const plan = planImport(register, [gias('100001', { name: 'Oak', headName: 'Ms New', trust: 'T2' })], base);
    expect(plan.updated[0]!.changes).toEqual([
      { field: 'trust', from: 'T1', to: 'T2' },
      { field: 'headName', from: 'Mr Old', to: 'Ms New' },
    ]);
    expect(plan.updated[0]!.kept).toEqual([{ field: 'name', yours: 'Oak (Lower)', gias: 'Oak', last: 'Oak' }]);
    expect(plan.updated[0]!.conflicts).toEqual([]);
    const both = planImport(register, [gias('100001', { name: 'Oak Academy', headName: 'Mr Old', trust: 'T1' })], base);
    expect(both.updated[0]!.conflicts).toEqual([{ field: 'name', yours: 'Oak (Lower)', gias: 'Oak Academy', last: 'Oak' }]);
    expect(both.updated[0]!.changes).toEqual([]);
  });

  it('marks a school closed in GIAS as closed, and removes a field GIAS no longer gives', () => {
    const base: ImportBase = { '100001': baseOf(gias('100001', { trust: 'T1' })) };
    const plan = planImport([entry('oak', { urn: '100001', name: 'School 100001', trust: 'T1' })], [gias('100001', { status: 'closed' })], base);
    expect(plan.updated[0]!.closed).toBe(true);
    expect(plan.updated[0]!.changes).toEqual([
      { field: 'status', from: 'open', to: 'closed' },
      { field: 'trust', from: 'T1', to: undefined },
    ]);
  });

  it('does not add back a school the clerk removed, and leaves alone entries not in the extract', () => {
    const base: ImportBase = { '100002': baseOf(gias('100002')) };
    const plan = planImport([entry('elm', { urn: '100009' })], [gias('100002')], base);
    expect(plan.added).toEqual([]);
    expect(plan.removed).toEqual([{ urn: '100002', name: 'School 100002' }]);
    expect(plan.notInExtract).toEqual([{ id: 'elm', name: 'School elm', urn: '100009' }]);
    expect(changesRegister(plan)).toBe(false);
  });

  it('a repeated import of the same extract changes nothing', () => {
    const first = planImport([], [gias('100001'), gias('100002', { trust: 'T' })], {});
    const register = first.added.map((a) => entry(a.id, { ...a.school, status: undefined }));
    const again = planImport(register, [gias('100001'), gias('100002', { trust: 'T' })], first.base);
    expect(again).toMatchObject({ added: [], updated: [], unchanged: 2 });
    expect(changesRegister(again)).toBe(false);
  });
});

describe('planImport never overwrites a field the clerk edited (property)', () => {
  const value = fc.constantFrom(undefined, 'A', 'B', 'C');
  it('per field: a change only where the register is empty or still holds what was imported last', () => {
    fc.assert(
      fc.property(value, value, value, fc.boolean(), (yours, last, now, hasBase) => {
        const register = [entry('oak', { urn: '100001', name: 'Oak', ...(yours !== undefined ? { trust: yours } : {}) })];
        const base: ImportBase = hasBase ? { '100001': { name: 'Oak', phase: 'lower', type: 'community', status: 'open', ...(last !== undefined ? { trust: last } : {}) } } : {};
        const plan = planImport(register, [gias('100001', { name: 'Oak', ...(now !== undefined ? { trust: now } : {}) })], base);
        const u = plan.updated[0];
        const change = u?.changes.find((c) => c.field === 'trust');
        const conflict = u?.conflicts.find((c) => c.field === 'trust');
        const kept = u?.kept.find((c) => c.field === 'trust');
        if (yours === now) expect(change ?? conflict ?? kept).toBeUndefined();
        else if (change) expect(yours === undefined || (hasBase && yours === last)).toBe(true);
        else {
          // not changed: the clerk's value stays, and it is said unless GIAS still says what it said last time
          expect(yours).not.toBeUndefined();
          expect(conflict ?? kept).toBeDefined();
          if (kept) expect(hasBase && now === last).toBe(true);
        }
        // whatever happened, the next import starts from what GIAS says now
        expect(plan.base['100001']!.trust).toBe(now);
      }),
    );
  });
});
