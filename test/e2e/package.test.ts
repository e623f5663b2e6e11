/**
 * The package as people install it: `npm pack`, install the tarball into a fresh prefix (as
 * `npm install --global wep-clerk` would), then run that installed `wep init` and `wep check`
 * outside this repository. Uses the dist/ that `npm test` builds; npm may fetch the
 * dependencies from the registry when its cache lacks them, nothing else.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV, removeRepo, ROOT } from '../helpers/wep.js';

const work = realpathSync(mkdtempSync(join(tmpdir(), 'wep-package-')));
afterAll(() => removeRepo(work));

/** The environment without what `npm test` sets for its own run (npm_config_prefix and the like). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !k.startsWith('WEP_')) env[k] = v;
  return { ...env, NO_COLOR: '1', WEP_CACHE_DIR: join(work, 'cache'), ...extra };
}
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, env: cleanEnv(), encoding: 'utf8' });

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const prefix = join(work, 'prefix');
const installed = join(prefix, 'bin', 'wep');
let files: string[] = [];

beforeAll(() => {
  // dist/ is already built by `npm test`: no scripts, so packing does not rebuild it under the other tests
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((f) => f.path);
  const install = npm(['install', '--global', '--prefix', prefix, join(work, info!.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], work);
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
});

const run = (args: string[], cwd: string) => spawnSync(installed, args, { cwd, env: cleanEnv({ ...GIT_ENV, WEP_TODAY: '2026-11-22' }), encoding: 'utf8' });

describe('the wep-clerk package', () => {
  it('is named wep-clerk, and holds the built CLI, templates, schemas, presets and LICENSE but no sources or tests', () => {
    expect(existsSync(join(work, `wep-clerk-${version}.tgz`))).toBe(true);
    for (const f of ['bin/wep.cjs', 'dist/cli.cjs', 'dist/boot.cjs', 'dist/markdown-it.cjs', 'LICENSE', 'README.md', 'package.json', 'schema/partnership.schema.json', 'schema/meeting.schema.json', 'examples/wokingham.yaml', 'templates/notice.html.hbs']) expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|test|bench)\//.test(f))).toEqual([]);
  });

  it('installs a `wep` command that prints its version', () => {
    const r = run(['--version'], work);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(version);
  });

  it('the installed wep init starts a records repo that the installed wep check passes, schemas included', () => {
    const r = run(['init', 'records', '--preset', 'portsmouth', '--yes'], work);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const root = join(work, 'records');
    expect(readFileSync(join(root, 'partnership.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/partnership.schema.json');
    expect(readFileSync(join(root, 'schema/partnership.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schema/partnership.schema.json'), 'utf8'));
    expect(readFileSync(join(root, '.github/workflows/wep-check.yml'), 'utf8')).toContain('npm install --global wep-clerk@~');
    const check = run(['check', '--format', 'github'], root);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^(::warning file=partnership\.yaml,line=\d+,col=\d+,.*\n)*$/);
  });

  it('npm ci --omit=dev succeeds in a checkout: the prepare script says it cannot build without tsup, and does not fail', () => {
    const dir = join(work, 'checkout');
    mkdirSync(join(dir, 'scripts'), { recursive: true });
    for (const f of ['package.json', 'package-lock.json', 'scripts/prepare.cjs']) copyFileSync(join(ROOT, f), join(dir, f));
    const r = npm(['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('wep: tsup (a development dependency) is not installed, so dist/ was not built.');
    expect(existsSync(join(dir, 'node_modules/commander'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/tsup'))).toBe(false);
  });
});
