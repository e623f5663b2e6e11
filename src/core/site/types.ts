/**
 * The published website as data: the shapes the plan (plan.ts) builds and the pages
 * (src/report/site/) render, and the site's addresses.
 */
import type { IsoDate } from '../dates.js';
import type { IcsCalendar } from '../ics.js';
import type { MeetingFile } from '../meeting-schema.js';
import type { Model } from '../model.js';
import type { FileIdentity } from './privacy.js';

export type MinutesPolicy = 'approved-only' | 'mark-drafts';

/** A local paper named by an agenda item, as io found it on disk. */
export interface PaperOnDisk {
  /** As written in meeting.yaml. */
  paper: string;
  /** Which file it is (absent when there is no such file). */
  identity?: FileIdentity;
  /** A regular file whose real path is inside the meeting folder: the only kind that may be copied. */
  publishable: boolean;
}

/** One meeting as the command hands it over: the record plus what was found beside it. */
export interface SiteMeetingInput {
  id: string;
  /**
   * The record as the registers read it: meeting.yaml with minutes.md's DECISION and ACTION
   * lines merged in (the loader's `merged`), so the site lists what `wep decisions` and
   * `wep actions` list.
   */
  meeting: MeetingFile;
  /** minutes.public.md when the folder has one, else minutes.md; undefined when neither. */
  minutesText?: string;
  /** Which file minutesText is. */
  minutesFile?: 'minutes.md' | 'minutes.public.md';
  /** The local papers the agenda names that exist on disk (see PaperOnDisk). */
  papers: readonly PaperOnDisk[];
  /** Text of the Markdown papers found (by normalised path): they become web pages. */
  paperTexts?: Readonly<Record<string, string>>;
  /** The public agenda pack (agenda-pack.pdf, written by `wep pack`) is in the folder. */
  packFound?: boolean;
}

export interface SiteInput {
  model: Model;
  meetings: readonly SiteMeetingInput[];
  today: IsoDate;
  /** Absolute address of the hosted site, ending in "/"; used for canonical links and the feed. */
  baseUrl?: string;
  /** The record files (partnership.yaml, every meeting.yaml and minutes): never published as a paper, whatever the paper is called. */
  recordFiles?: readonly FileIdentity[];
  /**
   * Where the site's Markdown renderer finds headings in text shown on the page at `pagePath`
   * (see privacy.publicMinutes); minutes it reads differently are withheld.
   */
  rendererHeadings?: (visible: string, pagePath: string) => number[];
}

export interface PersonRef {
  name: string;
  title?: string;
  /** Only when the person's address is marked public. */
  email?: string;
}

export interface PaperLink {
  label: string;
  /** Site path of a copied paper, or an external web address; absent when unavailable. */
  sitePath?: string;
  url?: string;
}

export interface AgendaRow {
  number: number;
  /** Confidential items keep their number, nothing else. */
  confidential: boolean;
  title?: string;
  purpose?: string;
  presenter?: string;
  paper?: PaperLink;
  minute?: string;
}

export interface AttendanceView {
  /** Members present, by partner group (group name, people). */
  present: { group: string; people: PersonRef[] }[];
  proxies: { proxy: PersonRef; for: PersonRef }[];
  /** Present but not members of the body: officers, advisers, others. */
  inAttendance: PersonRef[];
  observers: PersonRef[];
  invitees: { name: string; organisation?: string }[];
  apologies: PersonRef[];
  absent: PersonRef[];
  lateOrEarly: string[];
}

export type MinutesState = 'approved' | 'draft' | 'withheld' | 'not-yet' | 'none';

export interface MinutesView {
  state: MinutesState;
  /** The record's status word (draft, circulated, approved, signed). */
  status?: string;
  /** Markdown to render (public sections only). */
  markdown?: string;
  /** Minutes written per agenda item in meeting.yaml, when there is no minutes file. */
  itemMinutes: { number: number; title: string; text: string }[];
  declarations: { person: PersonRef; item: number; interest?: string; withdrew: boolean }[];
  approvedAt?: { id: string; date: IsoDate; sitePath: string };
  signed?: { by: string; date: IsoDate };
}

export interface DecisionRow {
  anchor: string;
  meetingId: string;
  meetingPath: string;
  date: IsoDate;
  bodyId: string;
  bodyName: string;
  item: number;
  itemTitle?: string;
  text: string;
  draft: boolean;
  /**
   * Quorum at the decision's item (null: the body has no quorum rules or no attendance is
   * recorded); for a joint meeting, true only when every body was quorate.
   */
  quorate: boolean | null;
  /** The quorum of each body of the meeting at the item, by its own rules (one entry unless joint). */
  byBody: { bodyId: string; bodyName: string; quorate: boolean | null }[];
}

export interface ActionRow {
  ref: string;
  meetingId: string;
  meetingPath: string;
  date: IsoDate;
  bodyName: string;
  item?: number;
  text: string;
  owner: string;
  due?: IsoDate;
  done?: IsoDate;
  draft: boolean;
}

export type MeetingStatus = 'upcoming' | 'held' | 'cancelled';

/** The quorum at the start of a held meeting, for one body. */
export interface QuorumBlock {
  quorate: boolean;
  rules: { description: string; required: number; counted: number; met: boolean }[];
}

export interface MeetingView {
  id: string;
  path: string;
  /** The body whose meeting it is (its folder's); a joint meeting's other bodies are in `bodies`. */
  bodyId: string;
  /** The body's name, or for a joint meeting "A and B (joint meeting)". */
  bodyName: string;
  /** Every body of the meeting, its own first, each with its page: more than one for a joint meeting. */
  bodies: { id: string; name: string; path: string }[];
  date: IsoDate;
  start: string;
  end?: string;
  venue?: { name: string; address?: string; online: boolean };
  status: MeetingStatus;
  cancelledReason?: string;
  calledBy?: string;
  requestedBy?: string;
  shortNotice?: { reason: string; agreedBy: string[] };
  noticeSent?: IsoDate;
  /** Why the date is in the school holidays of the term dates given (core/term-dates), when it is. */
  holiday?: string;
  agenda: AgendaRow[];
  attendance?: AttendanceView;
  /** Quorum at the start of a held meeting; absent when the body has no rules or no attendance is recorded. */
  quorum?: QuorumBlock;
  /** A joint meeting: the quorum of each body that has rules, by those rules. */
  quorumByBody?: (QuorumBlock & { bodyId: string; bodyName: string })[];
  minutes: MinutesView;
  decisions: DecisionRow[];
  actions: ActionRow[];
  previous?: { id: string; date: IsoDate; path: string };
  next?: { id: string; date: IsoDate; path: string };
}

export interface MemberRowView {
  person: PersonRef;
  role: string;
  term?: { start?: IsoDate; end?: IsoDate };
  proxy?: string;
}

export interface BodyView {
  id: string;
  path: string;
  name: string;
  kind?: string;
  description?: string;
  meets?: string;
  chair?: string;
  accountableTo?: { name: string; path: string };
  totalSeats: number;
  groups: { name: string; seats: number | null; vacant: number; description?: string; rows: MemberRowView[] }[];
  /** Its meetings, joint meetings with other bodies included. */
  upcoming: MeetingSummary[];
  past: MeetingSummary[];
  /** Its decisions register, newest first, joint meetings included, each with this body's quorum. */
  decisions: DecisionRow[];
}

export interface MeetingSummary {
  id: string;
  path: string;
  date: IsoDate;
  start: string;
  bodyName: string;
  venue?: string;
  status: MeetingStatus;
}

export interface AttendanceYearView {
  year: number;
  path: string;
  bodies: {
    id: string;
    name: string;
    meetings: number;
    byPerson: { person: string; group: string; present: number; proxy: number; apologies: number; absent: number }[];
    byGroup: { group: string; seats: number | null; possible: number; attended: number }[];
    /** For bodies with `attendance-by: school`: schools represented at each meeting. */
    bySchool: { date: IsoDate; represented: number; total: number }[];
  }[];
}

export interface PaperCopy {
  meetingId: string;
  /** Relative to the meeting folder, normalised (see normalisePaperPath). */
  source: string;
  /** Where it goes in the site. */
  sitePath: string;
}

export interface SitePlan {
  partnership: { name: string; short: string; purpose?: string; values: string[]; clerk: string; minutesPolicy: MinutesPolicy };
  baseUrl?: string;
  bodies: BodyView[];
  meetings: MeetingView[];
  upcoming: MeetingSummary[];
  decisions: DecisionRow[];
  actions: ActionRow[];
  attendance: AttendanceYearView[];
  calendar: IcsCalendar;
  /** The school calendars given in the partnership file (none when it gives no term dates). */
  terms: TermDatesView[];
  copies: PaperCopy[];
  /** Markdown papers, published as pages of their own. */
  documents: DocumentView[];
  /** Addresses that may appear on the site (people with email-public); every other one is withheld. */
  publicEmails: string[];
  warnings: string[];
}

/** One school calendar as the site lists it: term and half-term dates. */
export interface TermDatesView {
  name: string;
  /** Names of the bodies that meet by it. */
  bodies: string[];
  terms: { name: string; start: IsoDate; end: IsoDate; halfTerm?: { start: IsoDate; end: IsoDate } }[];
}

export interface DocumentView {
  path: string;
  title: string;
  markdown: string;
  meeting: { path: string; bodyName: string; date: IsoDate };
}

/** Site paths of the pages, in one place so links and files agree. */
export const SITE_PATHS = {
  home: 'index.html',
  meetings: 'meetings/index.html',
  decisions: 'registers/decisions.html',
  actions: 'registers/actions.html',
  attendance: 'registers/attendance.html',
  calendar: 'meetings.ics',
  css: 'site.css',
  meeting: (id: string) => `meetings/${id}/index.html`,
  body: (id: string) => `bodies/${id}/index.html`,
  attendanceYear: (year: number) => `registers/attendance-${year}.html`,
} as const;

/**
 * The relative href from one site page to another path ("../../site.css"): up out of the
 * folders of `from` that `to` is not in, then down to `to`; a fragment (#...) is kept as it is.
 * Worked on the text, not on lists of segments: a site of a thousand meetings asks it hundreds
 * of thousands of times.
 */
export function relativeHref(from: string, to: string): string {
  const hash = to.indexOf('#');
  const path = hash === -1 ? to : to.slice(0, hash);
  // the folders both are in: the longest common start that ends at a "/"
  const fromDir = from.lastIndexOf('/') + 1;
  let common = 0;
  for (let i = 0; i < fromDir && i < path.length && from.charCodeAt(i) === path.charCodeAt(i); i++) if (path.charCodeAt(i) === SLASH) common = i + 1;
  let up = 0;
  for (let i = common; i < fromDir; i++) if (from.charCodeAt(i) === SLASH) up++;
  const rel = '../'.repeat(up) + path.slice(common);
  return hash === -1 ? rel : rel + to.slice(hash);
}

const SLASH = 0x2f;

