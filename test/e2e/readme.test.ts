import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/wep.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the real --help of every command (run `node scripts/readme-help.mjs` to update)', async () => {
    // @ts-expect-error: a plain .mjs script, no types
    const { renderReadme } = await import('../../scripts/readme-help.mjs');
    expect(renderReadme(readme)).toBe(readme);
  });

  it('has a help block for every command the CLI registers', () => {
    const help = readFileSync(join(ROOT, 'src/cli.ts'), 'utf8');
    const commands = [...help.matchAll(/\.command\('([a-z-]+)'\)/g)].map((m) => m[1]!);
    const blocks = new Set([...readme.matchAll(/<!-- help: ?([^>]*?) ?-->/g)].map((m) => m[1]!.trim().split(' ').pop()));
    for (const c of commands) if (c !== 'meeting' && c !== 'report') expect(blocks, c).toContain(c);
  });

  it('starts with a Quick start whose first code block holds exactly the two commands', () => {
    const section = readme.split(/^## Quick start\s*$/m)[1]!;
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = block.trim().split('\n');
    expect(commands).toEqual(['npm ci && npx wep notice --meeting 2026-12-10-partnership', 'npm test']);
  });

  it('lists every exit code the CLI uses', () => {
    for (const code of ['| 0 |', '| 1 |', '| 2 |', '| 3 |', '| 70 |', '| 130 |']) expect(readme).toContain(code);
  });
});
