/**
 * Every page wep writes is valid HTML: notice.html and every page of the published site,
 * checked with html-validate's standard rules (correctness and accessibility, not style).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempRepos, wep } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true });
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
let dir = '';
let pages: string[] = [];

beforeAll(() => {
  dir = repo();
  expect(wep(['notice', '--meeting', '2026-12-10-partnership'], { cwd: dir }).code).toBe(0);
  // a held joint meeting, whose page shows the quorum of each body
  expect(wep(['meeting', 'new', '2026-11-12', '--joint-with', 'operational-group'], { cwd: dir }).code).toBe(0);
  expect(wep(['attendance', '--meeting', '2026-11-12-partnership', '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones,op-baker'], { cwd: dir }).code).toBe(0);
  expect(wep(['publish'], { cwd: dir }).code).toBe(0);
  pages = (readdirSync(join(dir, 'site'), { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => `site/${f}`).sort();
});

const problems = async (rel: string) => {
  const report = await validator.validateString(readFileSync(join(dir, rel), 'utf8'), rel);
  return report.results.flatMap((r) => r.messages.map((m) => `${rel}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`));
};

describe('HTML that wep writes', () => {
  it('notice.html has one main landmark holding the notice, and html-validate reports nothing', async () => {
    const html = readFileSync(join(dir, 'meetings/2026-12-10-partnership/notice.html'), 'utf8');
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html).toMatch(/<\/header>\s*<main>[\s\S]*<h2[\s\S]*<\/main>\s*<footer>/);
    expect(await problems('meetings/2026-12-10-partnership/notice.html')).toEqual([]);
  });

  it('every page of the published site: html-validate reports nothing', async () => {
    expect(pages).toEqual(expect.arrayContaining(['site/index.html', 'site/registers/decisions.html', 'site/meetings/2026-12-10-partnership/index.html', 'site/meetings/2026-11-12-partnership/index.html']));
    const all = (await Promise.all(pages.map(problems))).flat();
    expect(all).toEqual([]);
  });

  it('the validator is not blind: a page without a title and with a duplicate id is reported', async () => {
    const r = await validator.validateString('<!DOCTYPE html><html lang="en"><head></head><body><p id="a"></p><p id="a"></p></body></html>', 'x.html');
    expect(r.valid).toBe(false);
  });
});
