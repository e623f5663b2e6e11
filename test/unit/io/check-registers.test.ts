import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, type Model } from '../../../src/core/model.js';
import { checkRegisters } from '../../../src/io/check-registers.js';
import { validatePartnershipSource } from '../../../src/io/partnership-file.js';
import { OCT, OCTOBER_YAML } from '../../helpers/minutes-fixtures.js';
import { removeRepo, tempRepo, write, ROOT } from '../../helpers/wep.js';

let model: Model;
let dir: string;
beforeAll(async () => {
  const { file } = await validatePartnershipSource(readFileSync(join(ROOT, 'partnership.yaml'), 'utf8'), 'partnership.yaml', '2026-11-22');
  model = buildModel(file!);
  dir = tempRepo({ git: false });
  process.env.WEP_NO_CACHE = '1';
  write(dir, `meetings/${OCT}/meeting.yaml`, OCTOBER_YAML.replace('owner: la-morgan', 'owner: la-morgen'));
  write(dir, `meetings/${OCT}/minutes.md`, '## 7. Data\nACTION: Send it — owner: op-bakr, due: 2026-12-01\nACTION: no owner\n');
  write(dir, 'meetings/2026-11-05-partnership/meeting.yaml', 'body: [not, valid\n');
});
afterAll(() => {
  delete process.env.WEP_NO_CACHE;
  removeRepo(dir);
});

describe('checkRegisters', () => {
  it('reports register problems at FILE:LINE:COL, and leaves invalid meetings to the record check', async () => {
    const { diagnostics, sources } = await checkRegisters(dir, dir, model, '2026-11-22');
    const shown = diagnostics.map((d) => `${d.file}:${d.pos?.line}:${d.pos?.col} ${d.severity} ${d.check}: ${d.message} | ${d.hint ?? ''}`);
    expect(shown).toEqual([
      // minutes.md is the record: entries it does not have are named (a warning while in draft)
      `meetings/${OCT}/meeting.yaml:32:5 warning minutes: decision d1 "The work plan 2027 is approved." is in meeting.yaml but not in minutes.md, which is the record | add the line "DECISION: The work plan 2027 is approved." under item 6 of minutes.md, or delete the entry from meeting.yaml`,
      `meetings/${OCT}/meeting.yaml:26:5 warning minutes: action a1 "Propose an election process for the MAT seat" is in meeting.yaml but not in minutes.md, which is the record | add the line "ACTION: Propose an election process for the MAT seat" under item 6 of minutes.md, or delete the entry from meeting.yaml`,
      `meetings/${OCT}/meeting.yaml:28:12 error registers: action a1 is owned by "la-morgen", who is not in the partnership file | did you mean "la-morgan"?`,
      `meetings/${OCT}/meeting.yaml:29:10 warning registers: action ${OCT}/a1 is overdue (due 2026-11-13): Propose an election process for the MAT seat | when it is done: wep actions done ${OCT}/a1`,
      `meetings/${OCT}/minutes.md:2:26 error registers: the action "Send it" is owned by "op-bakr", who is not in the partnership file | did you mean "op-baker"?`,
      `meetings/${OCT}/minutes.md:3:1 error minutes: ACTION with no owner | write it as: ACTION: <what is to be done> — owner: <person id>, due: YYYY-MM-DD`,
      expect.stringMatching(new RegExp(`^meetings/${OCT}/meeting.yaml:32:5 error quorum: decision ${OCT}/d1 was recorded at item 6 while the meeting was not quorate`)),
    ]);
    expect(Object.keys(sources).sort()).toEqual([`meetings/${OCT}/meeting.yaml`, `meetings/${OCT}/minutes.md`]);
  });
});
