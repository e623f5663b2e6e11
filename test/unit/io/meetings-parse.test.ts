import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildModel, type Model } from '../../../src/core/model.js';
import { checkRecords } from '../../../src/io/check-records.js';
import { checkRegisters } from '../../../src/io/check-registers.js';
import { loadMeeting, parseMeetingSource } from '../../../src/io/meetings.js';
import { validatePartnershipSource } from '../../../src/io/partnership-file.js';
import { OCT, OCTOBER_YAML } from '../../helpers/minutes-fixtures.js';
import { removeRepo, tempRepo, write, ROOT } from '../../helpers/wep.js';

// Every parse of a meeting file, counted: the parser itself, as io/meetings.ts imports it.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/io/yaml-source.js', async (original) => {
  const real = await original<typeof import('../../../src/io/yaml-source.js')>();
  return {
    ...real,
    parseYaml: (...args: Parameters<typeof real.parseYaml>) => {
      parses.count++;
      return real.parseYaml(...args);
    },
  };
});

let model: Model;
const NOV = '2026-11-05-partnership';
// A run remembers parses by file name (relative to where wep runs, so the same in every temporary
// repo) and text: each test's repo has texts of its own.
const repos: string[] = [];
function records(): string {
  const dir = tempRepo({ git: false });
  repos.push(dir);
  const own = `# the records of test ${repos.length}\n`;
  write(dir, `meetings/${OCT}/meeting.yaml`, own + OCTOBER_YAML);
  write(dir, `meetings/${NOV}/meeting.yaml`, own + OCTOBER_YAML.replace(/date: 2026-10-\d\d/, 'date: 2026-11-05'));
  return dir;
}
beforeAll(async () => {
  const { file } = await validatePartnershipSource(readFileSync(join(ROOT, 'partnership.yaml'), 'utf8'), 'partnership.yaml', '2026-11-22');
  model = buildModel(file!);
  // no cache: every load parses, unless this run remembers the parse
  process.env.WEP_NO_CACHE = '1';
});
afterAll(() => {
  delete process.env.WEP_NO_CACHE;
  for (const dir of repos) removeRepo(dir);
});
beforeEach(() => {
  parses.count = 0;
});

describe('parsing meeting files once, and keeping no parse longer than it is used', () => {
  it('a load keeps no parse: the same text loaded again is parsed again, and gives the same record', async () => {
    const dir = records();
    const first = await loadMeeting(dir, NOV, dir);
    const again = await loadMeeting(dir, NOV, dir);
    expect(parses.count).toBe(2);
    expect(again.meeting).toEqual(first.meeting);
  });

  it('a parse asked to be remembered is reused by every later parse or load of the same text', async () => {
    const dir = records();
    const text = readFileSync(join(dir, 'meetings', OCT, 'meeting.yaml'), 'utf8');
    // as loadMeeting names it: relative to where wep runs
    const display = join('meetings', OCT, 'meeting.yaml');
    const remembered = await parseMeetingSource(text, display, { remember: true });
    expect(await parseMeetingSource(text, display)).toBe(remembered);
    const loaded = await loadMeeting(dir, OCT, dir);
    expect(loaded.meeting).toBe(remembered.meeting);
    expect(parses.count).toBe(1);
    // another name is another file, even with the same text
    await parseMeetingSource(text, 'elsewhere/meeting.yaml');
    expect(parses.count).toBe(2);
  });

  it('wep check parses each meeting file once: its record checks, then its registers pass', async () => {
    const dir = records();
    const checked = await checkRecords(dir, dir, model, '2026-11-22');
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parses.count).toBe(2);
    await checkRegisters(dir, dir, model, '2026-11-22');
    expect(parses.count).toBe(2);
  });

  it("wep check's passes write no cache entry for each meeting: a cold check of 20 years wrote a thousand files", async () => {
    const dir = records();
    const cache = join(dir, '.cache-of-this-test');
    mkdirSync(cache);
    delete process.env.WEP_NO_CACHE;
    process.env.WEP_CACHE_DIR = cache;
    try {
      await checkRecords(dir, dir, model, '2026-11-22');
      await checkRegisters(dir, dir, model, '2026-11-22');
      expect(readdirSync(cache)).toEqual([]);
      // a load that is not check's keeps its entry, for the next run
      await loadMeeting(dir, NOV, dir);
      expect(readdirSync(cache).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    } finally {
      delete process.env.WEP_CACHE_DIR;
      process.env.WEP_NO_CACHE = '1';
    }
  });
});
