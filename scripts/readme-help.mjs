#!/usr/bin/env node
// Keeps the README's `--help` blocks equal to the real help of the built wep. Each block sits
// between `<!-- help: ARGS -->` and `<!-- /help -->`; this script reruns `wep ARGS --help` and
// rewrites the block. `--check` only compares (the README test does the same).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = join(root, 'README.md');

export function helpText(args) {
  const r = spawnSync(process.execPath, [join(root, 'bin/wep.cjs'), ...args, '--help'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '100' },
  });
  return r.stdout.trimEnd();
}

// The body is lazily matched up to the first closing fence, and may be empty.
const BLOCK = /<!-- help: ?([^>]*?) ?-->\n```text\n(?:(?!```)[\s\S])*```\n<!-- \/help -->/g;

export function renderReadme(text) {
  return text.replace(BLOCK, (_, args) => {
    const words = args.trim() ? args.trim().split(/\s+/) : [];
    return `<!-- help: ${args.trim()} -->\n\`\`\`text\n${helpText(words)}\n\`\`\`\n<!-- /help -->`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(readmePath, 'utf8');
  const next = renderReadme(text);
  if (process.argv.includes('--check')) {
    if (next !== text) {
      console.error('README.md help blocks are out of date: run `node scripts/readme-help.mjs`');
      process.exit(1);
    }
  } else {
    writeFileSync(readmePath, next);
    console.log('README.md help blocks updated');
  }
}
