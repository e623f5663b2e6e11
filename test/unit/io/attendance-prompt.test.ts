import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@inquirer/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { evaluateQuorum, forecastQuorum, hasRecordedPresence } from '../../../src/core/quorum.js';
import { askAttendance, checklist, checklistItems, substituteCandidates, type PromptKit } from '../../../src/io/attendance-prompt.js';
import { validatePartnershipSource } from '../../../src/io/partnership-file.js';
import { makeOutput } from '../../../src/report/output.js';
import { formatMeetingVerdict, formatVerdict } from '../../../src/report/quorum.js';
import { ROOT } from '../../helpers/wep.js';

let wep: Model;
beforeAll(async () => {
  const { file } = await validatePartnershipSource(readFileSync(join(ROOT, 'partnership.yaml'), 'utf8'), 'partnership.yaml', '2026-11-22');
  wep = buildModel(file!);
});
const board = () => wep.bodies.get('partnership')!;
const c = makeOutput({ color: false }).c;
const verdict = (att: Parameters<typeof evaluateQuorum>[2]) =>
  formatVerdict(wep, hasRecordedPresence(att) ? evaluateQuorum(wep, board(), att) : forecastQuorum(wep, board(), att?.apologies ?? []), c);

const meeting: MeetingFile = {
  body: 'partnership',
  date: '2026-12-10',
  start: '16:00',
  agenda: ['Welcome', 'Apologies', 'Declarations', 'Minutes', 'Funding bids', 'Budget'].map((title) => ({ title })),
};

describe('the checklist prompt (rendered with @inquirer/testing)', () => {
  it('groups people by partner group with proxies under their member', () => {
    const items = checklistItems(wep, board());
    expect(items.slice(0, 5)).toEqual([
      { heading: 'Independent Chair' },
      { value: 'chair-okafor', label: 'Dr Grace Okafor (chair-okafor)' },
      { heading: 'Wokingham Primary Heads Partnership' },
      { value: 'ph-ahmed', label: 'Samina Ahmed (ph-ahmed)' },
      { value: 'px-ahmed', label: 'proxy: Ruth Patel (px-ahmed)', indent: true },
    ]);
    expect(items).toContainEqual({ value: 'la-lewis', label: 'Claire Lewis (la-lewis), officer, does not vote' });
  });

  it('shows the quorum verdict live as ticks change, and answers with the ids ticked', async () => {
    const start = ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'];
    const { answer, events, getScreen } = await render(checklist, {
      message: 'Who is present?',
      items: checklistItems(wep, board()),
      selected: start,
      status: (ids: string[]) => verdict({ present: ids }),
      pageSize: 40,
    });
    expect(getScreen()).toContain('Quorate: Education Partnership, at the start of the meeting (7 counted)');
    expect(getScreen()).toContain('> [x] Dr Grace Okafor (chair-okafor)');
    // down to Tom Clarke: ph-ahmed, px-ahmed, ph-brown, px-brown, ph-chen, px-chen, ph-davies, px-davies, sh-clarke
    for (let i = 0; i < 9; i++) events.keypress('down');
    events.keypress('space');
    expect(getScreen()).toContain('> [ ] Tom Clarke (sh-clarke)');
    expect(getScreen()).toContain('NOT QUORATE: Wokingham Secondary Heads Federation 1 of 2 (short by 1)');
    // Megan Evans's proxy comes in: quorate again
    events.keypress('down'); // px-clarke
    events.keypress('down'); // sh-evans
    events.keypress('down'); // px-evans
    events.keypress('space');
    expect(getScreen()).toContain('>     [x] proxy: George Usman (px-evans)');
    expect(getScreen()).toContain('Quorate: Education Partnership');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-francis', 'sf-iqbal', 'sf-jones', 'px-evans']);
    expect(getScreen()).toContain('Who is present? 7 ticked');
  });

  it('moves round the list past the headings', async () => {
    const { answer, events, getScreen } = await render(checklist, { message: 'Who?', items: [{ heading: 'G' }, { value: 'a', label: 'A' }, { heading: 'H' }, { value: 'b', label: 'B' }] });
    events.keypress('up');
    expect(getScreen()).toContain('> [ ] B');
    events.keypress('down');
    expect(getScreen()).toContain('> [ ] A');
    events.keypress('space');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([]);
  });
});

/** A scripted clerk: each prompt takes the next answer for its kind, and records what was asked. */
function scripted(answers: { checklist: string[][]; checkbox: string[][]; confirm: boolean[]; select: string[]; input: string[] }) {
  const asked: string[] = [];
  const take = <T>(list: T[], message: string): T => {
    asked.push(message);
    if (list.length === 0) throw new Error(`no scripted answer for "${message}"`);
    return list.shift()!;
  };
  const kit: PromptKit = {
    checklist: async (cfg) => {
      asked.push(`status: ${cfg.status?.(cfg.selected ?? [])}`);
      return take(answers.checklist, cfg.message);
    },
    checkbox: async (cfg) => take(answers.checkbox, cfg.message),
    confirm: async (cfg) => take(answers.confirm, cfg.message),
    select: async (cfg) => take(answers.select, cfg.message),
    input: async (cfg) => take(answers.input, cfg.message),
  };
  return { kit, asked };
}

describe('the attendance flow', () => {
  const ask = (kit: PromptKit, current?: MeetingFile['attendance']) => {
    const printed: string[] = [];
    const run = askAttendance({ model: wep, body: board(), meeting, meetingId: '2026-12-10-partnership', file: 'meetings/2026-12-10-partnership/meeting.yaml', current, verdict, print: (l) => printed.push(l) }, kit);
    return { run, printed };
  };

  it('asks present, apologies, observers, departures and interests, and returns the record to write', async () => {
    const { kit, asked } = scripted({
      checklist: [['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'px-evans', 'sf-iqbal', 'sf-jones', 'la-lewis']],
      checkbox: [['sh-francis'], ['op-baker']],
      confirm: [true, false, true, true, false, true],
      select: ['sh-clarke', 'left', '5', 'sf-jones', '6'],
      input: ['Trustee of a bidding provider'],
    });
    const { run, printed } = ask(kit, { apologies: ['sh-evans'] });
    const att = await run;
    expect(att).toEqual({
      present: ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'px-evans', 'sf-iqbal', 'sf-jones', 'la-lewis'],
      apologies: ['sh-francis', 'sh-evans'], // Megan Evans sent apologies and her proxy came
      proxies: [{ proxy: 'px-evans', for: 'sh-evans' }],
      observers: ['op-baker'],
      left: [{ person: 'sh-clarke', item: 5 }],
      interests: [{ person: 'sf-jones', item: 6, interest: 'Trustee of a bidding provider' }],
    });
    expect(asked).toEqual([
      'status: Forecast: quorate if these apologies stand (1 apology so far): Education Partnership',
      'Who is present at 2026-12-10-partnership?',
      'Who sent apologies?',
      'Observers or invitees present?',
      'Record a late arrival or an early departure?',
      'Who?',
      'What happened?',
      'Absent from which item?',
      'Another late arrival or early departure?',
      'Record a declaration of interest?',
      'Who declared an interest?',
      'In which item?',
      'The interest (optional):',
      'Did they withdraw for the item?',
      'Another declaration of interest?',
      'Write this attendance to meetings/2026-12-10-partnership/meeting.yaml?',
    ]);
    expect(printed).toContain('Quorate: Education Partnership, at the start of the meeting (7 counted)');
  });

  it('marks apologies in the checklist, and offers the right substitutes where the body allows them', async () => {
    const f = structuredClone(wep.file);
    f.bodies[0]!.substitutes = { allowed: true };
    f.people.push({ id: 'sh-deputy', name: 'Ola Deputy', group: 'secondary-heads', role: 'proxy' });
    const subs = buildModel(f);
    const body = subs.bodies.get('partnership')!;
    const items = checklistItems(subs, body, new Set(['sh-evans']));
    expect(items).toContainEqual({ value: 'sh-evans', label: 'Megan Evans (sh-evans), apologies sent' });
    expect(substituteCandidates(subs, body, 'sh-evans').map((p) => p.id)).toEqual(['sh-deputy']); // her group's, not her appointed proxy
    expect(substituteCandidates(subs, body, 'ph-ahmed')).toEqual([]);
    expect(substituteCandidates(wep, board(), 'sh-evans')).toEqual([]); // the example board allows none
    const offered: string[][] = [];
    const { kit } = scripted({
      checklist: [['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones']],
      checkbox: [[], []],
      confirm: [true, false, false, true],
      select: ['sh-evans', 'sh-deputy'],
      input: [],
    });
    const spy: PromptKit = { ...kit, select: async (cfg) => (offered.push(cfg.choices.map((ch) => ch.value)), kit.select(cfg)) };
    const att = await askAttendance({ model: subs, body, meeting, meetingId: '2026-12-10-partnership', file: 'm.yaml', current: { apologies: ['sh-evans'] }, verdict: () => '', print: () => {} }, spy);
    expect(offered[1]).toEqual(['sh-deputy']);
    expect(att?.proxies).toEqual([{ proxy: 'sh-deputy', for: 'sh-evans', as: 'substitute' }]);
    expect(att?.present).toContain('sh-deputy');
    expect(evaluateQuorum(subs, body, att).counted).toContainEqual({ id: 'sh-deputy', as: 'substitute', for: 'sh-evans', group: 'secondary-heads' });
  });

  it('at a joint meeting lists the members of every body, with the verdict of each', async () => {
    const og = wep.bodies.get('operational-group')!;
    const items = checklistItems(wep, board(), new Set(['op-cole']), [og]);
    expect(items.filter((it) => 'heading' in it && it.heading.startsWith('Operational Group: '))).toHaveLength(1);
    expect(items).toContainEqual({ value: 'op-cole', label: 'Olivia Cole (op-cole), apologies sent' });
    expect(items.filter((it) => 'value' in it && it.value === 'la-morgan')).toHaveLength(2); // on both: ticks together
    expect(checklistItems(wep, board())).toEqual(checklistItems(wep, board(), new Set(), []));

    const bodies = [board(), og];
    const jointVerdict = (att: Parameters<typeof evaluateQuorum>[2]) =>
      formatMeetingVerdict(wep, bodies.map((b) => ({ body: b, result: hasRecordedPresence(att) ? evaluateQuorum(wep, b, att) : forecastQuorum(wep, b, att?.apologies ?? [], bodies) })), c);
    const { kit, asked } = scripted({
      checklist: [['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones', 'op-baker']],
      checkbox: [['op-cole']],
      confirm: [false, false, true],
      select: [],
      input: [],
    });
    const offered: Record<string, string[]> = {};
    const spy: PromptKit = { ...kit, checkbox: async (cfg) => ((offered[cfg.message] = cfg.choices.map((ch) => ch.value)), kit.checkbox(cfg)) };
    const printed: string[] = [];
    const joint = { ...meeting, jointWith: ['operational-group'] };
    const att = await askAttendance({ model: wep, body: board(), jointWith: [og], meeting: joint, meetingId: 'm', file: 'm.yaml', current: { apologies: ['op-cole'] }, verdict: jointVerdict, print: (l) => printed.push(l) }, spy);
    expect(att).toEqual({ present: ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones', 'op-baker'], apologies: ['op-cole'] });
    expect(asked[0]).toBe(
      'status: Education Partnership: Forecast: quorate if these apologies stand (1 apology so far): Education Partnership\nOperational Group: Forecast: quorate if these apologies stand (1 apology so far): Operational Group',
    );
    expect(offered['Who sent apologies?']).toEqual(expect.arrayContaining(['sh-evans', 'la-morgan', 'op-cole']));
    // everyone in the example sits on one of the bodies or is a proxy: no one to ask about as an observer
    expect(asked).not.toContain('Observers or invitees present?');
    expect(printed.at(-1)).toBe('Education Partnership: Quorate: Education Partnership, at the start of the meeting (7 counted)\nOperational Group: NOT QUORATE: at least 2 voting members: 1 of 2 (short by 1), at the start of the meeting');
  });

  it('returns nothing when the clerk declines to write', async () => {
    const { kit } = scripted({ checklist: [['ph-ahmed']], checkbox: [[], []], confirm: [false, false, false], select: [], input: [] });
    await expect(ask(kit).run).resolves.toBeUndefined();
  });

  it('pre-ticks who is recorded, keeps recorded departures unless cleared', async () => {
    let pre: string[] | undefined;
    const { kit } = scripted({ checklist: [['sh-clarke', 'px-evans']], checkbox: [[], []], confirm: [true, false, false, true], select: ['sh-clarke', 'clear'], input: [] });
    const withPre: PromptKit = { ...kit, checklist: async (cfg) => ((pre = cfg.selected), kit.checklist(cfg)) };
    const att = await ask(withPre, { present: ['sh-clarke', 'px-evans'], proxies: [{ proxy: 'px-evans', for: 'sh-evans' }], left: [{ person: 'sh-clarke', item: 3 }] }).run;
    expect(pre).toEqual(['sh-clarke', 'px-evans']);
    expect(att).toEqual({ present: ['sh-clarke', 'px-evans'], proxies: [{ proxy: 'px-evans', for: 'sh-evans' }] });
  });
});
