import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/core/diagnostic.js';
import { buildModel } from '../../../src/core/model.js';
import { PRESETS } from '../../../src/core/presets.js';
import { applyAnswers, ciWorkflow, presetFacts, readPreset, recordsRepoFiles, scalarText, SCHEMA_LINE } from '../../../src/io/init-repo.js';
import { validatePartnershipSource } from '../../../src/io/partnership-file.js';
import { ROOT } from '../../helpers/wep.js';

const TODAY = '2026-11-22';
async function validate(text: string) {
  const { file, diagnostics } = await validatePartnershipSource(text, 'partnership.yaml', TODAY);
  expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  expect(hasErrors(diagnostics)).toBe(false);
  return file!;
}

describe('readPreset', () => {
  it('reads each preset from the package examples folder', () => {
    for (const p of PRESETS) expect(readPreset(p.name)).toBe(readFileSync(join(ROOT, 'examples', `${p.name}.yaml`), 'utf8'));
  });
  it('refuses an unknown preset', () => {
    expect(() => readPreset('nowhere')).toThrow('no preset "nowhere"');
  });
});

describe('scalarText', () => {
  it('writes plain text when safe, quoted otherwise', () => {
    expect(scalarText('Oakfield Primary School')).toBe('Oakfield Primary School');
    expect(scalarText("St Mary's C of E")).toBe("St Mary's C of E");
    expect(scalarText('clerk@example.org')).toBe('clerk@example.org');
    expect(scalarText('Schools: North')).toBe('"Schools: North"');
    expect(scalarText('A, B and C')).toBe('"A, B and C"');
    expect(scalarText('yes')).toBe('"yes"');
    expect(scalarText('2026')).toBe('"2026"');
    expect(scalarText('#1 partnership')).toBe('"#1 partnership"');
    expect(scalarText(7)).toBe('7');
  });
});

describe('applyAnswers', () => {
  it.each(PRESETS.map((p) => p.name))('%s with no answers: only the schema line and a note change; still valid', async (name) => {
    const preset = readPreset(name);
    const text = applyAnswers(preset, { preset: name }, TODAY);
    const lines = text.split('\n');
    expect(lines[0]).toBe(SCHEMA_LINE);
    expect(lines[2]).toBe(`# Created with wep init from the "${name}" preset on ${TODAY}.`);
    expect(lines.slice(3).join('\n')).toBe(preset.split('\n').slice(1).join('\n'));
    await validate(text);
  });

  it('applies every answer, keeping the layout and comments of everything else', async () => {
    const preset = readPreset('wokingham');
    const text = applyAnswers(
      preset,
      {
        preset: 'wokingham',
        name: 'Oakshire Education Partnership',
        short: 'OEP',
        clerkName: 'Ada Clerk',
        clerkEmail: 'ada@oakshire.example.org',
        nation: 'scotland',
        seats: { 'primary-heads': 5, 'mat-executive-heads': 2 },
        newGroups: [{ id: 'diocese', name: 'Diocese: Oxford, and Portsmouth', seats: 1 }],
        notice: { kind: 'clear-days', days: 10 },
        minutes: { kind: 'working-days', days: 7 },
        quorum: [
          { kind: 'fraction', of: 'seats', fraction: '2/5', round: 'up', neverFewerThan: 3 },
          { kind: 'per-group', groups: ['primary-heads', 'secondary-heads'], min: 1 },
        ],
      },
      TODAY,
    );
    const file = await validate(text);
    expect(file.partnership).toMatchObject({ name: 'Oakshire Education Partnership', short: 'OEP', clerk: { name: 'Ada Clerk', email: 'ada@oakshire.example.org' }, calendar: { nation: 'scotland' } });
    expect(file.groups.find((g) => g.id === 'primary-heads')!.seats).toBe(5);
    expect(file.groups.at(-1)).toEqual({ id: 'diocese', name: 'Diocese: Oxford, and Portsmouth', seats: 1 });
    const body = file.bodies[0]!;
    // the added group sits on the board, so its members get notices and count
    expect(body.members[0]!.groups).toEqual(['independent', 'primary-heads', 'secondary-heads', 'special-schools', 'foundry', 'schools-forum', 'mat-executive-heads', 'local-authority', 'diocese']);
    expect(text).toContain('      - groups: [independent, primary-heads, secondary-heads, special-schools, foundry, schools-forum, mat-executive-heads, local-authority, diocese]\n');
    expect(body.notice).toEqual({ kind: 'clear-days', days: 10 });
    expect(body.minutes).toEqual({ kind: 'working-days', days: 7 });
    expect(body.quorum).toEqual([
      { kind: 'fraction', of: 'seats', fraction: '2/5', round: 'up', neverFewerThan: 3 },
      { kind: 'per-group', groups: ['primary-heads', 'secondary-heads'], min: 1 },
    ]);
    // The rules the clerk changed say so; the unchanged minutes rule keeps its quotation.
    expect(text).toContain('    # Chosen by the clerk at wep init (2026-11-22).\n    notice: { kind: clear-days, days: 10 }');
    expect(text).toContain('    # "Minutes go to all members within seven working days of the meeting."\n    minutes: { kind: working-days, days: 7 }');
    expect(text).not.toContain('At least two representatives each of Schools Forum');
    // Everything else is untouched: comments, flow maps, the folded purpose.
    expect(text).toContain('  purpose: >-\n    School leaders and the local authority working together to improve outcomes for every\n');
    expect(text).toContain('    term: { start: 2025-09-01, end: 2027-08-31 }');
    expect(text).toContain('  # Proxies: each core member appoints one to attend in their absence.');
    expect(text).toContain('  # Added at wep init: add its people under "people:" with "group: diocese".\n  - id: diocese\n    name: "Diocese: Oxford, and Portsmouth"\n    seats: 1\n\npeople:');
  });

  it('in every preset, a group added at init sits on the main body and the file stays valid', async () => {
    for (const p of PRESETS) {
      const text = applyAnswers(readPreset(p.name), { preset: p.name, newGroups: [{ id: 'added-at-init', name: 'Added at init', seats: 1 }] }, TODAY);
      const file = await validate(text);
      const model = buildModel(file);
      const main = model.bodies.get(presetFacts(file).body.id)!;
      expect(main.groupIds, p.name).toContain('added-at-init');
    }
  });

  it('sets a quorum on a preset body, replacing the preset explanation', async () => {
    const text = applyAnswers(readPreset('portsmouth'), { preset: 'portsmouth', quorum: [{ kind: 'count', min: 8 }] }, TODAY);
    const file = await validate(text);
    expect(file.bodies[0]!.quorum).toEqual([{ kind: 'count', min: 8 }]);
    expect(text).toContain('    # Chosen by the clerk at wep init (2026-11-22).\n    quorum:\n      - kind: count\n        min: 8\n    venue:');
    expect(text).not.toContain('the consultation sets no quorum');
  });

  it('leaves a rule alone when the answer is what the preset has', () => {
    const preset = readPreset('school-governing-body');
    const text = applyAnswers(preset, { preset: 'school-governing-body', notice: { kind: 'clear-days', days: 7 }, quorum: [{ kind: 'fraction', of: 'filled-seats', fraction: '1/2', round: 'up', note: 'One half of the governors in post, rounded up' }] }, TODAY);
    expect(text.split('\n').slice(3).join('\n')).toBe(preset.split('\n').slice(1).join('\n'));
  });
});

describe('presetFacts', () => {
  it('gives the main body and the seats each group already fills', async () => {
    const file = await validate(readPreset('wokingham'));
    const facts = presetFacts(file);
    expect(facts.body.id).toBe('partnership');
    expect(facts.groups.find((g) => g.id === 'primary-heads')).toEqual({ id: 'primary-heads', name: 'Wokingham Primary Heads Partnership', seats: 4, held: 4 });
    expect(facts.groups.find((g) => g.id === 'mat-executive-heads')!.held).toBe(0);
    expect(facts.body.totalSeats).toBe(buildModel(file).bodies.get('partnership')!.totalSeats);
  });
});

describe('records repo files', () => {
  it('has the partnership file, meetings, templates README, the JSON Schemas, CI workflow and .gitignore', () => {
    const files = recordsRepoFiles('x: 1\n');
    expect(Object.keys(files)).toEqual(['partnership.yaml', 'meetings/.gitkeep', 'templates/README.md', 'schema/partnership.schema.json', 'schema/meeting.schema.json', '.github/workflows/wep-check.yml', '.gitignore']);
    expect(files['templates/README.md']).toMatch(/notice\.md\.hbs/);
  });
  it("the JSON Schemas are the package's own, byte for byte, where the modelines point", () => {
    const files = recordsRepoFiles('x: 1\n');
    for (const name of ['partnership.schema.json', 'meeting.schema.json']) expect(files[`schema/${name}`]).toBe(readFileSync(join(ROOT, 'schema', name), 'utf8'));
    expect(SCHEMA_LINE).toBe('# yaml-language-server: $schema=./schema/partnership.schema.json');
  });
  it('the CI workflow installs the wep-clerk release line and runs wep check with annotations', () => {
    const yml = ciWorkflow('0.1.0');
    expect(yml).toContain('npm install --global wep-clerk@~0.1\n');
    expect(yml).toMatch(/- run: wep check --format github\n$/);
    expect(ciWorkflow('2.3.4')).toContain('wep-clerk@~2\n');
  });
});
