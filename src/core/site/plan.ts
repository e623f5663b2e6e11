/**
 * The published website, as data: which pages exist, what each may show, which papers are
 * copied. Pure and deterministic (same records and `today` -> same plan); `today` only decides
 * which meetings are upcoming. What may be published is decided in privacy.ts:
 *
 * - a confidential agenda item never appears: not its title, its paper, its minute, the
 *   decisions, actions or declarations recorded against it; a paper of any confidential item
 *   is never copied, whatever a public item calls it (path, symbolic link or hard link);
 * - minutes, decisions, actions and declarations of a meeting whose minutes are not approved
 *   are left out (`publish.minutes: approved-only`, the default) or shown marked as drafts
 *   (`mark-drafts`); attendance and apologies are shown once the meeting is held;
 * - email addresses only where the file says `email-public: true`, in any text of the plan;
 *   joining links and passcodes of online meetings and notice recipient lists never.
 *
 * src/report/site/ turns the plan into pages; src/io/site-writer.ts writes them.
 */
import { membership } from '../membership.js';
import { modelOn, type Model } from '../model.js';
import { termDates } from '../term-dates.js';
import { planAttendanceYears } from './attendance-years.js';
import { planCalendar } from './calendar.js';
import { bodyName, personName, personRef, planMeeting, type PlanContext } from './meeting.js';
import { confidentialItems, confidentialTexts, paperRef, publicEmailSet, redactDeep, type PaperRef } from './privacy.js';
import { SITE_PATHS, type BodyView, type MeetingSummary, type MeetingView, type MemberRowView, type MinutesPolicy, type SiteInput, type SiteMeetingInput, type SitePlan } from './types.js';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The papers of every confidential item of every meeting, with the files io found for them. */
export function confidentialPapers(meetings: readonly SiteMeetingInput[]): PaperRef[] {
  return meetings.flatMap((rec) => {
    const secret = confidentialItems(rec.meeting);
    return (rec.meeting.agenda ?? []).flatMap((it, i) => {
      if (!secret.has(i + 1) || !it.paper) return [];
      return [paperRef(rec.id, it.paper, rec.papers.find((p) => p.paper === it.paper)?.identity)];
    });
  });
}

/** Builds the whole site plan. */
export function planSite(input: SiteInput): SitePlan {
  const { model, today } = input;
  const p = model.file.partnership;
  const policy: MinutesPolicy = p.publish?.minutes ?? 'approved-only';
  const records = [...input.meetings].sort(byId);
  const ctx: PlanContext = {
    model,
    today,
    policy,
    confidentialPapers: confidentialPapers(records),
    recordFiles: input.recordFiles ?? [],
    travellingSecrets: records.flatMap((r) => confidentialTexts(r.meeting).travelling),
    recordIds: new Set(records.map((r) => r.id)),
    ...(input.rendererHeadings ? { rendererHeadings: input.rendererHeadings } : {}),
  };
  const planned = records.map((rec) => planMeeting(ctx, rec));
  const views = planned.map((x) => x.view);
  linkNeighbours(views);

  const publicEmails = [...model.people.values()].filter((x) => x.email && x.emailPublic === true).map((x) => x.email!);
  const plan: SitePlan = {
    partnership: { name: p.name, short: p.short, values: [...(p.values ?? [])], clerk: p.clerk.name, minutesPolicy: policy },
    bodies: planBodies(model, today, views),
    meetings: views,
    upcoming: views.filter((v) => v.status === 'upcoming').map(meetingSummary),
    decisions: views.flatMap((v) => v.decisions).reverse(),
    actions: views.flatMap((v) => v.actions).sort(byOpenThenDue),
    attendance: planAttendanceYears(model, views, records),
    calendar: planCalendar(model, views, input.meetings, input.baseUrl),
    terms: termDates(model).map((t) => ({
      name: t.name,
      bodies: t.bodies.map((b) => bodyName(model, b)),
      terms: t.terms.map((x) => ({ name: x.name, start: x.start, end: x.end, ...(x.halfTerm ? { halfTerm: { ...x.halfTerm } } : {}) })),
    })),
    copies: planned.flatMap((x) => x.copies),
    documents: planned.flatMap((x) => x.documents),
    publicEmails: [...new Set(publicEmails)].sort(),
    warnings: planned.flatMap((x) => x.warnings),
  };
  if (p.purpose) plan.partnership.purpose = p.purpose;
  if (input.baseUrl) plan.baseUrl = input.baseUrl;
  // Any address in any text of the plan (titles, venues, minutes, papers) that is not public goes.
  // Calendar UIDs look like addresses (id@host) and are wep's own: they stay.
  const { warnings, calendar, ...rest } = plan;
  const allowed = publicEmailSet(plan.publicEmails);
  const events = calendar.events.map(({ uid, ...e }) => ({ uid, ...redactDeep(e, allowed) }));
  return { ...redactDeep(rest, allowed), calendar: { ...redactDeep(calendar, allowed), events }, warnings };
}

/** As localeCompare with no locale (the same collator), made once: the register sorts every action of 20 years. */
let collator: Intl.Collator | undefined;
const byText = (a: string, b: string) => (collator ??= new Intl.Collator()).compare(a, b);

/** Two ISO dates (or the "9999" of no date) in order: their characters' order is the dates'. */
const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byOpenThenDue = (x: { done?: string; due?: string; ref: string }, y: { done?: string; due?: string; ref: string }) =>
  Number(Boolean(x.done)) - Number(Boolean(y.done)) || byDate(x.due ?? '9999', y.due ?? '9999') || byText(x.ref, y.ref);

/**
 * Previous/next meeting of the same body, for walking through a body's history: a meeting's
 * own body's meetings, its joint meetings with other bodies included.
 */
function linkNeighbours(views: MeetingView[]): void {
  const lastWith = new Map<string, MeetingView>();
  const awaitingNext = new Map<string, MeetingView>();
  for (const v of views) {
    const prev = lastWith.get(v.bodyId);
    if (prev) v.previous = { id: prev.id, date: prev.date, path: prev.path };
    for (const b of v.bodies) {
      const before = awaitingNext.get(b.id);
      if (before) before.next = { id: v.id, date: v.date, path: v.path };
      awaitingNext.delete(b.id);
      lastWith.set(b.id, v);
    }
    awaitingNext.set(v.bodyId, v);
  }
}

export function meetingSummary(v: MeetingView): MeetingSummary {
  const s: MeetingSummary = { id: v.id, path: v.path, date: v.date, start: v.start, bodyName: v.bodyName, status: v.status };
  if (v.venue) s.venue = v.venue.address ? `${v.venue.name}, ${v.venue.address}` : v.venue.name;
  return s;
}

/** Each body's page: membership as of today by partner group, vacancies, its meetings and decisions (joint meetings included). */
function planBodies(model: Model, today: string, views: readonly MeetingView[]): BodyView[] {
  const now = modelOn(model, today);
  return [...now.bodies.values()].map((b) => {
    const ms = membership(now, today, b);
    const ofBody = views.filter((v) => v.bodies.some((x) => x.id === b.id));
    // this body's register: each decision with this body's quorum at the item
    const decisions = ofBody
      .flatMap((v) => v.decisions)
      .map((d) => ({ ...d, quorate: d.byBody.find((q) => q.bodyId === b.id)?.quorate ?? null }))
      .reverse();
    const view: BodyView = {
      id: b.id,
      path: SITE_PATHS.body(b.id),
      name: b.name,
      totalSeats: b.totalSeats,
      groups: ms.groups.map((g) => {
        const group = g.id ? model.groups.get(g.id) : undefined;
        const out: BodyView['groups'][number] = {
          name: g.name,
          seats: g.seats,
          vacant: g.vacant,
          rows: g.rows.map((r) => {
            const row: MemberRowView = { person: personRef(model, r.person.id), role: r.person.role };
            if (r.person.term && (r.person.term.start || r.person.term.end)) row.term = { ...r.person.term };
            if (r.proxy) row.proxy = r.proxy.name;
            return row;
          }),
        };
        if (group?.description) out.description = group.description;
        return out;
      }),
      upcoming: ofBody.filter((v) => v.status === 'upcoming').map(meetingSummary),
      past: ofBody.filter((v) => v.status !== 'upcoming').map(meetingSummary).reverse(),
      decisions,
    };
    if (b.kind) view.kind = b.kind;
    if (b.description) view.description = b.description;
    if (b.meets) view.meets = b.meets;
    if (b.chair) view.chair = personName(model, b.chair);
    if (b.accountableTo && model.bodies.has(b.accountableTo)) view.accountableTo = { name: bodyName(model, b.accountableTo), path: SITE_PATHS.body(b.accountableTo) };
    return view;
  });
}

/** Upcoming meetings, soonest first, at most `n`. */
export function nextMeetings(plan: SitePlan, n = 5): MeetingSummary[] {
  return plan.upcoming.slice(0, n);
}
