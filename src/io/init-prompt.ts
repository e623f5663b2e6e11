/**
 * The questions `wep init` asks on a terminal. Every answer is checked as it is given (the
 * prompt shows why an answer cannot be used and asks again), a summary is shown at the end,
 * and nothing is written unless the clerk confirms. @inquirer/prompts is loaded only here.
 */
import { NATIONS, type Nation } from '../core/calendar.js';
import { describeMinutesRule, describeNoticeRule, MINUTES_KINDS, NOTICE_KINDS, type MinutesRule, type NoticeRule } from '../core/deadlines.js';
import type { QuorumRule } from '../core/partnership-schema.js';
import {
  describeQuorumRule,
  normaliseFraction,
  PRESETS,
  slugify,
  summariseAnswers,
  uniqueId,
  whyNotCount,
  whyNotDays,
  whyNotEmail,
  whyNotFraction,
  whyNotName,
  whyNotSeats,
  whyNotShort,
  type GroupAnswer,
  type InitAnswers,
} from '../core/presets.js';
import type { Output } from '../report/output.js';
import type { PresetFacts } from './init-repo.js';

/** Turns a `whyNot*` check into what the prompts expect: true, or the message to show. */
const check = (why: (v: string) => string | undefined) => (v: string) => why(v) ?? true;

/** What the flags already said: the prompts start from these. */
export type PromptDefaults = Pick<InitAnswers, 'preset' | 'name' | 'short' | 'clerkName' | 'clerkEmail' | 'nation'>;

/**
 * Asks everything `wep init` needs. `loadFacts` reads the chosen preset; `target` is the folder
 * shown in the final question. Returns undefined when the clerk does not confirm.
 */
export async function promptInit(
  out: Pick<Output, 'out' | 'c'>,
  defaults: PromptDefaults,
  loadFacts: (preset: string) => Promise<PresetFacts>,
  target: string,
): Promise<InitAnswers | undefined> {
  const { input, select, confirm } = await import('@inquirer/prompts');
  const c = out.c;

  const preset = await select({
    message: 'Start from which preset?',
    choices: PRESETS.map((p) => ({ value: p.name, name: `${p.name}: ${p.title}`, description: p.summary })),
    default: defaults.preset,
  });
  const facts = await loadFacts(preset);
  const answers: InitAnswers = { preset };

  answers.name = await input({ message: 'Partnership name', default: defaults.name ?? facts.name, validate: check(whyNotName) });
  answers.short = await input({ message: 'Short name', default: defaults.short ?? facts.short, validate: check(whyNotShort) });
  answers.clerkName = await input({ message: "Clerk's name", default: defaults.clerkName ?? facts.clerkName, validate: check(whyNotName) });
  answers.clerkEmail = await input({ message: "Clerk's email", default: defaults.clerkEmail ?? facts.clerkEmail, validate: check(whyNotEmail) });
  answers.nation = await select<Nation>({
    message: 'Whose bank holidays?',
    choices: NATIONS.map((n) => ({ value: n, name: n })),
    default: defaults.nation ?? (facts.nation as Nation),
  });

  // Partner groups and their seats.
  out.out(c.dim(`  Partner groups in the preset: ${facts.groups.map((g) => `${g.name} ${g.seats}`).join(', ')}`));
  if (await confirm({ message: 'Change the number of seats of any group?', default: false })) {
    const seats: Record<string, number> = {};
    for (const g of facts.groups) {
      const v = await input({ message: `Seats for ${g.name}`, default: String(g.seats), validate: check((s) => whyNotSeats(s, g.held)) });
      if (Number(v) !== g.seats) seats[g.id] = Number(v);
    }
    if (Object.keys(seats).length) answers.seats = seats;
  }
  const newGroups: GroupAnswer[] = [];
  const taken = new Set(facts.groups.map((g) => g.id));
  while (await confirm({ message: newGroups.length ? 'Add another partner group?' : 'Add a partner group?', default: false })) {
    const name = await input({ message: 'Name of the group', validate: check(whyNotName) });
    const seats = await input({ message: `Seats for ${name.trim()}`, default: '1', validate: check((s) => whyNotSeats(s)) });
    const id = uniqueId(slugify(name), taken);
    taken.add(id);
    newGroups.push({ id, name: name.trim(), seats: Number(seats) });
  }
  if (newGroups.length) answers.newGroups = newGroups;

  // The main body's rules.
  const body = facts.body;
  out.out(c.dim(`  Rules of ${body.name}: notice ${describeNoticeRule(body.notice as NoticeRule)}; minutes ${describeMinutesRule(body.minutes as MinutesRule)}`));
  const noticeKind = await select({
    message: `Notice for ${body.name}: how are days counted?`,
    choices: NOTICE_KINDS.map((k) => ({ value: k, name: k, description: describeNoticeRule({ kind: k, days: 7 }).replace('7', 'N') })),
    default: body.notice.kind as NoticeRule['kind'],
  });
  const noticeDays = await input({ message: `Notice: how many ${noticeKind.replace('-', ' ')}?`, default: String(body.notice.days), validate: check((v) => whyNotDays(v, 0)) });
  answers.notice = { kind: noticeKind, days: Number(noticeDays) };
  const minutesKind = await select({
    message: `Minutes for ${body.name}: how are days counted?`,
    choices: MINUTES_KINDS.map((k) => ({ value: k, name: k })),
    default: body.minutes.kind as MinutesRule['kind'],
  });
  const minutesDays = await input({ message: `Minutes go to members within how many ${minutesKind.replace('-', ' ')}?`, default: String(body.minutes.days), validate: check((v) => whyNotDays(v, 1)) });
  answers.minutes = { kind: minutesKind, days: Number(minutesDays) };

  const kept = body.quorum?.length ? body.quorum.map(describeQuorumRule).join('; and ') : 'no quorum rule';
  const quorumKind = await select({
    message: `Quorum for ${body.name}`,
    choices: [
      { value: 'keep', name: `keep the preset's: ${kept}` },
      { value: 'count', name: 'at least N voting members' },
      { value: 'fraction-seats', name: 'a fraction of all seats (e.g. two fifths)' },
      { value: 'fraction-filled', name: 'a fraction of members in post, rounded up (governing bodies: one half)' },
      { value: 'per-group', name: 'at least N from each of some partner groups' },
    ] as const,
    default: 'keep',
  });
  const seatsOnBody = body.totalSeats;
  if (quorumKind === 'count') {
    const min = await input({ message: 'At least how many voting members?', validate: check((v) => whyNotCount(v, seatsOnBody)) });
    answers.quorum = [{ kind: 'count', min: Number(min) }];
  } else if (quorumKind === 'fraction-seats' || quorumKind === 'fraction-filled') {
    const fraction = await input({ message: 'Which fraction? (e.g. 1/2, 2/5)', default: quorumKind === 'fraction-filled' ? '1/2' : '1/3', validate: check(whyNotFraction) });
    const floor = await input({ message: 'Never fewer than (blank for no floor)', default: '', validate: check((v) => (v.trim() === '' ? undefined : whyNotCount(v, seatsOnBody))) });
    const rule: QuorumRule = { kind: 'fraction', of: quorumKind === 'fraction-seats' ? 'seats' : 'filled-seats', fraction: normaliseFraction(fraction), round: 'up' };
    if (floor.trim() !== '') rule.neverFewerThan = Number(floor);
    answers.quorum = [rule];
  } else if (quorumKind === 'per-group') {
    const { checkbox } = await import('@inquirer/prompts');
    const onBody = facts.groups.filter((g) => body.groupIds.includes(g.id));
    const groups = await checkbox({
      message: 'From which groups?',
      choices: onBody.map((g) => ({ value: g.id, name: `${g.name} (${answers.seats?.[g.id] ?? g.seats} seats)` })),
      validate: (picked) => (picked.length ? true : 'pick at least one group (space to select)'),
    });
    const fewest = Math.min(...groups.map((id) => answers.seats?.[id] ?? onBody.find((g) => g.id === id)!.seats));
    const min = await input({ message: 'At least how many from each?', default: String(Math.min(2, fewest)), validate: check((v) => whyNotCount(v, fewest)) });
    answers.quorum = [{ kind: 'per-group', groups, min: Number(min) }];
  }

  out.out('');
  out.out(c.bold('wep init will write:'));
  const rows = summariseAnswers(answers, { ...facts, bodyName: body.name });
  if (!answers.quorum) rows.push([`Quorum (${body.name})`, `${kept} (as in the preset)`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) out.out(`  ${k.padEnd(width)}  ${v}`);
  out.out('');
  const ok = await confirm({ message: `Create the records repo in ${target}?`, default: true });
  return ok ? answers : undefined;
}
