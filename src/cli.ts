/**
 * The whole command surface of wep in one file: every command, its options and examples.
 * Each action lazy-imports its command module, so a command only loads what it uses. The one
 * top-level catch turns typed errors into messages and exit codes.
 */
import { Argument, Command, Option } from '@commander-js/extra-typings';
import { CommanderError } from 'commander';
import type { CommandContext, CommandResult } from './commands/context.js';
import { CancelledError, DiagnosticsError, EXIT, WepError } from './core/errors.js';
import { today } from './io/clock.js';
import { renderDiagnostics } from './report/diagnostics.js';
import { emitResult } from './report/emit.js';
import { isTerminal, loadColor, makeOutput, useAnyColor, writeStderr, writeStdout, type Output } from './report/output.js';

declare const __WEP_VERSION__: string;

/** A command module: `run` takes the context and the command's own options type. */
type CommandModule<O> = { run(ctx: CommandContext, opts: O): Promise<CommandResult> };

/**
 * Type-checks the boundary: the options commander parses (inferred from the declarations
 * below) must have exactly the names of the command's options type. A renamed or missing
 * option is a compile error here, not an `undefined` in the command.
 */
type SameNames<Parsed, Wanted> = [Exclude<keyof Parsed, keyof Wanted>, Exclude<keyof Wanted, keyof Parsed>] extends [never, never]
  ? unknown
  : { 'option names differ: only in cli.ts / only in the command': [Exclude<keyof Parsed, keyof Wanted>, Exclude<keyof Wanted, keyof Parsed>] };

interface Globals {
  file?: string;
  color: boolean;
}

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

function program(only?: string) {
  const cli = new Command('wep')
    .description("The clerk's tool for an education partnership: notices, deadlines, quorum, minutes and registers from plain files in git.")
    .version(typeof __WEP_VERSION__ === 'string' ? __WEP_VERSION__ : 'dev', '-V, --version', 'print the version')
    .option('-f, --file <path>', 'partnership file (default: partnership.yaml here or in a parent folder; env WEP_FILE)')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .exitOverride()
    .configureOutput({ writeOut: writeStdout, writeErr: writeStderr })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `\nExit codes: 0 ok, 1 problems found, 2 bad input or usage, 3 not quorate.\n${examples('wep check', 'wep deadlines 2026-12-10', 'wep notice', 'wep quorum --present ph-ahmed,ph-brown,sh-clarke')}`,
    );

  const exec = <Parsed extends Wanted, Wanted>(load: () => Promise<CommandModule<Wanted>>, opts: Parsed & SameNames<Parsed, Wanted>) => runCommand(load, opts, cli.opts());
  // One entry per top-level command. Only the command being run is defined (start-up time
  // is a feature); --help and mistakes define them all.
  const defs: Record<string, () => void> = {
    check: () => {
      cli
        .command('check')
        .description('validate the partnership file and the meeting records; silent when clean')
        .argument('[checks...]', 'run only these named checks (and the basic ones); see --list')
        .option('--list', 'list the named checks and their tiers')
        .option('--strict', 'treat warnings as errors')
        .addOption(new Option('--format <format>', 'output format; github: annotations for GitHub Actions').choices(['text', 'json', 'github'] as const).default('text' as const))
        .option('--json', 'print problems as JSON (as --format json)')
        .option('-q, --quiet', 'errors only, no warnings')
        .addHelpText('after', examples('wep check', 'wep check references meetings', 'wep check --strict', 'wep check --format github', 'wep check --list', 'wep --file examples/portsmouth.yaml check'))
        .action((names, opts) => exec(() => import('./commands/check.js'), { ...opts, names }));
    },
    members: () => {
      cli
        .command('members')
        .description('who sits where: seats, vacancies, roles, votes, proxies and terms, group by group')
        .option('-b, --body <id>', 'only the members of this body')
        .option('--on <date>', 'membership on this day (YYYY-MM-DD); default today')
        .option('--former', 'also list former members, with the places they held')
        .option('--json', 'print people as JSON')
        .addHelpText('after', examples('wep members', 'wep members --body operational-group', 'wep members --on 2027-09-01 --former', 'wep members --json'))
        .action((opts) => exec(() => import('./commands/members.js'), opts));
    },
    deadlines: () => {
      cli
        .command('deadlines')
        .description('notice and minutes deadlines for a meeting date, with the working shown')
        .argument('<date>', 'meeting date, YYYY-MM-DD')
        .option('-b, --body <id>', 'body whose rules apply (default: partnership, or the first body)')
        .option('--json', 'print the deadlines as JSON')
        .addHelpText('after', examples('wep deadlines 2026-12-10', 'wep deadlines 2027-01-07 --body operational-group', 'wep deadlines 2026-12-10 --json'))
        .action((date, opts) => exec(() => import('./commands/deadlines.js'), { ...opts, date }));
    },
    meeting: () => {
      const meeting = cli.command('meeting').description('meeting records: create a meeting');
      meeting
        .command('new')
        .description('create meetings/<date>-<body>/meeting.yaml with the standard agenda, and show its deadlines')
        .argument('<date>', 'meeting date, YYYY-MM-DD')
        .option('-b, --body <id>', 'body that meets (default: partnership, or the first body)')
        .option('--time <HH:MM>', 'start time (default: the body\'s usual time)')
        .option('--end <HH:MM>', 'expected end time')
        .option('--venue <text>', 'venue name (default: the body\'s usual venue)')
        .option('--requested-by <id>', 'member at whose request the meeting is called')
        .option('--joint-with <ids>', 'other bodies meeting jointly with this one (comma-separated): one notice to all, quorum per body', idList)
        .option('--commit', 'commit the new meeting.yaml to git')
        .option('--json', 'print the new meeting and its deadlines as JSON')
        .addHelpText('after', examples('wep meeting new 2027-02-04', 'wep meeting new 2027-02-11 --body operational-group --time 09:30 --end 11:00', 'wep meeting new 2027-03-04 --requested-by sh-clarke --venue "Oakwood Primary, hall"'))
        .action((date, opts) => exec(() => import('./commands/meeting-new.js'), { ...opts, date }));
    },
    meetings: () => {
      cli
        .command('meetings')
        .description('list meetings with their state: notice due or sent, held, minutes due, circulated, approved')
        .option('-b, --body <id>', 'only meetings of this body (joint meetings included)')
        .option('--json', 'print meetings as JSON')
        .addHelpText('after', examples('wep meetings', 'wep meetings --body operational-group', 'wep meetings --json'))
        .action((opts) => exec(() => import('./commands/meetings.js'), opts));
    },
    agenda: () => {
      cli
        .command('agenda')
        .description('render the agenda of a meeting (default: the next upcoming meeting)')
        .option('-m, --meeting <id>', 'meeting id, e.g. 2026-12-10-partnership')
        .option('--json', 'print the agenda as JSON')
        .addHelpText('after', examples('wep agenda', 'wep agenda --meeting 2026-12-10-partnership'))
        .action((opts) => exec(() => import('./commands/agenda.js'), opts));
    },
    notice: () => {
      cli
        .command('notice')
        .description('write notice.md, notice.html and invite.ics for a meeting, checked against the notice deadline')
        .option('-m, --meeting <id>', 'meeting id (default: the next upcoming meeting)')
        .option('--sent [date]', 'record in meeting.yaml that the notice was sent (today, or YYYY-MM-DD)')
        .option('--short-notice-agreed <reason>', 'record that shorter notice was agreed, and why')
        .option('--docx', 'also write notice.docx (Word)')
        .option('--force', 'overwrite generated files even if edited by hand (a backup is kept)')
        .option('--commit', 'commit the files written to git')
        .option('--json', 'print what was written as JSON')
        .addHelpText('after', examples('wep notice', 'wep notice --meeting 2026-12-10-partnership', 'wep notice --sent', 'wep notice --sent 2026-11-30 --commit', 'wep notice --short-notice-agreed "urgent budget decision; agreed by the chair"'))
        .action((opts) => exec(() => import('./commands/notice.js'), opts));
    },
    pack: () => {
      cli
        .command('pack')
        .description('write agenda-pack.pdf: the notice and agenda, then every paper, page-numbered, with bookmarks')
        .option('-m, --meeting <id>', 'meeting id (default: the next upcoming meeting)')
        .option('--supplement', 'only the papers added or changed since the notice was sent')
        .option('--force', 'overwrite a pack edited since wep wrote it (a backup is kept)')
        .option('--commit', 'commit the packs written to git')
        .option('--json', 'print what was written as JSON')
        .addHelpText('after', examples('wep pack', 'wep pack --meeting 2026-12-10-partnership', 'wep pack --supplement --commit'))
        .action((opts) => exec(() => import('./commands/pack.js'), opts));
    },
    send: () => {
      cli
        .command('send')
        .description('email the notice (or the minutes): one message per recipient, the invitation and the pack; recorded in meeting.yaml')
        .option('-m, --meeting <id>', 'meeting id (default: the next upcoming meeting; with --minutes, the latest held)')
        .option('--minutes', 'circulate the minutes instead of the notice')
        .option('-y, --yes', 'send without asking (for scripts)')
        .option('--dry-run', 'only show who would get what')
        .option('--eml <dir>', 'write the messages as .eml drafts in this folder instead of sending')
        .option('--bcc', 'one message with the recipients in Bcc, instead of one each')
        .option('--json', 'print who was (or would be) sent what as JSON; needs --yes, --dry-run or --eml')
        .addHelpText('after', examples('wep send --dry-run', 'wep send --meeting 2026-12-10-partnership', 'wep send --yes', 'wep send --eml drafts', 'wep send --minutes --meeting 2026-10-08-partnership', 'wep send --dry-run --json', 'WEP_SMTP_URL=smtp://127.0.0.1:2525 wep send --yes'))
        .action((opts) => exec(() => import('./commands/send.js'), opts));
    },
    distribution: () => {
      cli
        .command('distribution')
        .description('email distribution: a named list, or the notice recipients of a meeting')
        .argument('[list]', 'list id from the partnership file (omit to show all lists)')
        .option('-m, --meeting <id>', 'recipients of this meeting\'s notice')
        .addOption(new Option('--format <format>', 'output format').choices(['emails', 'csv', 'vcard', 'json']).default('emails'))
        .option('--json', 'the same as --format json')
        .addHelpText('after', examples('wep distribution', 'wep distribution members', 'wep distribution --meeting 2026-12-10-partnership', 'wep distribution school-leaders --format csv'))
        .action((list, opts) => exec(() => import('./commands/distribution.js'), { ...opts, list }));
    },
    calendar: () => {
      cli
        .command('calendar')
        .description('an iCalendar file of all meetings, with notice and minutes deadlines as all-day reminders')
        .option('-o, --out <file>', 'write to this file instead of standard output')
        .addHelpText('after', examples('wep calendar --out wep.ics', 'wep calendar > meetings.ics'))
        .action((opts) => exec(() => import('./commands/calendar.js'), opts));
    },
    attendance: () => {
      cli
        .command('attendance')
        .description('record attendance: interactive on a terminal, or with flags; shows the quorum as it goes')
        .option('-m, --meeting <id>', 'meeting id (default: the next upcoming meeting)')
        .option('--present <ids>', 'people present (comma-separated ids)', idList)
        .option('--apologies <ids>', 'members who sent apologies', idList)
        .option('--proxy <proxy=member>', 'a proxy standing in for a member (repeatable)', repeat)
        .option('--substitute <person=member>', "someone the member's group sent on the day (repeatable)", repeat)
        .option('--observer <ids>', 'observers or invitees present', idList)
        .option('--arrived-at <id=item>', 'late arrival, present from agenda item N (repeatable)', repeat)
        .option('--left-at <id=item>', 'early departure, absent from agenda item N (repeatable)', repeat)
        .option('--interest <id=item>', 'declared an interest and withdrew for item N (repeatable)', repeat)
        .option('--commit', 'commit meeting.yaml to git')
        .option('--json', 'print the quorum result as JSON')
        .addHelpText('after', examples('wep attendance', 'wep attendance --apologies sh-evans,ph-chen', 'wep attendance --present chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones --proxy px-evans=sh-evans', 'wep attendance --left-at sh-clarke=6 --interest sf-jones=5'))
        .action((opts) => exec(() => import('./commands/attendance.js'), opts));
    },
    quorum: () => {
      cli
        .command('quorum')
        .description('is the meeting quorate? per rule: required, counted, short by, and who could fix it')
        .option('-m, --meeting <id>', 'meeting id (default: the next upcoming meeting, else the latest)')
        .option('--item <n>', 'at agenda item N (late arrivals, departures, withdrawals)')
        .option('--present <ids>', 'hypothetical attendance: ids of members or proxies present', idList)
        .option('-b, --body <id>', 'body, with --present (default: partnership, or the first body)')
        .option('--json', 'print the result as JSON')
        .addHelpText('after', examples('wep quorum', 'wep quorum --item 6', 'wep quorum --present ph-ahmed,ph-brown,sh-clarke,px-evans,sf-iqbal,sf-jones', 'wep quorum --present op-baker,op-cole --body operational-group --json'))
        .action((opts) => exec(() => import('./commands/quorum.js'), opts));
    },
    minutes: () => {
      cli
        .command('minutes')
        .description('write minutes.md pre-filled from the records; record circulation, approval and signature')
        .option('-m, --meeting <id>', 'meeting id (default: the latest held meeting)')
        .option('--circulated [date]', 'record that the minutes were circulated (today, or YYYY-MM-DD)')
        .option('--approved-at <meeting>', 'record that the minutes were approved at that meeting')
        .option('--reason <text>', 'with --circulated, when they went out before: why they are circulated again')
        .option('--amendment <text>', 'with --approved-at: an amendment the meeting made (repeatable)', repeat)
        .option('--signed [date]', 'record that the chair signed the minutes')
        .option('--docx', 'also write minutes.docx (Word)')
        .option('--force', 'overwrite minutes.md even if edited (a backup is kept)')
        .option('--commit', 'commit the files written to git')
        .option('--json', 'print what was written or recorded as JSON')
        .addHelpText('after', examples('wep minutes', 'wep minutes --circulated', 'wep minutes --circulated 2026-12-18 --reason "item 5 decision corrected"', 'wep minutes --meeting 2026-12-10-partnership --approved-at 2027-02-04-partnership --commit', 'wep minutes --meeting 2026-12-10-partnership --approved-at 2027-02-04-partnership --amendment "item 6: Li Chen sent apologies"'))
        .action((opts) => exec(() => import('./commands/minutes.js'), opts));
    },
    actions: () => {
      const actions = cli
        .command('actions')
        .description('the action log across all meetings')
        .option('--open', 'only open actions')
        .option('--overdue', 'only overdue actions')
        .option('--owner <id>', 'only actions owned by this person')
        .option('--json', 'print actions as JSON')
        .addHelpText('after', examples('wep actions --open', 'wep actions --overdue --owner la-morgan', 'wep actions done 2026-12-10-partnership/a1'))
        .action((opts) => exec(() => import('./commands/actions.js'), opts));
      actions
        .command('done')
        .description('close an action, recording when and at which meeting')
        .argument('<id>', 'action id: <meeting>/<action>, e.g. 2026-12-10-partnership/a1')
        .option('--date <date>', 'date closed (default: today)')
        .option('-m, --meeting <id>', 'meeting at which it was closed')
        .option('--note <text>', 'how it was done')
        .option('--commit', 'commit meeting.yaml to git')
        .option('--json', 'print the closed action as JSON')
        .action((id, opts) => exec(() => import('./commands/actions-done.js'), { ...opts, id }));
    },
    decisions: () => {
      const decisions = cli
        .command('decisions')
        .description('the decisions register across meetings, with quorum at the time, votes and confirmations')
        .option('-b, --body <id>', 'only decisions of this body (joint meetings included), with its quorum')
        .option('--json', 'print decisions as JSON')
        .addHelpText('after', examples('wep decisions', 'wep decisions --body operational-group', 'wep decisions --json', 'wep decisions confirm 2026-10-08-partnership/d1 --at 2026-12-10-partnership --item 4'))
        .action((opts) => exec(() => import('./commands/decisions.js'), opts));
      decisions
        .command('confirm')
        .description('record that a later quorate meeting confirmed a decision taken while not quorate')
        .argument('<ref>', 'decision: <meeting>/<decision>, e.g. 2026-10-08-partnership/d1')
        .requiredOption('--at <meeting>', 'the later meeting that confirmed it')
        .option('--item <n>', 'the item of that meeting at which it was confirmed (default: the start)')
        .option('--commit', 'commit meeting.yaml to git')
        .option('--json', 'print the confirmation as JSON')
        .action((ref, opts) => exec(() => import('./commands/decisions-confirm.js'), { ...opts, ref }));
    },
    history: () => {
      cli
        .command('history')
        .description('the audit trail from git: when each record was written, sent, circulated, amended, approved and signed')
        .option('-m, --meeting <id>', 'one meeting, with the changes between its circulated and approved minutes')
        .option('--json', 'print the history as JSON')
        .addHelpText('after', examples('wep history', 'wep history --meeting 2026-10-08-partnership', 'wep history --json'))
        .action((opts) => exec(() => import('./commands/history.js'), opts));
    },
    report: () => {
      const report = cli.command('report').description('registers ready to publish');
      report
        .command('attendance')
        .description('attendance per member, group or school: present, by proxy, apologies, absent; the schools not represented')
        .option('--year <yyyy>', 'calendar year YYYY')
        .option('--from <date>', 'from this date (YYYY-MM-DD)')
        .option('--to <date>', 'to this date (YYYY-MM-DD)')
        .option('-b, --body <id>', 'only meetings of this body (joint meetings included), counting its members')
        .option('-m, --meeting <id>', 'only this meeting')
        .addOption(new Option('--by <by>', 'one row per (default: person)').choices(['person', 'group', 'school']))
        .option('--not-represented', 'only the schools not represented, and where (implies --by school)')
        .addOption(new Option('--format <format>', 'output format').choices(['md', 'csv', 'json']).default('md'))
        .option('--json', 'the same as --format json')
        .addHelpText('after', examples('wep report attendance --year 2026', 'wep report attendance --by group --format csv', 'wep report attendance --from 2026-09-01 --to 2027-08-31 --format json', 'wep report attendance --meeting 2027-02-04-cluster-dunstable --not-represented', 'wep report attendance --year 2027 --by school --body cluster-dunstable'))
        .action((opts) => exec(() => import('./commands/report-attendance.js'), opts));
      report
        .command('annual')
        .description('the annual report for Overview and Scrutiny: meetings, quorum, deadlines, attendance, decisions, actions')
        .requiredOption('--year <yyyy-yy>', 'school year, e.g. 2026-27 (1 September to 31 August)')
        .option('-b, --body <id>', 'only this body (default: every body)')
        .addOption(new Option('--format <format>', 'output format (docx and pdf need --out)').choices(['md', 'html', 'docx', 'pdf']).default('md'))
        .option('-o, --out <file>', 'write to this file instead of standard output')
        .option('--force', 'overwrite a Word or PDF report edited since wep wrote it (keeping it as .bak)')
        .addHelpText('after', examples('wep report annual --year 2026-27', 'wep report annual --year 2026-27 --body partnership --format html --out annual-2026-27.html', 'wep report annual --year 2026-27 --format pdf --out reports/annual-2026-27.pdf'))
        .action((opts) => exec(() => import('./commands/report-annual.js'), opts));
    },
    schools: () => {
      const schools = cli.command('schools').description('the schools register: import it from Get Information about Schools');
      schools
        .command('import')
        .description('add and update the schools register from a GIAS establishments CSV, keeping your edits')
        .argument('<file>', 'CSV downloaded from Get Information about Schools (Windows-1252)')
        .option('--la <name>', 'local authority to import, as the "LA (name)" column writes it (needed when the file has several)')
        .option('--dry-run', 'show what would be added, changed and closed; write nothing')
        .option('--commit', 'commit partnership.yaml and gias-import.json to git')
        .option('--json', 'print the plan as JSON')
        .addHelpText('after', examples('wep schools import edubasealldata.csv --la "Central Bedfordshire" --dry-run', 'wep schools import edubasealldata.csv --la "Central Bedfordshire" --commit', 'wep schools import thurrock-schools.csv --json'))
        .action((file, opts) => exec(() => import('./commands/schools-import.js'), { ...opts, file }));
    },
    status: () => {
      cli
        .command('status')
        .description('what needs doing, most urgent first: the morning check')
        .option('--json', 'print the status as JSON')
        .addHelpText('after', examples('wep status', 'wep status --json'))
        .action((opts) => exec(() => import('./commands/status.js'), opts));
    },
    init: () => {
      cli
        .command('init')
        .description('start a records repo: partnership.yaml from a preset, meetings/, templates/, CI, git')
        .argument('[dir]', 'folder to create the records repo in', '.')
        .option('-p, --preset <name>', 'starting point: wokingham, portsmouth, central-bedfordshire, thurrock, peterborough, school-governing-body')
        .option('-y, --yes', 'no prompts: use the preset and the flags given')
        .option('--name <text>', 'partnership name')
        .option('--short <text>', 'short name')
        .option('--clerk-name <text>', 'clerk\'s name')
        .option('--clerk-email <email>', 'clerk\'s email')
        .option('--nation <nation>', 'bank holidays: england-and-wales, scotland or northern-ireland')
        .option('--no-git', 'do not run git init')
        .addHelpText('after', examples('wep init', 'wep init records --preset portsmouth --yes', 'wep init . --preset school-governing-body --yes --name "Oakwood Primary Governing Body" --short OPGB --clerk-name "A Clerk" --clerk-email clerk@example.org'))
        .action((dir, opts) => exec(() => import('./commands/init.js'), { ...opts, dir }));
    },
    schedule: () => {
      cli
        .command('schedule')
        .description('propose a year of meetings in term time, clear of holidays, closures and other meetings, with their deadlines')
        .requiredOption('-b, --body <id>', 'body that meets')
        .requiredOption('--from <date>', 'first possible date (YYYY-MM-DD)')
        .requiredOption('--to <date>', 'last possible date (YYYY-MM-DD)')
        .option('--every <interval>', 'term, half-term, month, or N-weeks (e.g. 6-weeks); default: the body\'s "meets:"')
        .option('--weekday <day>', 'day of the week, e.g. thu', 'thu')
        .option('--time <HH:MM>', 'start time (default: the body\'s usual time)')
        .option('--create', 'create the meeting folders')
        .option('--commit', 'with --create: commit them to git')
        .option('--json', 'print the schedule as JSON')
        .addHelpText('after', examples('wep schedule --body partnership --from 2027-09-01 --to 2028-07-31 --every half-term', 'wep schedule --body operational-group --from 2027-01-04 --to 2027-07-23 --every 4-weeks --weekday tue --create'))
        .action((opts) => exec(() => import('./commands/schedule.js'), opts));
    },
    completion: () => {
      cli
        .command('completion')
        .description('print a completion script for your shell, made from these commands and options')
        .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish'] as const))
        .addHelpText('after', examples('wep completion bash > ~/.local/share/bash-completion/completions/wep', 'wep completion zsh > "${fpath[1]}/_wep"', 'wep completion fish > ~/.config/fish/completions/wep.fish'))
        .action((shell, opts) => exec(() => import('./commands/completion.js'), { ...opts, shell, program: () => program() }));
    },
    publish: () => {
      cli
        .command('publish')
        .description('build a static website of the partnership\'s records for every school leader')
        .option('-o, --out <dir>', 'output folder', 'site')
        .option('--base-url <url>', 'absolute address the site is hosted at (for the calendar feed and links)')
        .option('--json', 'print what was published as JSON')
        .addHelpText('after', examples('wep publish', 'wep publish --out public --base-url https://wep.example.org/'))
        .action((opts) => exec(() => import('./commands/publish.js'), opts));
    },
  };
  if (only && only in defs) defs[only]!();
  else for (const define of Object.values(defs)) define();

  return cli;
}

async function runCommand<O>(load: () => Promise<CommandModule<O>>, opts: O, globals: Globals): Promise<void> {
  const color = globals.color !== false;
  if (useAnyColor({ color })) await loadColor();
  const out = makeOutput({ color });
  try {
    const ctx: CommandContext = {
      cwd: process.cwd(),
      env: process.env,
      today: today(),
      file: globals.file,
      // not process.stdin.isTTY: touching process.stdin sets up a stream for it, which loads
      // a good part of Node's fs and readline on every run
      interactive: isTerminal(0) && isTerminal(1),
      c: out.c,
      print: (line) => out.out(line),
    };
    const mod = await load();
    emitResult(await mod.run(ctx, opts), out);
  } catch (e) {
    process.exitCode = reportError(e, out);
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

/** The command word in the arguments: the first that is not an option or an option's value. */
export function commandName(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-f' || a === '--file') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

export async function main(argv: string[]): Promise<void> {
  const cli = program(commandName(argv.slice(2)));
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

void main(process.argv);
