/**
 * Shell completion scripts for bash, zsh and fish, generated from commander's tree of the
 * commands cli.ts defines: a new command or option is completed without anyone editing a list.
 */
/** What the completion needs of a commander Command (either typing of it). */
export interface CommandLike {
  readonly options: readonly { short?: string; long?: string; description: string; required: boolean; optional: boolean; argChoices?: string[] }[];
  readonly commands: readonly CommandLike[];
  name(): string;
  description(): string;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface OptionSpec {
  short?: string;
  long?: string;
  description: string;
  /** Whether the option takes a value (`--body <id>`). */
  takesValue: boolean;
  choices?: readonly string[];
}

export interface CommandSpec {
  /** Words from the top: [] for wep itself, ['meeting', 'new'] for `wep meeting new`. */
  path: string[];
  description: string;
  options: OptionSpec[];
  subcommands: CommandSpec[];
}

/** The tree of commands and options, as plain data. */
export function commandTree(cmd: CommandLike, path: string[] = []): CommandSpec {
  const options: OptionSpec[] = cmd.options.map((o) => ({
    ...(o.short ? { short: o.short } : {}),
    ...(o.long ? { long: o.long } : {}),
    description: o.description,
    takesValue: o.required || o.optional,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
  }));
  options.push({ short: '-h', long: '--help', description: 'display help for command', takesValue: false });
  const subcommands = cmd.commands.filter((c) => c.name() !== 'help').map((c) => commandTree(c, [...path, c.name()]));
  return { path, description: cmd.description(), options, subcommands };
}

function flatten(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.subcommands.flatMap(flatten)];
}

const flagsOf = (o: OptionSpec) => [o.short, o.long].filter((f): f is string => Boolean(f));
const shellWord = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The bash completion function, also used by zsh through bashcompinit. */
function bashFunction(root: CommandSpec): string {
  const all = flatten(root);
  const key = (path: string[]) => path.join(' ');
  const L: string[] = [
    '_wep() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" path="" i w',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    w="${COMP_WORDS[i]}"',
    '    case "$w" in -*) continue ;; esac',
    '    # the value of an option that takes one is not a command word',
    '    case "$path|${COMP_WORDS[i-1]}" in',
  ];
  const valued = all.flatMap((c) => [...c.options, ...(c.path.length ? root.options : [])].filter((o) => o.takesValue).flatMap((o) => flagsOf(o).map((f) => `${key(c.path)}|${f}`)));
  if (valued.length) L.push(`      ${[...new Set(valued)].map(shellWord).join('|')}) continue ;;`);
  L.push('    esac', '    case "$path|$w" in');
  for (const c of all) for (const s of c.subcommands) L.push(`      ${shellWord(`${key(c.path)}|${s.path[s.path.length - 1]}`)}) path=${shellWord(key(s.path))} ;;`);
  L.push('    esac', '  done', '  case "$path|$prev" in');
  for (const c of all) {
    for (const o of [...c.options, ...(c.path.length ? root.options : [])].filter((x) => x.takesValue)) {
      const pats = flagsOf(o).map((f) => shellWord(`${key(c.path)}|${f}`)).join('|');
      L.push(o.choices ? `    ${pats}) COMPREPLY=($(compgen -W ${shellWord(o.choices.join(' '))} -- "$cur")); return ;;` : `    ${pats}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`);
    }
  }
  L.push('  esac', '  local words=""', '  case "$path" in');
  for (const c of all) {
    const words = [...c.subcommands.map((s) => s.path[s.path.length - 1]!), ...c.options.flatMap(flagsOf), ...(c.path.length ? root.options.flatMap(flagsOf) : [])];
    L.push(`    ${shellWord(key(c.path))}) words=${shellWord([...new Set(words)].join(' '))} ;;`);
  }
  L.push('  esac', '  COMPREPLY=($(compgen -W "$words" -- "$cur"))', '}');
  return L.join('\n');
}

function fish(root: CommandSpec): string {
  const L: string[] = ['# wep completion for fish. Install: wep completion fish > ~/.config/fish/completions/wep.fish', 'complete -c wep -f'];
  const all = flatten(root);
  const names = all.filter((c) => c.path.length > 0).map((c) => c.path[c.path.length - 1]!);
  // a command's condition: its own word seen and none of its subcommands' yet
  const condition = (c: CommandSpec) => {
    if (c.path.length === 0) return '__fish_use_subcommand';
    const subs = c.subcommands.map((s) => s.path[s.path.length - 1]!);
    return `__fish_seen_subcommand_from ${c.path[c.path.length - 1]}${subs.length ? `; and not __fish_seen_subcommand_from ${subs.join(' ')}` : ''}`;
  };
  for (const c of all) {
    for (const s of c.subcommands) L.push(`complete -c wep -n ${shellWord(condition(c))} -a ${shellWord(s.path[s.path.length - 1]!)} -d ${shellWord(s.description)}`);
    const opts = [...c.options, ...(c.path.length ? [] : [])];
    for (const o of opts) {
      const parts = ['complete -c wep'];
      if (c.path.length === 0) parts.push(`-n ${shellWord(`not __fish_seen_subcommand_from ${names.join(' ')}`)}`);
      else parts.push(`-n ${shellWord(condition(c))}`);
      if (o.short) parts.push(`-s ${o.short.slice(1)}`);
      if (o.long) parts.push(`-l ${o.long.slice(2)}`);
      if (o.takesValue) parts.push(o.choices ? `-x -a ${shellWord(o.choices.join(' '))}` : '-r -F');
      parts.push(`-d ${shellWord(o.description)}`);
      L.push(parts.join(' '));
    }
  }
  return `${L.join('\n')}\n`;
}

/** The completion script for a shell. */
export function renderCompletion(root: CommandSpec, shell: Shell): string {
  switch (shell) {
    case 'bash':
      return `# wep completion for bash. Install: wep completion bash > ~/.local/share/bash-completion/completions/wep\n${bashFunction(root)}\ncomplete -o default -F _wep wep\n`;
    case 'zsh':
      return `#compdef wep\n# wep completion for zsh. Install: wep completion zsh > "\${fpath[1]}/_wep" (or: source <(wep completion zsh))\nautoload -U +X bashcompinit && bashcompinit\n${bashFunction(root)}\ncomplete -o default -F _wep wep\n`;
    case 'fish':
      return fish(root);
  }
}
