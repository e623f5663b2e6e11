/**
 * The partnership file (`partnership.yaml`): one declaration that is the validator, the
 * TypeScript types and the published JSON Schema (schema/partnership.schema.json).
 */
import { NATIONS } from './calendar.js';
import { MINUTES_KINDS, NOTICE_KINDS } from './deadlines.js';
import { date, email, id, text, time } from './scalars.js';
import { arr, bool, dict, int, obj, oneOf, opt, req, str, tagged, type Infer } from './schema.js';

/**
 * Bounds on counts, so that a slip (1e9, an extra row of zeros) is refused where it was
 * written rather than reaching the quorum arithmetic: no board has a thousand seats, and a
 * proxy who stands for more than a hundred members is a typing error.
 */
export const MAX_SEATS = 1000;
export const MAX_PER_PROXY = 100;

export const ROLES = ['chair', 'vice-chair', 'member', 'officer', 'observer', 'proxy', 'adviser'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that vote unless the person says `voting: false`. */
export const VOTING_ROLES: readonly Role[] = ['chair', 'vice-chair', 'member'];
/** Roles that take one of a group's seats. */
export const SEAT_ROLES: readonly Role[] = ['chair', 'vice-chair', 'member', 'officer'];

export const PHASES = ['nursery', 'primary', 'secondary', 'all-through', 'special', 'pupil-referral-unit', 'post-16', 'first', 'lower', 'middle', 'upper'] as const;
export const SCHOOL_TYPES = [
  'academy',
  'free-school',
  'community',
  'foundation',
  'voluntary-aided',
  'voluntary-controlled',
  'special',
  'pupil-referral-unit',
] as const;
export const SUBSTITUTE_SOURCES = ['own-group', 'anyone'] as const;
export const BODY_KINDS = ['board', 'operational-group', 'working-group', 'cluster', 'progress-board', 'governing-body', 'forum'] as const;

const term = obj(
  { start: opt(date('first day in office')), end: opt(date('last day in office')) },
  { description: 'Term of office' },
);

/** How a seat is filled: elected by its group, appointed (by the council or the group), or co-opted by the body. */
export const FILL_METHODS = ['elected', 'appointed', 'co-opted'] as const;
export type FillMethod = (typeof FILL_METHODS)[number];

/**
 * A place on a body or in a partner group, held from a date to a date. Without `body` the
 * person sits in `group` and so on every body that seats that group; with `body` they sit on
 * that body alone, with the role and vote given here (an officer who votes on the Operational
 * Group but not on the board; a head who chairs a cluster).
 */
const appointment = obj(
  {
    body: opt(id('Body the person sits on directly; leave out for a place in a partner group')),
    group: opt(id('Partner group whose seat this is')),
    seat: opt(text('Name of the seat, e.g. "Early years"')),
    role: opt(oneOf(ROLES), 'Role in this place; default "member"'),
    voting: opt(bool('Whether the person votes in this place; default true for chair, vice-chair and member')),
    from: opt(date('First day in the place')),
    to: opt(date('Last day in the place; the seat is vacant from the day after')),
    filled: opt(oneOf(FILL_METHODS), 'How the person came to the seat'),
    proxy: opt(id('Person appointed to attend in this member\'s absence, for this place')),
    notes: opt(text()),
  },
  { description: 'An appointment: a seat on a body or in a group, with role, vote and dates' },
);
export type AppointmentEntry = Infer<typeof appointment>;

const person = obj(
  {
    id: req(id('Unique id, used everywhere else in the records')),
    name: req(text('Full name')),
    email: opt(email()),
    emailPublic: opt(bool('May the address appear on the published website? Default false')),
    title: opt(text('Job title, e.g. "Headteacher, Oakwood Primary"')),
    group: opt(id('Partner group the person represents')),
    school: opt(id('School the person leads or works at (schools register)')),
    role: opt(oneOf(ROLES), 'Role; default "member"'),
    voting: opt(bool('Whether the person votes; default true for chair, vice-chair and member')),
    term: opt(term),
    proxy: opt(id('Id of the person appointed as proxy to attend in this member\'s absence')),
    appointments: opt(arr(appointment), 'Places held over time; "group", "role", "voting", "term" and "proxy" above are shorthand for one of them'),
    notes: opt(text()),
  },
  { description: 'A person: member, officer, observer or proxy' },
);

const group = obj(
  {
    id: req(id()),
    name: req(text()),
    seats: req(int({ min: 0, max: MAX_SEATS }), 'Seats the group holds on the board; 0 for groups without seats'),
    filledBy: opt(oneOf(FILL_METHODS), 'How a vacant seat of the group is filled; default "elected" (by the group)'),
    description: opt(text()),
  },
  { description: 'A partner group and its seats' },
);

const cluster = obj({ id: req(id()), name: req(text()), description: opt(text()) }, { description: 'A locality cluster of schools' });

// ---- Schools register: schools, their groupings, and selectors by school ----

/** Groupings a school can belong to besides its cluster; a school may be in several. */
export const GROUPING_KINDS = ['cluster', 'alliance', 'trust', 'federation', 'set'] as const;
export const SCHOOL_STATUSES = ['open', 'closed'] as const;

const grouping = obj(
  {
    id: req(id()),
    name: req(text()),
    kind: opt(oneOf(GROUPING_KINDS), 'What holds the schools together; default "set"'),
    description: opt(text()),
  },
  { description: 'A named set of schools: a teaching-school alliance, a trust, a federation, any set' },
);

const school = obj(
  {
    id: req(id()),
    name: req(text()),
    phase: req(oneOf(PHASES), 'Phase; three-tier areas use first, lower, middle and upper'),
    type: req(oneOf(SCHOOL_TYPES), 'Governance type'),
    status: opt(oneOf(SCHOOL_STATUSES), 'Default "open"; a closed school stays for past records, but no list or body selects it'),
    religiousCharacter: opt(text('Religious character as GIAS gives it, e.g. "Church of England", "Roman Catholic"; leave out for none')),
    trust: opt(text('The academy trust the school belongs to, by name')),
    cluster: opt(id('Cluster id')),
    groupings: opt(arr(id()), 'Groupings the school belongs to (ids from "groupings:" or "clusters:")'),
    head: opt(id('Person id of the head teacher')),
    headName: opt(text('The head\'s name as the register of schools gives it')),
    urn: opt(str({ expected: 'a URN (digits)', pattern: /^\d{5,7}$/ })),
  },
  { description: 'A school in the schools register' },
);

/** Who of a matching school a selector picks: its head, or everyone linked to it. */
export const SCHOOL_WHO = ['heads', 'all'] as const;

const schoolFilter = obj(
  {
    phase: opt(arr(oneOf(PHASES))),
    type: opt(arr(oneOf(SCHOOL_TYPES))),
    cluster: opt(arr(id())),
    grouping: opt(arr(id()), 'Schools in any of these groupings (clusters count as groupings)'),
    trust: opt(arr(text()), 'Schools of these trusts, by name'),
    religiousCharacter: opt(arr(text()), 'Schools of these religious characters, e.g. "Roman Catholic"'),
    church: opt(bool('true: church schools (a Christian religious character), academies included; false: no church schools')),
    who: opt(oneOf(SCHOOL_WHO), '"heads" (default): the head of each school; "all": everyone whose "school:" is a matching school'),
  },
  { description: 'Open schools matching every field given; the head of each (or, with who: all, everyone linked to it) is selected' },
);

/** Who is selected: every field given must match (AND); several selectors in a list add up (OR). */
export const selector = obj(
  {
    groups: opt(arr(id()), 'People of these partner groups'),
    people: opt(arr(id()), 'These people'),
    roles: opt(arr(oneOf(ROLES)), 'People with these roles'),
    bodies: opt(arr(id()), 'Members of these bodies'),
    proxies: opt(bool('true: only people appointed as proxies; false: no proxies')),
    schools: opt(schoolFilter),
  },
  { description: 'A filter over people' },
);

const noticeRule = obj({ kind: req(oneOf(NOTICE_KINDS)), days: req(int({ min: 0, max: 365 })) }, { description: 'How much notice a meeting needs' });
const minutesRule = obj(
  {
    kind: req(oneOf(MINUTES_KINDS)),
    days: req(int({ min: 1, max: 365 })),
    countMeetingDay: opt(bool('Count the meeting day as day 1 ("beginning with the day of the meeting")')),
  },
  { description: 'By when minutes go to members' },
);

const fraction = str({
  expected: 'a fraction such as 1/2 or 2/5',
  pattern: /^\d+\/[1-9]\d*$/,
  check: (v) => {
    const [a, b] = v.split('/').map(Number) as [number, number];
    if (b > MAX_SEATS) return `"${v}": a quorum fraction's denominator is at most ${MAX_SEATS}`;
    return a > b || a === 0 ? `"${v}" is not a fraction between 0 and 1` : undefined;
  },
  patternHint: 'write it as numerator/denominator, e.g. 2/5',
  // JSON Schema cannot compare the two numbers: editors learn this rule from the description
  description: 'numerator/denominator, between 0 and 1 (1/2, 2/5; not 0/3 or 3/2)',
});

export const quorumRule = tagged(
  'kind',
  {
    'per-group': obj({
      groups: req(arr(id(), { minItems: 1 })),
      min: req(int({ min: 1, max: MAX_SEATS }), 'At least this many from each group'),
      note: opt(text()),
    }),
    count: obj({ min: req(int({ min: 1, max: MAX_SEATS }), 'At least this many voting members in all'), note: opt(text()) }),
    fraction: obj({
      of: req(oneOf(['seats', 'filled-seats', 'voting-seats'] as const), '"seats": all seats; "filled-seats": voting members in post; "voting-seats": seats that carry a vote, filled or not'),
      fraction: req(fraction),
      round: opt(oneOf(['up', 'down', 'nearest'] as const), 'Default "up"'),
      neverFewerThan: opt(int({ min: 1, max: MAX_SEATS }), 'A floor: never fewer than this many'),
      note: opt(text()),
    }),
    required: obj({
      role: opt(oneOf(ROLES), 'Someone with this role must be present (e.g. chair)'),
      person: opt(id('This person must be present')),
      note: opt(text()),
    }),
    'schools-represented': obj({
      min: opt(int({ min: 1 }), 'At least this many schools represented'),
      fraction: opt(fraction, "This fraction of the body's schools represented, e.g. 1/2"),
      round: opt(oneOf(['up', 'down', 'nearest'] as const), 'Default "up"'),
      neverFewerThan: opt(int({ min: 1 }), 'With a fraction: never fewer than this many schools'),
      note: opt(text()),
    }),
  },
  'A quorum rule; all of a body\'s rules must hold',
);
export type QuorumRule = Infer<typeof quorumRule>;

const venue = obj(
  {
    name: req(text()),
    address: opt(text()),
    link: opt(str({ expected: 'a web address (https://...)', pattern: /^https?:\/\/\S+$/, patternHint: 'write the full joining link, starting https://' })),
    joining: opt(text('Joining details: meeting id, passcode, dial-in')),
  },
  { description: 'Where a meeting is held' },
);
export type Venue = Infer<typeof venue>;
export { venue as venueSchema };

const schoolTerm = obj(
  {
    name: req(text('e.g. "Autumn 2027"')),
    start: req(date('First day of term')),
    end: req(date('Last day of term')),
    halfTerm: opt(obj({ start: req(date()), end: req(date()) }, { description: 'The half-term break, first and last day' })),
  },
  { description: 'A school term' },
);
export type TermDates = Infer<typeof schoolTerm>;

const closure = obj(
  {
    date: opt(date('A single day')),
    from: opt(date('First day of a closure of several days')),
    to: opt(date('Last day of a closure of several days')),
    reason: req(text()),
  },
  { description: 'A day (date) or days (from, to) that are not working days' },
);

const body = obj(
  {
    id: req(id()),
    name: req(text()),
    kind: opt(oneOf(BODY_KINDS)),
    description: opt(text()),
    members: req(arr(selector, { minItems: 1 }), 'Who sits on the body: a list of selectors'),
    seats: opt(int({ min: 1, max: MAX_SEATS }), 'Total seats, when not the sum of the member groups\' seats'),
    accountableTo: opt(id('Body this one reports to')),
    meets: opt(text('How often, e.g. "half-termly"')),
    lifespan: opt(obj({ start: req(date()), end: req(date()) }, { description: 'For a body that lives a fixed time' })),
    notice: req(noticeRule),
    minutes: req(minutesRule),
    quorum: opt(arr(quorumRule), 'All rules must hold for the meeting to be quorate'),
    proxies: opt(obj({ allowed: opt(bool()), maxPerProxy: opt(int({ min: 1, max: MAX_PER_PROXY }), 'Members one proxy may stand for; default 1') })),
    substitutes: opt(
      obj(
        {
          allowed: opt(bool('May a member\'s group send someone on the day? Default false')),
          from: opt(oneOf(SUBSTITUTE_SOURCES), '"own-group" (default): someone of the absent member\'s partner group; "anyone": anyone in the file'),
        },
        { description: 'Substitutes sent on the day in place of an absent member' },
      ),
    ),
    attendanceBy: opt(oneOf(['person', 'school'] as const), '"school": report attendance as schools represented'),
    chair: opt(id('Person who chairs the body; a member of it')),
    viceChair: opt(id('Person who is vice-chair of the body; a member of it')),
    venue: opt(venue),
    start: opt(time('Usual start time')),
    end: opt(time('Usual end time')),
    terms: opt(id('The school calendar this body follows, from calendar.other-terms (default: calendar.terms)')),
  },
  { description: 'A board, group or cluster that meets' },
);

const list = obj(
  {
    id: req(id()),
    name: req(text()),
    description: opt(text()),
    include: req(arr(selector, { minItems: 1 })),
    exclude: opt(arr(selector)),
  },
  { description: 'A named distribution list' },
);

export const partnershipSchema = obj(
  {
    partnership: req(
      obj({
        name: req(text()),
        short: req(text('Short name, e.g. "WEP"')),
        purpose: opt(text()),
        values: opt(arr(text())),
        clerk: req(obj({ name: req(text()), email: req(email()), phone: opt(text()) })),
        timezone: opt(oneOf(['Europe/London'] as const)),
        calendar: opt(
          obj({
            nation: opt(oneOf(NATIONS), 'Whose bank holidays; default england-and-wales'),
            closures: opt(arr(closure), 'Extra non-working days, and bank holidays announced at short notice'),
            terms: opt(arr(schoolTerm), "The local authority's term dates, in date order"),
            otherTerms: opt(
              dict(obj({ name: req(text()), terms: req(arr(schoolTerm)) }, { description: 'Another school calendar, e.g. an academy trust\'s' })),
              'School calendars that differ from the authority\'s, by id; a body follows one with "terms: ID"',
            ),
          }),
        ),
        termWarningDays: opt(int({ min: 1, max: 730 }), 'wep status lists terms ending within this many days; default 90'),
        minutes: opt(
          obj({
            inquorateApproval: opt(oneOf(['refuse', 'warn'] as const), 'Minutes approved at a meeting not quorate at that item: refuse (default) or warn'),
            references: opt(text('Minute reference scheme, e.g. "{short}/{yyyy}/{mm}/{item}" or "{n}/{ay}"')),
          }),
        ),
        smtp: opt(
          obj(
            {
              host: req(text('Mail server, e.g. smtp.example.org')),
              port: opt(int({ min: 1, max: 65535, description: 'Default 587 (465 with tls: implicit)' })),
              tls: opt(oneOf(['starttls', 'implicit', 'none'] as const), 'starttls (default): upgrade the connection; implicit: TLS from the start (port 465); none: only for a local test server'),
              from: opt(email('Sender address; default the clerk\'s')),
            },
            { description: 'Where "wep send" sends mail. Credentials never go here: WEP_SMTP_USER and WEP_SMTP_PASSWORD in the environment; WEP_SMTP_URL overrides all of it' },
          ),
        ),
        send: opt(
          obj({
            mode: opt(oneOf(['each', 'bcc'] as const), 'each (default): one message per recipient, so no address is shown to another; bcc: one message, recipients in Bcc'),
          }),
        ),
        publish: opt(
          obj({
            minutes: opt(oneOf(['approved-only', 'mark-drafts'] as const), 'Leave out unapproved minutes, or publish them marked as drafts'),
            baseUrl: opt(str({ expected: 'a web address', pattern: /^https?:\/\/\S+$/ })),
          }),
        ),
      }),
    ),
    groups: req(arr(group, { minItems: 1 })),
    clusters: opt(arr(cluster)),
    groupings: opt(arr(grouping), 'Named sets of schools beyond clusters: alliances, trusts, federations'),
    schools: opt(arr(school)),
    people: req(arr(person)),
    bodies: req(arr(body, { minItems: 1 })),
    lists: opt(arr(list)),
  },
  { title: 'wep partnership file', description: 'The partnership: groups, people, bodies and their rules' },
);

export type PartnershipFile = Infer<typeof partnershipSchema>;
export type Person = Infer<typeof person>;
export type Group = Infer<typeof group>;
export type School = Infer<typeof school>;
export type Grouping = Infer<typeof grouping>;
export type SchoolFilter = Infer<typeof schoolFilter>;
export type Body = Infer<typeof body>;
export type Selector = Infer<typeof selector>;
export type DistributionList = Infer<typeof list>;
