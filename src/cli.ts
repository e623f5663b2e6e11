/**
 * The whole command surface of wep in one file: every command, its options and examples.
 * Each action lazy-imports its command module, so a command only loads what it uses. The one
 * top-level catch turns typed errors into messages and exit codes.
 */
import { Command, CommanderError, Option } from 'commander';
import type { CommandContext } from './commands/context.js';
import { CancelledError, DiagnosticsError, EXIT, WepError } from './core/errors.js';
import { renderDiagnostics } from './report/diagnostics.js';
import { makeOutput, type Output } from './report/output.js';

declare const __WEP_VERSION__: string;

type Opts = Record<string, unknown>;
type Loader = () => Promise<{ run(ctx: CommandContext, opts: any): Promise<number> }>;

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** Comma-separated ids: "a,b, c" -> ["a","b","c"]; repeatable options add up. */
const idList = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];
const repeat = (value: string, previous: string[] = []) => [...previous, value];

function program(): Command {
  const cli = new Command('wep')
    .description("The clerk's tool for an education partnership: notices, deadlines, quorum, minutes and registers from plain files in git.")
    .version(typeof __WEP_VERSION__ === 'string' ? __WEP_VERSION__ : 'dev', '-V, --version', 'print the version')
    .option('-f, --file <path>', 'partnership file (default: partnership.yaml here or in a parent folder; env WEP_FILE)')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `\nExit codes: 0 ok, 1 problems found, 2 bad input or usage, 3 not quorate.\n${examples('wep check', 'wep deadlines 2026-12-10', 'wep notice', 'wep quorum --present ph-ahmed,ph-brown,sh-clarke')}`,
    );

  const act = (load: Loader, map: (args: any[]) => Opts) =>
    async function (this: Command, ...args: any[]) {
      const cmd = args[args.length - 1] as Command;
      const opts = { ...map(args.slice(0, -2)), ...cmd.opts() };
      const code = await runCommand(load, opts, cmd.optsWithGlobals());
      process.exitCode = code;
    };
  const noArgs = () => ({});

  cli
    .command('check')
    .description('validate the partnership file and the meeting records; silent when clean')
    .option('--json', 'print problems as JSON')
    .option('-q, --quiet', 'errors only, no warnings')
    .addHelpText('after', examples('wep check', 'wep check --json', 'wep --file examples/portsmouth.yaml check'))
    .action(act(() => import('./commands/check.js'), noArgs));

  cli
    .command('members')
    .description('who sits where: seats, vacancies, roles, votes, proxies and terms, group by group')
    .option('-b, --body <id>', 'only the members of this body')
    .option('--json', 'print people as JSON')
    .addHelpText('after', examples('wep members', 'wep members --body operational-group', 'wep members --json'))
    .action(act(() => import('./commands/members.js'), noArgs));

  cli
    .command('deadlines')
    .description('notice and minutes deadlines for a meeting date, with the working shown')
    .argument('<date>', 'meeting date, YYYY-MM-DD')
    .option('-b, --body <id>', 'body whose rules apply (default: partnership, or the first body)')
    .option('--json', 'print the deadlines as JSON')
    .addHelpText('after', examples('wep deadlines 2026-12-10', 'wep deadlines 2027-01-07 --body operational-group', 'wep deadlines 2026-12-10 --json'))
    .action(act(() => import('./commands/deadlines.js'), ([date]) => ({ date })));

  return cli;
}

async function runCommand(load: Loader, opts: Opts, globals: Opts): Promise<number> {
  const out = makeOutput({ color: globals.color !== false });
  try {
    const { today } = await import('./io/clock.js');
    const ctx: CommandContext = {
      cwd: process.cwd(),
      env: process.env,
      today: today(),
      out,
      file: globals.file as string | undefined,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    };
    const mod = await load();
    return await mod.run(ctx, opts);
  } catch (e) {
    return reportError(e, out);
  }
}

function reportError(e: unknown, out: Output): number {
  if (e instanceof DiagnosticsError) {
    for (const line of renderDiagnostics(e.diagnostics, e.sources, out.c)) out.err(line);
    return e.exitCode;
  }
  if (e instanceof WepError) {
    out.err(`${out.c.red.bold('wep: error:')} ${e.message}`);
    if (e.hint) out.err(`  ${out.c.cyan('fix:')} ${e.hint}`);
    return e.exitCode;
  }
  if (e instanceof CancelledError || (e instanceof Error && e.name === 'ExitPromptError')) {
    out.err('cancelled: nothing was changed');
    return 130;
  }
  if (process.env.WEP_DEBUG) out.err(e instanceof Error ? (e.stack ?? String(e)) : String(e));
  out.err(`${out.c.red.bold('wep: internal error:')} ${e instanceof Error ? e.message : String(e)}`);
  out.err('  This is a bug in wep, not in your records. Please report it with the command you ran;');
  out.err('  run it again with WEP_DEBUG=1 to see the details.');
  return EXIT.internal;
}

export async function main(argv: string[]): Promise<void> {
  const cli = program();
  try {
    await cli.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      const ok = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      process.exitCode = ok ? EXIT.ok : EXIT.badInput;
      return;
    }
    process.exitCode = reportError(e, makeOutput());
  }
}

// Ctrl-C outside a prompt: stop at once, with the conventional code.
process.on('SIGINT', () => process.exit(130));

await main(process.argv);
