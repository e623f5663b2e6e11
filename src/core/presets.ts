/**
 * The presets `wep init` starts a records repo from, and the answers a clerk gives about their
 * own partnership. Pure: the preset files themselves are read by src/io/init-repo.ts, and the
 * answers are applied to their text there, through the yaml Document API.
 *
 * Each `whyNot*` function explains why an answer cannot be used, or returns undefined when it
 * can; the prompts show the explanation as the clerk types, and `--yes` turns it into an error.
 */
import { NATIONS, type Nation } from './calendar.js';
import { MINUTES_KINDS, NOTICE_KINDS, type MinutesRule, type NoticeRule } from './deadlines.js';
import { WepError } from './errors.js';
import type { QuorumRule } from './partnership-schema.js';
import { describeSchoolsRule } from './schools.js';
import { ID_PATTERN } from './scalars.js';
import { hintFor } from './suggest.js';

export interface PresetInfo {
  name: string;
  title: string;
  /** One line for the prompt and `--help`. */
  summary: string;
}

/** Every preset, in the order the prompt offers them. The file is examples/<name>.yaml. */
export const PRESETS: readonly PresetInfo[] = [
  { name: 'wokingham', title: 'Wokingham Education Partnership', summary: 'board of partner groups with seats, proxies, per-group quorum, and an Operational Group' },
  { name: 'portsmouth', title: 'Portsmouth Education Partnership', summary: 'Strategic Board with an independent chair, and an Operational Group meeting half-termly' },
  { name: 'central-bedfordshire', title: 'Central Bedfordshire Partnership Vision for Education', summary: 'Board of seven cluster representatives, and seven cluster groups reporting schools represented' },
  { name: 'thurrock', title: 'Thurrock Schools Partnership', summary: 'schools register by phase and governance type, filtered lists, and a Progress Board with a lifespan' },
  { name: 'peterborough', title: 'Peterborough School Improvement Partnership', summary: 'School Improvement Board over clusters, the council an equal partner' },
  { name: 'school-governing-body', title: 'School governing body', summary: "seven clear days' notice, quorum one half of governors in post" },
];

export const DEFAULT_PRESET = 'wokingham';

export function isPresetName(name: string): boolean {
  return PRESETS.some((p) => p.name === name);
}

/** Throws a WepError with a did-you-mean when `name` is not a preset. */
export function verifyPresetName(name: string): void {
  if (!isPresetName(name)) {
    const names = PRESETS.map((p) => p.name);
    throw new WepError(`no preset "${name}"`, `${hintFor(name, names, 'presets')}; the presets are: ${names.join(', ')}`);
  }
}

/** A partner group as the clerk describes it in `wep init`. */
export interface GroupAnswer {
  id: string;
  name: string;
  seats: number;
}

/** What the clerk chose. Anything left undefined keeps the preset's value. */
export interface InitAnswers {
  preset: string;
  name?: string;
  short?: string;
  clerkName?: string;
  clerkEmail?: string;
  nation?: Nation;
  /** Seats for the preset's groups, by id. */
  seats?: Record<string, number>;
  /** Partner groups to add. */
  newGroups?: GroupAnswer[];
  /** Rules for the main body (the one `wep` acts on by default). */
  notice?: NoticeRule;
  minutes?: MinutesRule;
  quorum?: QuorumRule[];
}

export function whyNotName(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'a name is needed';
  if (v.length > 120) return 'keep the name under 120 characters';
  if (/[\r\n]/.test(value)) return 'the name must be on one line';
  return undefined;
}

export function whyNotShort(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'a short name is needed, e.g. WEP';
  if (v.length > 20) return 'a short name is at most 20 characters, e.g. WEP';
  if (/[\r\n]/.test(value)) return 'the short name must be on one line';
  return undefined;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export function whyNotEmail(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'an email address is needed';
  return EMAIL.test(v) ? undefined : `"${v}" is not an email address: write one plain address, e.g. clerk@example.org`;
}

export function whyNotNation(value: string): string | undefined {
  return (NATIONS as readonly string[]).includes(value) ? undefined : `"${value}" is not a nation wep knows: use ${NATIONS.join(', ')}`;
}

/** Seats must be a whole number, and not fewer than the people who already hold one. */
export function whyNotSeats(value: string, held = 0): string | undefined {
  const v = value.trim();
  if (!/^\d+$/.test(v)) return 'give a whole number of seats, e.g. 3';
  const n = Number(v);
  if (n > 200) return 'at most 200 seats';
  if (n < held) return `the preset has ${held} ${held === 1 ? 'person' : 'people'} in this group, so at least ${held} seat${held === 1 ? '' : 's'}: change the people in partnership.yaml afterwards`;
  return undefined;
}

export function whyNotDays(value: string, min = 0): string | undefined {
  const v = value.trim();
  if (!/^\d+$/.test(v)) return 'give a whole number of days, e.g. 7';
  const n = Number(v);
  if (n < min) return `at least ${min} day${min === 1 ? '' : 's'}`;
  if (n > 365) return 'at most 365 days';
  return undefined;
}

export function whyNotCount(value: string, max: number): string | undefined {
  const v = value.trim();
  if (!/^\d+$/.test(v) || Number(v) < 1) return 'give a whole number, at least 1';
  if (Number(v) > max) return `the body has ${max} seat${max === 1 ? '' : 's'}, so at most ${max}`;
  return undefined;
}

export function whyNotFraction(value: string): string | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) return 'write a fraction such as 1/2 or 2/5';
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (b === 0 || a === 0 || a > b) return `"${value.trim()}" is not a fraction between 0 and 1`;
  return undefined;
}

/** "1 / 2 " -> "1/2", as the file holds it. */
export const normaliseFraction = (value: string) => value.replace(/\s+/g, '');

/** A group id from its name: "Primary Heads (North)" -> "primary-heads-north". */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return ID_PATTERN.test(s) ? s : `group-${s || 'new'}`;
}

/** An id not yet in `taken`: slug, slug-2, slug-3 ... */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let i = 2; ; i++) if (!set.has(`${base}-${i}`)) return `${base}-${i}`;
}

export const NOTICE_CHOICES = NOTICE_KINDS;
export const MINUTES_CHOICES = MINUTES_KINDS;

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** A quorum rule in a few words, for the summary. */
export function describeQuorumRule(q: QuorumRule): string {
  switch (q.kind) {
    case 'count':
      return `at least ${q.min} voting members`;
    case 'fraction': {
      const of = q.of === 'seats' ? 'all seats' : 'members in post';
      const floor = q.neverFewerThan ? `, never fewer than ${q.neverFewerThan}` : '';
      return `${q.fraction} of ${of}, rounded ${q.round ?? 'up'}${floor}`;
    }
    case 'per-group':
      return `at least ${q.min} from each of ${q.groups.join(', ')}`;
    case 'required':
      return `${q.person ?? `the ${q.role}`} present`;
    case 'schools-represented':
      return describeSchoolsRule(q);
  }
}

/** Label/value rows summarising what `wep init` will write, before the clerk confirms. */
export function summariseAnswers(
  a: InitAnswers,
  preset: { name: string; short: string; clerkName: string; clerkEmail: string; nation: string; bodyName: string },
): [string, string][] {
  const rows: [string, string][] = [
    ['Preset', a.preset],
    ['Partnership', a.name ?? preset.name],
    ['Short name', a.short ?? preset.short],
    ['Clerk', `${a.clerkName ?? preset.clerkName} <${a.clerkEmail ?? preset.clerkEmail}>`],
    ['Bank holidays', a.nation ?? preset.nation],
  ];
  const seats = Object.entries(a.seats ?? {});
  if (seats.length) rows.push(['Seats', seats.map(([g, n]) => `${g} ${n}`).join(', ')]);
  for (const g of a.newGroups ?? []) rows.push(['New group', `${g.name} [${g.id}], ${plural(g.seats, 'seat')}`]);
  if (a.notice) rows.push([`Notice (${preset.bodyName})`, `${plural(a.notice.days, a.notice.kind.replace(/s$/, '').replace('-', ' '))}`]);
  if (a.minutes) rows.push([`Minutes (${preset.bodyName})`, `within ${plural(a.minutes.days, a.minutes.kind.replace(/s$/, '').replace('-', ' '))}`]);
  if (a.quorum) rows.push([`Quorum (${preset.bodyName})`, a.quorum.map(describeQuorumRule).join('; and ')]);
  return rows;
}
