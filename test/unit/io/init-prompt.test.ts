/**
 * The interactive `wep init`, driven keystroke by keystroke through @inquirer/testing: answers
 * are checked as they are typed, a summary is shown, and nothing is written until confirmed.
 */
import { screen } from '@inquirer/testing/vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/commands/init.js';
import type { CommandContext } from '../../../src/commands/context.js';
import { emitResult } from '../../../src/report/emit.js';
import { hasErrors } from '../../../src/core/diagnostic.js';
import { validatePartnershipSource } from '../../../src/io/partnership-file.js';
import { makeOutput } from '../../../src/report/output.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function context() {
  const cwd = mkdtempSync(join(tmpdir(), 'wep-init-prompt-'));
  dirs.push(cwd);
  const out: string[] = [];
  const err: string[] = [];
  const output = makeOutput({ color: false, env: {}, stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } });
  const ctx: CommandContext = { cwd, env: {}, today: '2026-11-22', interactive: true, c: output.c, print: (l) => output.out(l) };
  // as src/cli.ts does: the command returns a result, emitResult writes it
  const exitCode = process.exitCode;
  const runInit = async (opts: Parameters<typeof run>[1]) => {
    const r = await run(ctx, opts);
    emitResult(r, output);
    process.exitCode = exitCode;
    return r.exitCode;
  };
  return { ctx, cwd, out, err, runInit };
}

/** Waits for the prompt whose text includes `message`. */
async function prompt(message: string) {
  for (let i = 0; i < 20 && !screen.getScreen().includes(message); i++) await screen.next();
  expect(screen.getScreen()).toContain(message);
}
async function answer(message: string, text?: string) {
  await prompt(message);
  if (text !== undefined) screen.type(text);
  screen.keypress('enter');
}

describe('interactive wep init', () => {
  it('asks, validates as the clerk types, shows a summary and writes only when confirmed', async () => {
    const { cwd, out, runInit } = context();
    const done = runInit({ dir: 'records', preset: 'school-governing-body', git: false });

    await answer('Start from which preset?'); // the --preset given is the default
    await answer('Partnership name', 'Oakfield Primary School Governing Body');
    await answer('Short name'); // keeps the preset's
    await answer("Clerk's name", 'Pat Jones');

    await prompt("Clerk's email");
    screen.type('pat');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('"pat" is not an email address');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('pat@oakfield.example.org');
    screen.keypress('enter');

    await answer('Whose bank holidays?');
    await answer('Change the number of seats of any group?', 'y');
    await answer('Seats for Parent governors', '3');
    await answer('Seats for Staff governor');

    await prompt('Seats for Headteacher (ex officio)');
    screen.type('0');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('the preset has 1 person in this group, so at least 1 seat');
    screen.keypress('backspace');
    screen.keypress('enter');

    await answer('Seats for Local authority governor');
    await answer('Seats for Co-opted governors');
    await answer('Seats for Associate members');
    await answer('Add a partner group?', 'y');
    await answer('Name of the group', 'Foundation governors');
    await answer('Seats for Foundation governors', '2');
    await answer('Add another partner group?');

    await answer('Notice for Full Governing Body: how are days counted?');
    await answer('Notice: how many clear days?');
    await answer('Minutes for Full Governing Body: how are days counted?');
    await answer('Minutes go to members within how many working days?', '14');

    await prompt('Quorum for Full Governing Body');
    expect(screen.getScreen()).toContain("keep the preset's: 1/2 of members in post, rounded up");
    screen.keypress('down');
    screen.keypress('enter');
    await prompt('At least how many voting members?');
    screen.type('20');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('the body has 9 seats, so at most 9');
    screen.keypress('backspace');
    screen.keypress('backspace');
    screen.type('5');
    screen.keypress('enter');

    await prompt('Create the records repo in records?');
    // The summary is on screen before anything is written.
    const summary = out.join('');
    expect(summary).toContain('wep init will write:');
    expect(summary).toMatch(/Partnership\s+Oakfield Primary School Governing Body/);
    expect(summary).toMatch(/Clerk\s+Pat Jones <pat@oakfield.example.org>/);
    expect(summary).toMatch(/Seats\s+parent-governors 3/);
    expect(summary).toMatch(/New group\s+Foundation governors \[foundation-governors\], 2 seats/);
    expect(summary).toMatch(/Minutes \(Full Governing Body\)\s+within 14 working days/);
    expect(summary).toMatch(/Quorum \(Full Governing Body\)\s+at least 5 voting members/);
    expect(existsSync(join(cwd, 'records'))).toBe(false);
    screen.keypress('enter');

    expect(await done).toBe(0);
    const text = readFileSync(join(cwd, 'records', 'partnership.yaml'), 'utf8');
    const { file, diagnostics } = await validatePartnershipSource(text, 'partnership.yaml', '2026-11-22');
    expect(hasErrors(diagnostics)).toBe(false);
    expect(file!.partnership.name).toBe('Oakfield Primary School Governing Body');
    expect(file!.partnership.short).toBe('OPS GB');
    expect(file!.partnership.clerk).toEqual({ name: 'Pat Jones', email: 'pat@oakfield.example.org' });
    expect(file!.groups.find((g) => g.id === 'parent-governors')!.seats).toBe(3);
    expect(file!.groups.at(-1)).toEqual({ id: 'foundation-governors', name: 'Foundation governors', seats: 2 });
    const gb = file!.bodies[0]!;
    expect(gb.notice).toEqual({ kind: 'clear-days', days: 7 });
    expect(gb.minutes).toEqual({ kind: 'working-days', days: 14 });
    expect(gb.quorum).toEqual([{ kind: 'count', min: 5 }]);
    expect(text).toContain('# Statutory: "at least seven clear days before the meeting".'); // unchanged rule keeps its comment
    expect(out.join('')).toContain('Created a records repo in records from the school-governing-body preset:');
  });

  it('writes nothing when the clerk does not confirm', async () => {
    const { cwd, err, out, runInit } = context();
    const done = runInit({ dir: '.', git: false });
    await answer('Start from which preset?');
    for (const m of ['Partnership name', 'Short name', "Clerk's name", "Clerk's email", 'Whose bank holidays?', 'Change the number of seats of any group?', 'Add a partner group?']) await answer(m);
    for (const m of ['how are days counted?', 'Notice: how many', 'how are days counted?', 'Minutes go to members within', 'Quorum for Education Partnership']) await answer(m);
    await prompt('Create the records repo in .?');
    expect(screen.getScreen()).toContain('Create the records repo in .?');
    expect(out.join('')).toMatch(/Quorum \(Education Partnership\)\s+at least 2 from each of schools-forum, primary-heads, secondary-heads \(as in the preset\)/);
    screen.type('n');
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(err.join('')).toBe('Nothing was written.\n');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
