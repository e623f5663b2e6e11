/** `wep members` end to end on the bundled example. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

let dir: string;
beforeAll(() => {
  dir = tempRepo({ git: false });
});
afterAll(() => removeRepo(dir));

interface PersonJson {
  id: string;
  name: string;
  email: string | null;
  group: string | null;
  role: string;
  voting: boolean;
  proxy: string | null;
  proxyFor: string | null;
}

describe('wep members', () => {
  it('lists who sits where, group by group, with seats, vacancies, roles, votes, proxies and terms', () => {
    const r = wep(['members'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Wokingham Primary Heads Partnership [primary-heads]  4 of 4 seats filled');
    expect(r.stdout).toMatch(/^ {2}Samina Ahmed +ph-ahmed +member, votes +proxy: Ruth Patel \(px-ahmed\) +term to 2027-08-31$/m);
    // a term ending within 60 days of today (2026-11-22) is flagged
    expect(r.stdout).toMatch(/^ {2}Rhian Davies +ph-davies .* term ends 2026-12-31$/m);
    expect(r.stdout).toContain('Multi-Academy Trust Executive Heads [mat-executive-heads]  0 of 1 seat filled, 1 vacant\n  (vacant seat)\n');
    expect(r.stdout).toMatch(/^ {2}Claire Lewis +la-lewis +officer, no vote$/m);
    expect(r.stdout).toMatch(/^ {2}Dr Grace Okafor +chair-okafor +chair, votes +term to 2027-08-31$/m);
    expect(r.stdout).toContain('Not in a partner group\n');
    // proxies appear beside their member, not as members
    expect(r.stdout).not.toMatch(/^ {2}Ruth Patel/m);
  });

  it('shows an expired term', () => {
    const r = wep(['members'], { cwd: dir, today: '2027-01-15' });
    expect(r.stdout).toMatch(/^ {2}Rhian Davies +ph-davies .* term ended 2026-12-31$/m);
  });

  it('--json: an array of people with id, name, email, group, role, voting, proxy, proxyFor', () => {
    const r = wep(['members', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, command: 'members', date: '2026-11-22', body: null });
    const people = doc.members as PersonJson[];
    expect(people).toHaveLength(30);
    for (const p of people) {
      for (const k of ['id', 'name', 'email', 'group', 'role', 'voting', 'proxy', 'proxyFor'] as const) expect(p, `${p.id}.${k}`).toHaveProperty(k);
      expect(typeof p.voting).toBe('boolean');
    }
    const by = Object.fromEntries(people.map((p) => [p.id, p]));
    expect(by['ph-ahmed']).toMatchObject({ name: 'Samina Ahmed', email: 's.ahmed@oakwood-primary.example.org', group: 'primary-heads', role: 'member', voting: true, proxy: 'px-ahmed', proxyFor: null });
    expect(by['px-ahmed']).toMatchObject({ name: 'Ruth Patel', group: null, role: 'proxy', voting: false, proxy: null, proxyFor: 'ph-ahmed' });
    expect(by['la-lewis']).toMatchObject({ group: 'local-authority', role: 'officer', voting: false, proxy: null, proxyFor: null });
    expect(by['chair-okafor']).toMatchObject({ group: 'independent', role: 'chair', voting: true });
    expect(by['op-baker']).toMatchObject({ group: null, role: 'member', voting: true });
    // every core member's proxy is in the list
    for (const p of people.filter((x) => x.proxy)) expect(by[p.proxy!]?.proxyFor).toBe(p.id);
  });

  it('--body: only the members of that body', () => {
    const r = wep(['members', '--body', 'operational-group'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Operational Group (4 members, 3 seats)');
    expect(r.stdout).toMatch(/Owen Morgan +la-morgan +officer, no vote/);
    expect(r.stdout).not.toContain('Samina Ahmed');
    const json = JSON.parse(wep(['members', '--body', 'operational-group', '--json'], { cwd: dir }).stdout).members as PersonJson[];
    expect(json.map((p) => p.id).sort()).toEqual(['la-morgan', 'op-baker', 'op-cole', 'op-dunn']);
  });

  it('an unknown body: exit 2 with a did-you-mean', () => {
    const r = wep(['members', '--body', 'operational-grup'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wep: error: no body "operational-grup" in the partnership file\n  fix: did you mean "operational-group"?\n');
    expect(wep(['members', '--body', 'xyz'], { cwd: dir }).stderr).toBe('wep: error: no body "xyz" in the partnership file\n  fix: known bodies: partnership, operational-group\n');
  });

  it('an invalid file: the diagnostics, exit 2, no stack', () => {
    const bad = tempRepo({ git: false });
    try {
      write(bad, 'partnership.yaml', read(bad, 'partnership.yaml').replace('proxy: px-brown', 'proxy: px-browne'));
      const r = wep(['members'], { cwd: bad });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^partnership\.yaml:\d+:12: error: unknown person "px-browne"\n/);
      expect(r.stderr).toContain('fix: did you mean "px-brown"?');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    } finally {
      removeRepo(bad);
    }
  });
});
