import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPartialPartnership, checkPartnership, PARTNERSHIP_RULES } from '../../../src/core/partnership-rules.js';
import { partnershipSchema, type PartnershipFile } from '../../../src/core/partnership-schema.js';
import { parseYaml } from '../../../src/io/yaml-source.js';

const load = (rel: string): PartnershipFile => {
  const parsed = parseYaml(readFileSync(fileURLToPath(new URL(`../../../${rel}`, import.meta.url)), 'utf8'), rel, partnershipSchema);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return parsed.value!;
};
const BASE = load('test/fixtures/errors/valid.yaml');
const EXAMPLE = load('partnership.yaml');
const TODAY = '2026-11-22';
const base = () => structuredClone(BASE);
const errors = (f: PartnershipFile, today = TODAY) => checkPartnership(f, today).filter((p) => (p.severity ?? 'error') === 'error');
const warnings = (f: PartnershipFile, today = TODAY) => checkPartnership(f, today).filter((p) => p.severity === 'warning');

describe('partnership rules', () => {
  it('the base fixture and the bundled example have no errors', () => {
    expect(checkPartnership(BASE, TODAY)).toEqual([]);
    expect(errors(EXAMPLE)).toEqual([]);
    expect(warnings(EXAMPLE).map((w) => w.message)).toEqual([
      "Rhian Davies's term of office ends on 2026-12-31, within 60 days",
      'Multi-Academy Trust Executive Heads: 1 of 1 seat vacant',
    ]);
    expect(Object.keys(PARTNERSHIP_RULES)).toEqual(['references', 'proxies', 'seats', 'terms', 'quorumRules', 'vacancies', 'emptyBodies', 'schoolYear']);
  });

  it('duplicate ids in each section', () => {
    const f = base();
    f.people[2]!.id = 'ph-brown';
    f.groups.push({ ...f.groups[0]! });
    f.groups[2]!.seats = 0;
    expect(errors(f).filter((p) => p.message.startsWith('duplicate'))).toEqual([
      { path: 'groups.2.id', message: 'duplicate id "primary-heads" in groups (first used at entry 1)', hint: 'every id must be unique: rename one of them' },
      { path: 'people.2.id', message: 'duplicate id "ph-brown" in people (first used at entry 2)', hint: 'every id must be unique: rename one of them' },
    ]);
  });

  it('unknown references everywhere, with did-you-mean', () => {
    const f = base();
    f.people[0]!.group = 'primary-head';
    f.people[1]!.school = 'oakwood';
    f.bodies[0]!.chair = 'ph-ahmd';
    f.bodies[0]!.accountableTo = 'board';
    f.bodies[0]!.members.push({ people: ['sh-clark'] }, { bodies: ['partnershp'] }, { schools: { cluster: ['north'] } });
    f.bodies[0]!.quorum!.push({ kind: 'per-group', groups: ['secondary-head'], min: 1 }, { kind: 'required', person: 'nobody-at-all' });
    f.lists = [{ id: 'l', name: 'L', include: [{ groups: ['primary-heads'] }], exclude: [{ people: ['px-ahmd'] }] }];
    expect(errors(f).map((p) => [p.path, p.message, p.hint])).toEqual([
      ['people.0.group', 'unknown group "primary-head"', 'did you mean "primary-heads"?'],
      ['people.1.school', 'unknown school "oakwood"', 'there are no schools in the file yet'],
      ['bodies.0.members.1.people.0', 'unknown person "sh-clark"', 'did you mean "sh-clarke"?'],
      ['bodies.0.members.2.bodies.0', 'unknown body "partnershp"', 'did you mean "partnership"?'],
      ['bodies.0.members.3.schools.cluster.0', 'unknown cluster "north"', 'there are no clusters in the file yet'],
      ['bodies.0.accountable-to', 'unknown body "board"', 'known bodies: partnership'],
      ['bodies.0.chair', 'unknown person "ph-ahmd"', 'did you mean "ph-ahmed"?'],
      ['bodies.0.quorum.1.groups.0', 'unknown group "secondary-head"', 'did you mean "secondary-heads"?'],
      ['bodies.0.quorum.2.person', 'unknown person "nobody-at-all"', 'known people: ph-ahmed, ph-brown, sh-clarke, px-ahmed'],
      ['lists.0.exclude.0.people.0', 'unknown person "px-ahmd"', 'did you mean "px-ahmed"?'],
    ]);
  });

  describe('proxies', () => {
    it('a member who is their own proxy', () => {
      const f = base();
      f.people[0]!.proxy = 'ph-ahmed';
      expect(errors(f)).toEqual([{ path: 'people.0.proxy', message: 'Samina Ahmed is named as their own proxy', hint: 'a proxy must be another person: name them, or remove "proxy:"' }]);
    });

    it('a proxy chain', () => {
      const f = base();
      f.people[3]!.proxy = 'px-other';
      f.people.push({ id: 'px-other', name: 'Sam Quinn', role: 'proxy' });
      expect(errors(f).map((p) => [p.path, p.message])).toEqual([['people.0.proxy', "proxy chain: Samina Ahmed's proxy Ruth Patel has a proxy of their own (px-other)"]]);
    });

    it('a proxy who holds a seat would be counted twice', () => {
      const f = base();
      f.people[0]!.proxy = 'ph-brown';
      expect(errors(f).map((p) => p.message)).toEqual(["Samina Ahmed's proxy Peter Brown is a member in their own right and would be counted twice"]);
    });

    it('one proxy for two members: refused unless the body allows it', () => {
      const f = base();
      f.people[1]!.proxy = 'px-ahmed';
      expect(errors(f)).toEqual([
        { path: 'people.1.proxy', message: 'Ruth Patel is proxy for 2 members (ph-ahmed, ph-brown); a proxy may stand for 1', hint: 'give each member their own proxy, or raise the body\'s "proxies: max-per-proxy:"' },
      ]);
      f.bodies[0]!.proxies = { maxPerProxy: 2 };
      expect(errors(f)).toEqual([]);
    });
  });

  it('more people in seats than the group has', () => {
    const f = base();
    f.people.push({ id: 'sh-evans', name: 'Megan Evans', group: 'secondary-heads' });
    expect(errors(f)).toEqual([{ path: 'groups.1.seats', message: 'Secondary Heads has 1 seat but 2 people hold one (sh-clarke, sh-evans)', hint: 'raise "seats:", or mark the extra people as proxies or observers' }]);
    // observers and proxies in the group do not take seats
    f.people[4]!.role = 'observer';
    expect(errors(f)).toEqual([]);
  });

  it('terms: an impossible term is an error; expired and ending-soon terms are warnings', () => {
    const f = base();
    f.people[0]!.term = { start: '2026-09-01', end: '2025-08-31' };
    f.people[1]!.term = { start: '2024-09-01', end: '2026-11-01' };
    f.people[2]!.term = { start: '2024-09-01', end: '2027-01-21' };
    expect(checkPartnership(f, TODAY)).toEqual([
      { path: 'people.0.term.end', message: 'term of office ends (2025-08-31) before it starts (2026-09-01)', hint: 'check the two dates' },
      { severity: 'warning', path: 'people.1.term.end', message: "Peter Brown's term of office ended on 2026-11-01", hint: 'renew the term or record the vacancy' },
      { severity: 'warning', path: 'people.2.term.end', message: "Tom Clarke's term of office ends on 2027-01-21, within 60 days", hint: 'arrange the reappointment or election' },
    ]);
    expect(warnings(f, '2026-11-21')).toHaveLength(1); // 61 days before 21 January: not yet
    f.bodies[0]!.lifespan = { start: '2027-01-01', end: '2026-07-01' };
    expect(errors(f).map((p) => p.path)).toContain('bodies.0.lifespan.end');
  });

  describe('quorum rules that can never be met', () => {
    const quorum = (q: NonNullable<PartnershipFile['bodies'][number]['quorum']>[number]) => {
      const f = base();
      f.bodies[0]!.quorum = [q];
      return errors(f);
    };
    it('per group', () => {
      expect(quorum({ kind: 'per-group', groups: ['primary-heads'], min: 3 })).toEqual([
        { path: 'bodies.0.quorum.0.min', message: 'the quorum can never be met: it needs 3 from Primary Heads, which has 2 seats', hint: 'lower "min:" to at most 2, or raise the group\'s seats' },
      ]);
      const f = base();
      f.groups.push({ id: 'foundry', name: 'Foundry', seats: 0 });
      f.bodies[0]!.quorum = [{ kind: 'per-group', groups: ['foundry'], min: 1 }];
      expect(errors(f)[0]).toMatchObject({ path: 'bodies.0.quorum.0.groups.0', message: 'the quorum needs 1 from Foundry, but that group does not sit on Education Partnership' });
    });
    it('a count, a floor, a required role or person', () => {
      expect(quorum({ kind: 'count', min: 4 })[0]).toMatchObject({ path: 'bodies.0.quorum.0.min', message: 'the quorum can never be met: it needs 4 but Education Partnership has 3 seats' });
      expect(quorum({ kind: 'count', min: 3 })).toEqual([]);
      expect(quorum({ kind: 'fraction', of: 'seats', fraction: '1/3', neverFewerThan: 5 })[0]).toMatchObject({ path: 'bodies.0.quorum.0.never-fewer-than' });
      expect(quorum({ kind: 'required', role: 'chair' })[0]).toMatchObject({ path: 'bodies.0.quorum.0.role', message: 'the quorum can never be met: it requires the chair, and nobody on Education Partnership has that role' });
      expect(quorum({ kind: 'required', person: 'px-ahmed' })[0]).toMatchObject({ path: 'bodies.0.quorum.0.person', message: 'the quorum requires px-ahmed, who does not sit on Education Partnership' });
      expect(quorum({ kind: 'required' })[0]).toMatchObject({ message: 'a "required" rule needs "role:" or "person:"' });
      expect(quorum({ kind: 'required', person: 'ph-ahmed' })).toEqual([]);
    });
  });

  it('warns about vacancies and bodies nobody sits on', () => {
    const f = base();
    f.groups[0]!.seats = 3;
    f.bodies.push({ ...structuredClone(f.bodies[0]!), id: 'empty', name: 'Empty Group', members: [{ roles: ['observer'] }], quorum: [] });
    expect(warnings(f).map((w) => [w.path, w.message])).toEqual([
      ['groups.0.seats', 'Primary Heads: 1 of 3 seats vacant'],
      ['bodies.1.members', 'Empty Group has no members: its selectors match nobody'],
    ]);
  });
});

describe('checkPartialPartnership (cross-references beside shape errors)', () => {
  const withBadRefs = () => {
    const f = base();
    f.people[1]!.group = 'primary-head';
    f.people[2]!.group = 'secondary-head';
    return f;
  };

  it('reports every reference problem when no entry was half read', () => {
    expect(checkPartialPartnership(withBadRefs(), [], [], TODAY).filter((p) => p.severity !== 'warning').map((p) => p.path)).toEqual(['people.1.group', 'people.2.group']);
  });

  it('leaves out problems inside an entry that has a shape error of its own', () => {
    expect(checkPartialPartnership(withBadRefs(), ['people.2.email'], [], TODAY).filter((p) => p.severity !== 'warning').map((p) => p.path)).toEqual(['people.1.group']);
  });

  it('says nothing when a list entry could not be read at all (positions after it would be wrong)', () => {
    expect(checkPartialPartnership(withBadRefs(), ['people.0'], ['people.0'], TODAY)).toEqual([]);
  });

  it('says nothing, rather than fail, when a required part is missing', () => {
    const f = base() as Partial<PartnershipFile>;
    delete f.bodies;
    (f as { people: unknown }).people = [{ name: 'no id' }];
    expect(() => checkPartialPartnership(f, ['people.0', 'bodies'], [], TODAY)).not.toThrow();
  });
});
