/** Every preset shipped with wep is a complete, valid partnership file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/core/diagnostic.js';
import { buildModel, selectPeople } from '../../src/core/model.js';
import { PRESETS } from '../../src/core/presets.js';
import { validatePartnershipSource } from '../../src/io/partnership-file.js';
import { ROOT } from '../helpers/wep.js';

const TODAY = '2026-11-22';
const read = (name: string) => readFileSync(join(ROOT, 'examples', `${name}.yaml`), 'utf8');

async function load(name: string) {
  const { file, diagnostics } = await validatePartnershipSource(read(name), `examples/${name}.yaml`, TODAY);
  return { file, diagnostics, model: file ? buildModel(file) : undefined };
}

describe('presets', () => {
  it.each(PRESETS.map((p) => p.name))('%s validates without errors', async (name) => {
    const { file, diagnostics } = await load(name);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(hasErrors(diagnostics)).toBe(false);
    expect(file).toBeDefined();
  });

  it.each(PRESETS.map((p) => p.name))('%s has only fictional people at example.org, and says so', (name) => {
    const text = read(name);
    expect(text).toMatch(/FICTIONAL/);
    const emails = [...text.matchAll(/email: ([^\s,}]+)/g)].map((m) => m[1]!);
    expect(emails.length).toBeGreaterThan(0);
    for (const e of emails) expect(e).toMatch(/(^|\.|@)example\.org$/);
  });

  it.each(PRESETS.filter((p) => p.name !== 'wokingham').map((p) => p.name))('%s marks unstated rules as assumptions for the clerk', (name) => {
    expect(read(name)).toMatch(/ASSUMPTION/);
  });

  it.each(PRESETS.map((p) => p.name))('%s: every quorum is quoted from its source or marked ASSUMPTION in the comment above it', (name) => {
    const lines = read(name).split('\n');
    const at = lines.flatMap((l, i) => (/^\s+quorum:/.test(l) ? [i] : []));
    expect(at.length).toBeGreaterThan(0);
    for (const i of at) {
      // the comment block just above "quorum:", or the rules' own notes
      const above: string[] = [];
      for (let j = i - 1; j >= 0 && /^\s*#/.test(lines[j]!); j--) above.unshift(lines[j]!);
      const rules = lines.slice(i + 1, i + 12).join('\n');
      const said = `${above.join('\n')}\n${rules}`;
      expect(/ASSUMPTION|"[^"]+"/.test(said), `${name}:${i + 1}: ${lines[i]}`).toBe(true);
    }
  });

  it('a fraction of voting seats leaves out seats held without a vote (Thurrock\'s officers, Portsmouth\'s Deputy RSC)', async () => {
    const thurrock = (await load('thurrock')).model!.bodies.get('partnership')!;
    expect(thurrock.totalSeats - thurrock.votingSeats).toBe(2);
    expect(thurrock.quorum?.[0]).toMatchObject({ kind: 'fraction', of: 'voting-seats' });
    const portsmouth = (await load('portsmouth')).model!;
    const board = [...portsmouth.bodies.values()][0]!;
    expect(board.totalSeats - board.votingSeats).toBe(1);
  });

  it.each(PRESETS.map((p) => p.name))('%s: every body has a usual start time, so meetings can be created for it', async (name) => {
    const { model } = await load(name);
    for (const b of model!.bodies.values()) expect({ body: b.id, start: b.start }).toEqual({ body: b.id, start: expect.stringMatching(/^\d\d:\d\d$/) });
  });

  it('wokingham is the bundled partnership.yaml, byte for byte below the schema line (each points at schema/ from where it is)', () => {
    const [line, ...rest] = read('wokingham').split('\n');
    const [rootLine, ...rootRest] = readFileSync(join(ROOT, 'partnership.yaml'), 'utf8').split('\n');
    expect(rest).toEqual(rootRest);
    expect(line).toBe('# yaml-language-server: $schema=../schema/partnership.schema.json');
    expect(rootLine).toBe('# yaml-language-server: $schema=./schema/partnership.schema.json');
  });

  it('portsmouth: the Strategic Board has its full composition and an independent chair; the Operational Group is accountable to it and meets half-termly', async () => {
    const { model } = await load('portsmouth');
    const board = model!.bodies.get('strategic-board')!;
    const seats = Object.fromEntries(board.groupIds.map((g) => [g, model!.groups.get(g)!.seats]));
    expect(seats).toEqual({
      independent: 1, 'secondary-heads': 3, 'special-heads': 1, 'primary-heads': 4, 'academy-trusts': 2, 'post-16': 2,
      'higher-education': 1, 'childrens-services': 2, 'teaching-school': 1, rsc: 1, diocese: 2,
    });
    expect(model!.people.get(board.chair!)!.group).toBe('independent');
    const op = model!.bodies.get('operational-group')!;
    expect(op.accountableTo).toBe('strategic-board');
    expect(op.meets).toBe('half-termly');
  });

  it('central-bedfordshire: a Board with one representative per cluster, and seven cluster bodies reporting by school', async () => {
    const { model, file } = await load('central-bedfordshire');
    expect(file!.clusters).toHaveLength(7);
    const board = model!.bodies.get('board')!;
    const reps = board.memberIds.map((id) => model!.people.get(id)!).filter((p) => p.group === 'cluster-representatives');
    const repClusters = reps.map((p) => model!.schools.get(p.school!)!.cluster);
    expect(new Set(repClusters).size).toBe(7);
    const clusters = [...model!.bodies.values()].filter((b) => b.kind === 'cluster');
    expect(clusters).toHaveLength(7);
    for (const c of clusters) {
      expect(c.attendanceBy).toBe('school');
      expect(c.meets).toBe('half-termly');
      expect(c.accountableTo).toBe('board');
      // every head of a school in the cluster, and nobody else
      const cluster = c.members[0]!.schools!.cluster![0]!;
      const heads = [...model!.schools.values()].filter((s) => s.cluster === cluster).map((s) => s.head);
      expect([...c.memberIds].sort()).toEqual([...heads].sort());
      // quorate with half the cluster's schools, each counted once
      expect(c.quorum).toEqual([{ kind: 'schools-represented', fraction: '1/2', round: 'up', note: expect.any(String) }]);
      expect(c.schoolIds).toHaveLength(4);
    }
    // three-tier phases, and the governor linked to a school sits on no body
    expect(new Set(file!.schools!.map((s) => s.phase))).toEqual(new Set(['lower', 'middle', 'upper', 'special']));
    expect([...model!.bodies.values()].some((b) => b.memberIds.includes('gov-quinn'))).toBe(false);
  });

  it('thurrock: the register has every phase and governance type, lists filter by them, and the Progress Board has a lifespan', async () => {
    const { model, file } = await load('thurrock');
    const schools = file!.schools!;
    expect(new Set(schools.map((s) => s.phase))).toEqual(new Set(['primary', 'secondary', 'special', 'pupil-referral-unit']));
    expect(new Set(schools.map((s) => s.type))).toEqual(
      new Set(['academy', 'free-school', 'community', 'foundation', 'voluntary-aided', 'voluntary-controlled', 'special', 'pupil-referral-unit']),
    );
    const lists = file!.lists!.map((l) => l.include.some((s) => s.schools));
    expect(lists.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    // heads of church schools: by religious character, so the church academy is on the list
    const church = selectPeople(model!, model!.lists.get('church-school-heads')!.include).map((p) => model!.schools.get(p.school!)!);
    expect(church.map((s) => s.type).sort()).toEqual(['academy', 'voluntary-aided', 'voluntary-controlled']);
    expect(new Set(file!.groupings!.map((g) => g.kind))).toEqual(new Set(['alliance']));
    const pb = [...model!.bodies.values()].find((b) => b.kind === 'progress-board')!;
    expect(pb.lifespan).toBeDefined();
    const months = (Date.parse(pb.lifespan!.end) - Date.parse(pb.lifespan!.start)) / (30 * 86_400_000);
    expect(months).toBeGreaterThanOrEqual(3);
    expect(months).toBeLessThanOrEqual(6.2);
  });

  it('peterborough: a School Improvement Board over clusters, the council voting as an equal partner', async () => {
    const { model } = await load('peterborough');
    const sib = model!.bodies.get('school-improvement-board')!;
    const council = sib.memberIds.map((id) => model!.people.get(id)!).filter((p) => p.group === 'local-authority');
    expect(council.length).toBeGreaterThan(0);
    expect(council.every((p) => p.voting)).toBe(true);
    const clusters = [...model!.bodies.values()].filter((b) => b.kind === 'cluster');
    expect(clusters.length).toBeGreaterThanOrEqual(3);
    expect(clusters.every((c) => c.accountableTo === 'school-improvement-board')).toBe(true);
    expect(sib.quorum!.some((q) => q.kind === 'per-group' && q.groups.includes('local-authority'))).toBe(true);
    expect(clusters.every((c) => c.attendanceBy === 'school' && c.quorum!.some((q) => q.kind === 'schools-represented' && q.min === 2))).toBe(true);
  });

  it('school-governing-body: seven clear days, quorum one half of governors in post rounded up', async () => {
    const { model } = await load('school-governing-body');
    const gb = model!.bodies.get('governing-body')!;
    expect(gb.notice).toEqual({ kind: 'clear-days', days: 7 });
    expect(gb.quorum).toEqual([{ kind: 'fraction', of: 'filled-seats', fraction: '1/2', round: 'up', note: expect.any(String) }]);
  });
});
