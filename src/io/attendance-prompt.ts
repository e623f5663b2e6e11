/**
 * `wep attendance` on a terminal: a checklist of the body's people grouped by partner group,
 * with the quorum verdict live under it, then apologies, observers, late arrivals and early
 * departures, and declarations of interest. Loaded only on this path (it pulls in the prompts).
 * Nothing is written here: the command writes the answer, so Ctrl-C leaves the file unchanged.
 */
import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePagination, usePrefix, useState } from '@inquirer/core';
import { attendanceFromChecklist, normaliseAttendance } from '../core/attendance.js';
import type { Attendance, MeetingFile } from '../core/meeting-schema.js';
import { isProxy, type Model, type ResolvedBody, type ResolvedPerson } from '../core/model.js';
import { terminalText as shownText } from '../report/output.js';
import { refuseClaim } from '../core/stand-ins.js';

/** A checklist row: a heading (a partner group) or a person who can be ticked. */
export type ChecklistItem = { heading: string } | { value: string; label: string; indent?: boolean };

export interface ChecklistConfig {
  message: string;
  items: ChecklistItem[];
  /** Ticked at the start. */
  selected?: string[];
  /** A line shown under the list, recomputed on every change (the live quorum verdict). */
  status?: (selected: string[]) => string;
  pageSize?: number;
}

const isRow = (it: ChecklistItem): it is { value: string; label: string; indent?: boolean } => 'value' in it;

/**
 * A checkbox list whose ticks are a set of ids: rows with the same id (a proxy shared by two
 * members) tick together, and a status line follows every change.
 */
export const checklist = createPrompt<string[], ChecklistConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const rows = config.items.map((it, i) => (isRow(it) ? i : -1)).filter((i) => i >= 0);
  const [active, setActive] = useState(rows[0] ?? 0);
  const [selected, setSelected] = useState<string[]>(config.selected ?? []);

  useKeypress((key) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      setStatus('done');
      done(selected);
    } else if (isUpKey(key) || isDownKey(key)) {
      const at = rows.indexOf(active);
      const next = isUpKey(key) ? (at - 1 + rows.length) % rows.length : (at + 1) % rows.length;
      setActive(rows[next]!);
    } else if (isSpaceKey(key)) {
      const it = config.items[active];
      if (it && isRow(it)) setSelected(selected.includes(it.value) ? selected.filter((v) => v !== it.value) : [...selected, it.value]);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(`${selected.length} ticked`)}`;
  const page = usePagination({
    items: config.items,
    active,
    pageSize: config.pageSize ?? 18,
    loop: false,
    renderItem({ item, isActive }) {
      if (!isRow(item)) return ` ${theme.style.highlight(item.heading)}`;
      const box = selected.includes(item.value) ? '[x]' : '[ ]';
      const line = `${isActive ? '>' : ' '} ${item.indent ? '    ' : ''}${box} ${item.label}`;
      return isActive ? theme.style.highlight(line) : line;
    },
  });
  const statusLine = config.status ? config.status(selected) : '';
  return `${prefix} ${message}\n${page}\n\n${statusLine}\n${theme.style.help('up/down move, space ticks, enter when done')}`;
});

const label = (p: ResolvedPerson) => `${p.name} (${p.id})`;

/**
 * The checklist rows: each group of the body, its members (with their role and vote on this
 * body, and "apologies sent" when the record has them), and under each voting member the proxy
 * they appointed for this body. At a joint meeting (`jointWith`, the other bodies), the rows of
 * each body in turn, each heading naming its body; someone on two bodies ticks on both.
 */
export function checklistItems(model: Model, body: ResolvedBody, apologies: ReadonlySet<string> = new Set(), jointWith: readonly ResolvedBody[] = []): ChecklistItem[] {
  const others = jointWith.filter((b) => b.id !== body.id);
  if (others.length === 0) return bodyItems(model, body, apologies);
  return [body, ...others].flatMap((b) => bodyItems(model, b, apologies).map((it) => (isRow(it) ? it : { heading: `${b.name}: ${it.heading}` })));
}

function bodyItems(model: Model, body: ResolvedBody, apologies: ReadonlySet<string>): ChecklistItem[] {
  const members = body.memberIds.map((id) => model.people.get(id)!);
  const groupOf = (p: ResolvedPerson) => body.sittings.get(p.id)?.group;
  const groupIds = [...body.groupIds, ...new Set(members.map(groupOf).filter((g): g is string => !!g && !body.groupIds.includes(g)))];
  const blocks: { heading: string; people: ResolvedPerson[] }[] = groupIds.map((g) => ({ heading: model.groups.get(g)?.name ?? g, people: members.filter((p) => groupOf(p) === g) }));
  const others = members.filter((p) => !groupOf(p) || !groupIds.includes(groupOf(p)!));
  if (others.length) blocks.push({ heading: 'Not in a partner group', people: others });
  const items: ChecklistItem[] = [];
  for (const b of blocks.filter((b) => b.people.length)) {
    items.push({ heading: b.heading });
    for (const p of b.people) {
      const s = body.sittings.get(p.id);
      const voting = s?.voting ?? p.voting;
      const sent = apologies.has(p.id) ? ', apologies sent' : '';
      items.push({ value: p.id, label: `${label(p)}${voting ? '' : `, ${s?.role ?? p.role}, does not vote`}${sent}` });
      const proxy = s?.proxy ? model.people.get(s.proxy) : undefined;
      if (proxy && body.proxiesAllowed && voting) items.push({ value: proxy.id, label: `proxy: ${label(proxy)}`, indent: true });
    }
  }
  return items;
}

/** Who may be sent as a substitute for an absent member, by the body's rules (core/stand-ins.ts). */
export function substituteCandidates(model: Model, body: ResolvedBody, member: string): ResolvedPerson[] {
  if (!body.substitutesAllowed) return [];
  return [...model.people.values()].filter((p) => p.active && p.id !== body.sittings.get(member)?.proxy && !refuseClaim(model, body, { proxy: p.id, for: member, as: 'substitute' }));
}

/** The prompts the flow uses; the real ones come from promptKit(), tests pass their own. */
export interface PromptKit {
  checklist(config: ChecklistConfig): Promise<string[]>;
  checkbox(config: { message: string; choices: { name: string; value: string; checked?: boolean }[] }): Promise<string[]>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
  select(config: { message: string; choices: { name: string; value: string }[] }): Promise<string>;
  input(config: { message: string; default?: string }): Promise<string>;
}

/**
 * The real prompts (imported only when asked for). They draw on the terminal themselves, so
 * every name and title they show has its control characters made visible here, as the
 * output layer does for every other line.
 */
export async function promptKit(): Promise<PromptKit> {
  const p = await import('@inquirer/prompts');
  const shown = <T extends { name: string }>(choices: T[]) => choices.map((c) => ({ ...c, name: shownText(c.name) }));
  return {
    checklist: (c) =>
      checklist({
        ...c,
        message: shownText(c.message),
        items: c.items.map((it) => (isRow(it) ? { ...it, label: shownText(it.label) } : { heading: shownText(it.heading) })),
        status: c.status ? (sel) => shownText(c.status!(sel)) : undefined,
      }),
    checkbox: (c) => p.checkbox({ ...c, message: shownText(c.message), choices: shown(c.choices), pageSize: 15 }),
    confirm: (c) => p.confirm({ ...c, message: shownText(c.message) }),
    select: (c) => p.select({ ...c, message: shownText(c.message), choices: shown(c.choices), pageSize: 15 }),
    input: (c) => p.input({ ...c, message: shownText(c.message) }),
  };
}

export interface AskContext {
  model: Model;
  body: ResolvedBody;
  meeting: MeetingFile;
  meetingId: string;
  /** meeting.yaml as shown to the clerk. */
  file: string;
  current: Attendance | undefined;
  /** The other bodies of a joint meeting (none for a meeting of one body). */
  jointWith?: readonly ResolvedBody[];
  /** The quorum verdict for an attendance: one line, or one a body at a joint meeting. */
  verdict: (att: Attendance) => string;
  print: (line: string) => void;
}

/**
 * Asks for the attendance, step by step. Returns the attendance to write, or undefined when
 * the clerk chooses not to write it.
 */
export async function askAttendance(a: AskContext, kit: PromptKit): Promise<Attendance | undefined> {
  const { model, body, meeting } = a;
  const jointWith = (a.jointWith ?? []).filter((b) => b.id !== body.id);
  const bodies = [body, ...jointWith];
  const name = (id: string) => (model.people.has(id) ? label(model.people.get(id)!) : id);
  const items = checklistItems(model, body, new Set(a.current?.apologies ?? []), jointWith);
  const known = new Set(items.filter(isRow).map((i) => i.value));
  const ticked = [...(a.current?.present ?? []), ...(a.current?.proxies ?? []).map((e) => e.proxy)].filter((id) => known.has(id));

  const ids = await kit.checklist({
    message: `Who is present at ${a.meetingId}?`,
    items,
    selected: [...new Set(ticked)],
    status: (sel) => a.verdict(attendanceFromChecklist(model, body, a.current, sel, jointWith)),
  });
  // people present the list does not show (invitees recorded by hand) stay present
  const extra = (a.current?.present ?? []).filter((id) => !known.has(id));
  let att = attendanceFromChecklist(model, body, a.current, [...ids, ...extra], jointWith);

  // Substitutes, where the body allows them: for each absent member, someone their group sent
  // (judged by each body of the meeting the member votes on).
  const voters = [...new Set(bodies.flatMap((b) => b.memberIds.filter((id) => b.sittings.get(id)?.voting)))];
  const candidates = (id: string) => [...new Set(bodies.filter((b) => b.sittings.get(id)?.voting).flatMap((b) => substituteCandidates(model, b, id)))];
  const unrepresented = () => {
    const represented = new Set((att.proxies ?? []).map((e) => e.for));
    return voters.filter((id) => !ids.includes(id) && !represented.has(id) && candidates(id).length > 0);
  };
  if (bodies.some((b) => b.substitutesAllowed) && unrepresented().length) {
    let more = await kit.confirm({ message: 'Did a group send a substitute for an absent member?', default: false });
    while (more && unrepresented().length) {
      const member = await kit.select({ message: 'Substitute for whom?', choices: unrepresented().map((id) => ({ name: name(id), value: id })) });
      const sub = await kit.select({ message: `Who came for ${name(member)}?`, choices: candidates(member).map((p) => ({ name: label(p), value: p.id })) });
      att = {
        ...att,
        present: [...new Set([...(att.present ?? []), sub])],
        proxies: [...(att.proxies ?? []).filter((e) => e.proxy !== sub), { proxy: sub, for: member, as: 'substitute' }],
        apologies: (att.apologies ?? []).filter((id) => id !== sub),
      };
      more = unrepresented().length > 0 && (await kit.confirm({ message: 'Another substitute?', default: false }));
    }
  }

  const represented = new Set((att.proxies ?? []).map((e) => e.for));
  const absent = voters.filter((id) => !ids.includes(id) && !represented.has(id));
  if (absent.length) {
    const apologies = await kit.checkbox({
      message: 'Who sent apologies?',
      choices: absent.map((id) => ({ name: name(id), value: id, checked: (a.current?.apologies ?? []).includes(id) })),
    });
    att = { ...att, apologies: [...apologies, ...(att.apologies ?? []).filter((id) => !absent.includes(id))] };
  }

  const outsiders = [...model.people.values()].filter((p) => !bodies.some((b) => b.memberIds.includes(p.id)) && !isProxy(p));
  if (outsiders.length) {
    const observers = await kit.checkbox({
      message: 'Observers or invitees present?',
      choices: outsiders.map((p) => ({ name: label(p), value: p.id, checked: (att.observers ?? []).includes(p.id) })),
    });
    att = { ...att, observers };
  }

  const inRoom = [...(att.present ?? [])].filter((id) => model.people.has(id));
  const agendaChoices = meeting.agenda.map((it, i) => ({ name: `${i + 1}. ${it.title}`, value: String(i + 1) }));
  if (inRoom.length && agendaChoices.length) {
    let arrived = [...(att.arrived ?? [])];
    let left = [...(att.left ?? [])];
    for (const e of arrived) a.print(`  recorded: ${name(e.person)} arrived at item ${e.item}`);
    for (const e of left) a.print(`  recorded: ${name(e.person)} left at item ${e.item}`);
    let more = await kit.confirm({ message: 'Record a late arrival or an early departure?', default: false });
    while (more) {
      const person = await kit.select({ message: 'Who?', choices: inRoom.map((id) => ({ name: name(id), value: id })) });
      const kind = await kit.select({
        message: 'What happened?',
        choices: [
          { name: 'arrived late: present from an item on', value: 'arrived' },
          { name: 'left early: absent from an item on', value: 'left' },
          { name: 'there throughout (clear what was recorded)', value: 'clear' },
        ],
      });
      arrived = arrived.filter((e) => e.person !== person || kind === 'left');
      left = left.filter((e) => e.person !== person || kind === 'arrived');
      if (kind !== 'clear') {
        const item = Number(await kit.select({ message: kind === 'arrived' ? 'Present from which item?' : 'Absent from which item?', choices: agendaChoices }));
        (kind === 'arrived' ? arrived : left).push({ person, item });
      }
      more = await kit.confirm({ message: 'Another late arrival or early departure?', default: false });
    }
    att = { ...att, arrived, left };

    const interests = [...(att.interests ?? [])];
    for (const e of interests) a.print(`  recorded: ${name(e.person)} declared an interest in item ${e.item}${e.withdrew === false ? ' (stayed)' : ' and withdrew'}`);
    more = await kit.confirm({ message: 'Record a declaration of interest?', default: false });
    while (more) {
      const person = await kit.select({ message: 'Who declared an interest?', choices: inRoom.map((id) => ({ name: name(id), value: id })) });
      const item = Number(await kit.select({ message: 'In which item?', choices: agendaChoices }));
      const interest = (await kit.input({ message: 'The interest (optional):' })).trim();
      const withdrew = await kit.confirm({ message: 'Did they withdraw for the item?', default: true });
      const at = interests.findIndex((e) => e.person === person && e.item === item);
      const entry = { person, item, ...(interest ? { interest } : {}), ...(withdrew ? {} : { withdrew: false }) };
      if (at >= 0) interests[at] = entry;
      else interests.push(entry);
      more = await kit.confirm({ message: 'Another declaration of interest?', default: false });
    }
    att = { ...att, interests };
  }

  att = normaliseAttendance(att);
  a.print('');
  a.print(a.verdict(att));
  return (await kit.confirm({ message: `Write this attendance to ${a.file}?`, default: true })) ? att : undefined;
}
