/** `wep completion bash|zsh|fish`: scripts made from the command tree, tried in a real bash. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeRepo, wep } from '../helpers/wep.js';

const dir = mkdtempSync(join(tmpdir(), 'wep-completion-'));
afterAll(() => removeRepo(dir));

const script = (shell: string) => wep(['completion', shell], { cwd: dir });
/** The command names in `wep --help`, the list a user sees. */
const helpCommands = () =>
  [...wep(['--help'], { cwd: dir }).stdout.split('Commands:\n')[1]!.split('\n\n')[0]!.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');

/** What bash completes for the words typed so far (the last is the word being completed). */
function complete(...words: string[]): string[] {
  const file = join(dir, 'wep.bash');
  writeFileSync(file, script('bash').stdout);
  const cmd = `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _wep; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', cmd], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('wep completion', () => {
  it('bash: every command of --help at the top, with the global options', () => {
    const top = complete('wep', '');
    const commands = helpCommands();
    expect(commands).toContain('completion');
    expect(commands.length).toBeGreaterThan(15);
    for (const c of commands) expect(top).toContain(c);
    expect(top).toEqual(expect.arrayContaining(['--file', '--no-color', '--help', '--version']));
  });

  it('bash: subcommands, options of the command being typed, and the choices of an option', () => {
    expect(complete('wep', 'che')).toEqual(['check']);
    expect(complete('wep', 'meeting', '')).toContain('new');
    expect(complete('wep', 'meeting', 'new', '--re')).toEqual(['--requested-by']);
    expect(complete('wep', '--file', 'x.yaml', 'check', '--st')).toEqual(['--strict']);
    expect(complete('wep', 'check', '--format', '')).toEqual(['text', 'json', 'github']);
    expect(complete('wep', 'report', 'attendance', '--by', '')).toEqual(['person', 'group', 'school']);
    expect(complete('wep', 'distribution', '--format', 'v')).toEqual(['vcard']);
    expect(complete('wep', 'completion', '--h')).toEqual(['--help']);
  });

  it('bash: an option value is not taken for a command word', () => {
    expect(complete('wep', 'quorum', '--body', 'notice', '--j')).toEqual(['--json']);
  });

  it('zsh: the same completion through bashcompinit', () => {
    const r = script('zsh');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#compdef wep\n/);
    expect(r.stdout).toContain('autoload -U +X bashcompinit && bashcompinit');
    expect(r.stdout).toContain(script('bash').stdout.split('\n').slice(1, -2).join('\n'));
  });

  it('fish: each command with its description, options under their command', () => {
    const r = script('fish');
    expect(r.code).toBe(0);
    for (const c of helpCommands()) expect(r.stdout).toMatch(new RegExp(`^complete -c wep -n '__fish_use_subcommand' -a '${c}' -d '`, 'm'));
    expect(r.stdout).toContain("complete -c wep -n '__fish_seen_subcommand_from check' -l format -x -a 'text json github' -d ");
    expect(r.stdout).toContain("complete -c wep -n '__fish_seen_subcommand_from meeting; and not __fish_seen_subcommand_from new' -a 'new' -d ");
  });

  it('an unknown shell is a usage error', () => {
    const r = wep(['completion', 'powershell'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });
});
