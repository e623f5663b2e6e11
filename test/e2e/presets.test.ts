/**
 * Every preset end to end, in a temporary records repo: init, check, members, deadlines,
 * schedule --create, meeting new, notice, quorum --present, attendance, minutes and report
 * attendance. Steps whose command is not built yet are skipped (and listed), so this file runs
 * while the other commands are being written.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel, defaultBodyId } from '../../src/core/model.js';
import { PRESETS } from '../../src/core/presets.js';
import { validatePartnershipSource } from '../../src/io/partnership-file.js';
import { git, GIT_ENV, removeRepo, ROOT, type RunResult, wep } from '../helpers/wep.js';

const TODAY = '2026-11-22';
const MEETING = '2027-06-24'; // a Thursday, clear of the scheduled half-term meetings

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeRepo));

/** Steps skipped because their command is not built yet, by preset. */
const skipped: Record<string, string[]> = {};
afterAll(() => {
  const lines = Object.entries(skipped).filter(([, s]) => s.length);
  if (lines.length) console.info(`presets e2e: steps skipped (command not built yet):\n${lines.map(([p, s]) => `  ${p}: ${s.join(', ')}`).join('\n')}`);
});

const notBuilt = (r: RunResult) => /not built yet/.test(r.stderr);

async function facts(preset: string) {
  const text = readFileSync(join(ROOT, 'examples', `${preset}.yaml`), 'utf8');
  const { file } = await validatePartnershipSource(text, preset, TODAY);
  const model = buildModel(file!);
  const body = model.bodies.get(defaultBodyId(model))!;
  const voting = body.memberIds.filter((id) => model.people.get(id)!.voting);
  return { model, body, voting };
}

describe.each(PRESETS.map((p) => p.name))('preset %s end to end', (preset) => {
  it('init, check, members, deadlines, schedule, meeting new, notice, quorum, attendance, minutes, report attendance', async () => {
    const { body, voting } = await facts(preset);
    const parent = mkdtempSync(join(tmpdir(), `wep-preset-${preset}-`));
    dirs.push(parent);
    const cwd = join(parent, 'records');
    const run = (args: string[], today = TODAY) => wep(args, { cwd, today, env: GIT_ENV });
    const guarded = (step: string, args: string[], expectCode: number, today = TODAY): RunResult | undefined => {
      const r = run(args, today);
      if (notBuilt(r)) {
        (skipped[preset] ??= []).push(step);
        return undefined;
      }
      expect({ step, code: r.code, stderr: r.code === expectCode ? '' : r.stderr }).toEqual({ step, code: expectCode, stderr: '' });
      return r;
    };

    const init = wep(['init', 'records', '--preset', preset, '--yes', '--clerk-name', 'Test Clerk', '--clerk-email', 'clerk@example.org'], { cwd: parent, today: TODAY, env: GIT_ENV });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);

    const check = run(['check', '--quiet']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);

    const members = run(['members', '--body', body.id]);
    expect(members.code).toBe(0);
    expect(members.stdout).toContain(body.name);

    const deadlines = run(['deadlines', '2027-02-04', '--body', body.id, '--json']);
    expect(deadlines.code).toBe(0);
    expect(JSON.parse(deadlines.stdout).body).toBe(body.id);

    const schedule = run(['schedule', '--body', body.id, '--from', '2027-01-01', '--to', '2027-07-31', '--every', 'half-term', '--create', '--json']);
    expect(schedule.code).toBe(0);
    const plan = JSON.parse(schedule.stdout) as { meetings: { id: string; status: string }[] };
    expect(plan.meetings.length).toBe(4); // spring 1, spring 2, summer 1, summer 2
    expect(plan.meetings.every((m) => m.status === 'created')).toBe(true);
    const recheck = run(['check', '--quiet']);
    expect({ code: recheck.code, stderr: recheck.stderr }).toEqual({ code: 0, stderr: '' });

    const id = `${MEETING}-${body.id}`;
    guarded('meeting new', ['meeting', 'new', MEETING, '--body', body.id], 0);
    guarded('notice', ['notice', '--meeting', id], 0);

    const everyone = guarded('quorum --present (all)', ['quorum', '--body', body.id, '--present', voting.join(',')], 0);
    if (everyone) expect(everyone.stdout).toMatch(/^Quorate/);
    const one = guarded('quorum --present (one)', ['quorum', '--body', body.id, '--present', voting[0]!], 3);
    if (one) expect(one.stdout).toMatch(/not quorate/i);

    guarded('attendance', ['attendance', '--meeting', id, '--present', voting.join(',')], 0, MEETING);
    guarded('minutes', ['minutes', '--meeting', id], 0, '2027-06-25');
    const report = guarded('report attendance', ['report', 'attendance', '--year', '2027', '--body', body.id, '--format', 'json'], 0, '2027-06-25');
    if (report) expect(report.stdout).toContain(voting[0]!);
    const last = run(['check', '--quiet']);
    expect({ code: last.code, stderr: last.stderr }).toEqual({ code: 0, stderr: '' });
    expect(git(['log', '--format=%s'], cwd).trim().split('\n').at(-1)).toBe('Start the records repo (wep init)');
  });
});

describe('central-bedfordshire: cluster attendance as schools represented', () => {
  it('a cluster meeting with three of its four schools reports "3 out of 4 schools"', () => {
    const parent = mkdtempSync(join(tmpdir(), 'wep-preset-cb-'));
    dirs.push(parent);
    const cwd = join(parent, 'records');
    expect(wep(['init', 'records', '--preset', 'central-bedfordshire', '--yes', '--no-git'], { cwd: parent, today: TODAY }).code).toBe(0);
    const steps: [string, string[], string, number][] = [
      ['meeting new', ['meeting', 'new', '2027-02-04', '--body', 'cluster-dunstable'], TODAY, 0],
      ['attendance', ['attendance', '--meeting', '2027-02-04-cluster-dunstable', '--present', 'h-ibbotson,h-jenkins,h-kowalski'], '2027-02-04', 0],
      ['report attendance', ['report', 'attendance', '--year', '2027', '--body', 'cluster-dunstable'], '2027-02-05', 0],
    ];
    let last: RunResult | undefined;
    for (const [step, args, today, code] of steps) {
      const r = wep(args, { cwd, today });
      if (notBuilt(r)) {
        (skipped['central-bedfordshire (clusters)'] ??= []).push(step);
        return;
      }
      expect({ step, code: r.code }).toEqual({ step, code });
      last = r;
    }
    expect(last!.stdout).toMatch(/Thursday 4 February 2027 \| 3 out of 4 schools/);
  });
});
