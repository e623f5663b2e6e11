/** `wep init`: a records repo from a preset, with --yes and flags, and every refusal. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, GIT_ENV, removeRepo, wep } from '../helpers/wep.js';

/** git with a known identity and no user or system configuration. */

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'wep-init-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach(removeRepo));

const init = (cwd: string, args: string[], env: Record<string, string | undefined> = GIT_ENV) => wep(['init', ...args], { cwd, env });

describe('wep init --yes', () => {
  it('creates a records repo from a preset with the flags applied, commits it, and it passes wep check', () => {
    const cwd = tempDir();
    const r = init(cwd, ['records', '--preset', 'school-governing-body', '--yes', '--name', 'Oakfield Primary School Governing Body', '--short', 'OPGB', '--clerk-name', 'A Clerk', '--clerk-email', 'clerk@oakfield.example.org', '--nation', 'england-and-wales']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created a records repo in records from the school-governing-body preset:');
    expect(r.stdout).toMatch(/git: new repository, first commit [0-9a-f]{7}/);
    const root = join(cwd, 'records');
    for (const f of ['partnership.yaml', 'meetings/.gitkeep', 'templates/README.md', '.github/workflows/wep-check.yml', '.gitignore']) expect(existsSync(join(root, f)), f).toBe(true);
    const text = readFileSync(join(root, 'partnership.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/wep/schema/partnership.schema.json');
    expect(text).toContain('  short: OPGB\n');
    expect(text).toContain('    name: A Clerk\n    email: clerk@oakfield.example.org\n');
    expect(text).toContain('seven clear days'); // the preset's comments survive
    expect(git(['log', '--format=%s'], root).trim()).toBe('Start the records repo (wep init)');
    expect(git(['status', '--porcelain', '--untracked-files=all'], root)).toBe('');
    const check = wep(['check'], { cwd: root });
    expect(check.code).toBe(0);
  });

  it('defaults to the wokingham preset in the current folder', () => {
    const cwd = tempDir();
    const r = init(cwd, ['--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created a records repo in . from the wokingham preset:');
    expect(readFileSync(join(cwd, 'partnership.yaml'), 'utf8')).toContain('name: Wokingham Education Partnership');
  });

  it('--no-git writes the files and leaves git alone', () => {
    const cwd = tempDir();
    const r = init(cwd, ['r', '--yes', '--preset', 'thurrock', '--no-git']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('git: not used (--no-git)');
    expect(existsSync(join(cwd, 'r', '.git'))).toBe(false);
  });

  it('inside an existing repo, commits only its own files and does not nest a repo', () => {
    const cwd = tempDir();
    git(['init', '-q'], cwd);
    writeFileSync(join(cwd, 'notes.txt'), 'mine\n');
    const r = init(cwd, ['records', '--yes', '--preset', 'peterborough']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/git: committed to the existing repository \([0-9a-f]+\)/);
    expect(existsSync(join(cwd, 'records', '.git'))).toBe(false);
    expect(git(['status', '--porcelain'], cwd)).toBe('?? notes.txt\n');
  });

  it('adds its lines to a .gitignore already there rather than replacing it', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.gitignore'), 'private/\n');
    expect(init(cwd, ['--yes', '--no-git']).code).toBe(0);
    const gi = readFileSync(join(cwd, '.gitignore'), 'utf8');
    expect(gi.startsWith('private/\n\n# Written by wep init.')).toBe(true);
    expect(gi).toContain('site/');
  });

  it('warns, but keeps the files, when git cannot commit', () => {
    const cwd = tempDir();
    const env = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.useConfigOnly', GIT_CONFIG_VALUE_0: 'true', GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_COMMITTER_NAME: undefined, GIT_COMMITTER_EMAIL: undefined, EMAIL: undefined };
    const r = init(cwd, ['--yes'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: the files are written, but git did not commit them: wep wrote partnership.yaml, .* to disk, but git did not commit: git does not know who you are \(fatal: /);
    expect(r.stderr).toContain('fix: install git (or set user.name and user.email), then: git init && git add -A');
    expect(existsSync(join(cwd, 'partnership.yaml'))).toBe(true);
  });
});

describe('wep init refuses', () => {
  it('a folder that already has a partnership.yaml (exit 2, nothing changed)', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'partnership.yaml'), 'mine\n');
    const r = init(cwd, ['--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: this folder already has a partnership.yaml: wep init never overwrites one\n  fix: run "wep check" there to validate it, or choose an empty folder: wep init NEW-FOLDER\n');
    expect(readFileSync(join(cwd, 'partnership.yaml'), 'utf8')).toBe('mine\n');
    mkdirSync(join(cwd, 'sub'));
    writeFileSync(join(cwd, 'sub', 'partnership.yaml'), 'x\n');
    expect(init(cwd, ['sub', '--yes']).stderr).toContain('wep: error: sub already has a partnership.yaml');
  });

  it('a file given as the folder', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'afile'), '');
    const r = init(cwd, ['afile', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: afile is a file, not a folder\n  fix: give a folder for the records repo, e.g. "wep init records"\n');
  });

  it('files it would replace', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'templates'));
    writeFileSync(join(cwd, 'templates', 'README.md'), 'mine\n');
    const r = init(cwd, ['--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: wep init would replace templates/README.md\n  fix: move them away, or choose an empty folder\n');
    expect(existsSync(join(cwd, 'partnership.yaml'))).toBe(false);
  });

  it('an unknown preset, with a suggestion', () => {
    const r = init(tempDir(), ['--yes', '--preset', 'thurock']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: no preset "thurock"\n  fix: did you mean "thurrock"?; the presets are: wokingham, portsmouth, central-bedfordshire, thurrock, peterborough, school-governing-body\n');
  });

  it.each([
    [['--clerk-email', 'clerk at school'], 'wep: error: --clerk-email: "clerk at school" is not an email address: write one plain address, e.g. clerk@example.org'],
    [['--nation', 'wales'], 'wep: error: --nation: "wales" is not a nation wep knows: use england-and-wales, scotland, northern-ireland'],
    [['--name', ' '], 'wep: error: --name: a name is needed'],
    [['--short', 'A VERY LONG SHORT NAME'], 'wep: error: --short: a short name is at most 20 characters, e.g. WEP'],
    [['--clerk-name', ''], 'wep: error: --clerk-name: a name is needed'],
  ])('a bad flag value %j', (args, message) => {
    const cwd = tempDir();
    const r = init(cwd, ['--yes', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n  fix: see "wep init --help"\n`);
    expect(existsSync(join(cwd, 'partnership.yaml'))).toBe(false);
  });

  it('to ask questions when there is no terminal and no --yes', () => {
    const cwd = tempDir();
    const r = init(cwd, ['--preset', 'portsmouth']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'wep: error: wep init asks its questions on a terminal, and this is not one\n  fix: run it in a terminal, or answer with flags: wep init DIR --yes --preset NAME --name "..." --short ... --clerk-name "..." --clerk-email ...\n',
    );
    expect(existsSync(join(cwd, 'partnership.yaml'))).toBe(false);
  });
});
