import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, removeRepo, tempRepo, wep } from '../helpers/wep.js';

// Central Bedfordshire reports cluster attendance as schools represented ("18 out of 28
// schools"); the published attendance register says it too.
describe('wep publish: schools represented', () => {
  const dir = tempRepo({ partnership: readFileSync(join(ROOT, 'examples/central-bedfordshire.yaml'), 'utf8') });
  afterAll(() => removeRepo(dir));

  it('shows schools represented per meeting for a body with attendance-by: school', () => {
    expect(wep(['meeting', 'new', '2027-02-04', '--body', 'cluster-dunstable'], { cwd: dir }).code).toBe(0);
    expect(wep(['attendance', '--meeting', '2027-02-04-cluster-dunstable', '--present', 'h-ibbotson,h-jenkins,h-kowalski'], { cwd: dir, today: '2027-02-04' }).code).toBe(0);
    const r = wep(['publish'], { cwd: dir, today: '2027-02-05' });
    expect(r.code).toBe(0);
    const page = readFileSync(join(dir, 'site/registers/attendance-2027.html'), 'utf8');
    expect(page).toContain('Dunstable cluster: schools represented in 2027');
    expect(page).toContain('<th scope="row">Thursday 4 February 2027</th><td>3 out of 4 schools</td>');
  });
});
