/**
 * A meeting record (`meetings/<id>/meeting.yaml`): the source the clerk edits. One declaration
 * gives the validator, the types and schema/meeting.schema.json.
 */
import { date, email, id, text, time } from './scalars.js';
import { arr, bool, int, obj, oneOf, opt, req, str, type Infer } from './schema.js';
import { venueSchema } from './partnership-schema.js';

export const PURPOSES = ['decision', 'information', 'discussion'] as const;
export const STANDARD_ITEMS = ['welcome', 'apologies', 'proxies', 'declarations', 'previous-minutes', 'matters-arising', 'aob', 'next-meeting'] as const;
export const STAND_IN_KINDS = ['proxy', 'substitute'] as const;
export type StandInKind = (typeof STAND_IN_KINDS)[number];
export const MINUTES_STATUSES = ['draft', 'circulated', 'approved', 'signed'] as const;

const agendaItem = obj(
  {
    title: req(text()),
    standard: opt(oneOf(STANDARD_ITEMS), 'Marks one of the standard items wep fills in'),
    presenter: opt(text('Person id, or a name for someone outside the file')),
    paper: opt(text('Path (relative to the meeting folder) or web address of the paper')),
    purpose: opt(oneOf(PURPOSES)),
    confidential: opt(bool('Confidential items never appear in published output')),
    minutes: opt(text('Minute for this item')),
  },
  { description: 'An agenda item; items are numbered by their position, from 1' },
);

/** No agenda has a thousand items: a larger number is a slip. */
const itemRef = int({ min: 1, max: 999, description: 'Agenda item number' });

const attendance = obj(
  {
    present: opt(arr(id()), 'Ids of people present (members, proxies, officers)'),
    apologies: opt(arr(id()), 'Ids of members who sent apologies'),
    proxies: opt(
      arr(obj({ proxy: req(id()), for: req(id()), as: opt(oneOf(STAND_IN_KINDS), '"proxy" (default): the member\'s appointed proxy; "substitute": sent by the member\'s group on the day') })),
      'Who stood in for whom',
    ),
    observers: opt(arr(id()), 'Ids of observers and invitees present'),
    arrived: opt(arr(obj({ person: req(id()), item: req(itemRef) })), 'Late arrivals: present from this item on'),
    left: opt(arr(obj({ person: req(id()), item: req(itemRef) })), 'Early departures: absent from this item on'),
    interests: opt(
      arr(obj({ person: req(id()), item: req(itemRef), interest: opt(text()), withdrew: opt(bool('Left the room for the item; default true')) })),
      'Declarations of interest',
    ),
  },
  { description: 'Who attended' },
);

const action = obj(
  {
    id: req(id('Unique within this meeting, e.g. a1')),
    text: req(text()),
    owner: req(id('Person id')),
    due: opt(date()),
    item: opt(itemRef),
    done: opt(obj({ date: req(date()), meeting: opt(id('Meeting where it was closed')), note: opt(text()) })),
  },
  { description: 'An action with owner and due date' },
);

const votes = obj(
  { for: req(int({ min: 0 })), against: req(int({ min: 0 })), abstentions: opt(int({ min: 0 })) },
  { description: 'A recorded vote on the decision' },
);

/** One message `wep send` delivered: to whom, its Message-ID, when, and which version. */
const sentMessage = obj(
  {
    to: req(str({ expected: 'a recipient' }), 'Person id, or the address of an outside invitee'),
    messageId: req(str({ expected: 'a Message-ID' })),
    date: req(date()),
    version: opt(str({ expected: 'a fingerprint' }), 'Fingerprint of what was sent: a changed document goes out again'),
  },
  { description: 'A message sent by "wep send"' },
);

const sentPaper = obj(
  { path: req(text()), sha256: req(str({ expected: 'a SHA-256 hex digest', pattern: /^[0-9a-f]{64}$/ })) },
  { description: 'A paper as it was when the notice was sent; a paper added or changed later is late' },
);

const decision = obj(
  {
    id: opt(id()),
    item: req(itemRef),
    text: req(text()),
    votes: opt(votes),
    confirmed: opt(
      obj({ at: req(id('Later quorate meeting that confirmed the decision')), item: opt(itemRef) }),
      'A decision taken while not quorate, confirmed by a later quorate meeting',
    ),
  },
  { description: 'A resolution of the meeting' },
);

export const meetingSchema = obj(
  {
    body: req(id('Body that meets')),
    jointWith: opt(arr(id()), 'Other bodies meeting jointly with this one: one notice to all their members, quorum per body'),
    date: req(date()),
    start: req(time()),
    end: opt(time()),
    venue: opt(venueSchema),
    chair: opt(id('Person who took the chair; default the body\'s chair')),
    calledBy: opt(id('Person who called the meeting; default the chair')),
    requestedBy: opt(id('Member at whose request an extra meeting was called')),
    shortNotice: opt(obj({ reason: req(text()), agreedBy: opt(arr(id())) }), 'Agreement to shorter notice than the rule'),
    invitees: opt(arr(obj({ name: req(text()), email: opt(email()), organisation: opt(text()), person: opt(id()) })), 'Invited beyond the body'),
    agenda: req(arr(agendaItem)),
    uid: opt(str({ expected: 'a calendar UID' }), 'Calendar UID of the meeting, fixed when the notice is first written; keeps the event when the folder is renamed'),
    notice: opt(
      obj({
        sent: opt(date()),
        to: opt(arr(str({ expected: 'a recipient' }))),
        sequence: opt(int({ min: 0, description: 'SEQUENCE of the invitation sent' })),
        event: opt(str({ expected: 'a fingerprint' }), 'Fingerprint of the date, time and venue sent'),
        content: opt(str({ expected: 'a fingerprint' }), 'Fingerprint of the notice as sent'),
        papers: opt(arr(sentPaper), 'The papers as they were when the notice was sent'),
        messages: opt(arr(sentMessage), 'Messages sent by "wep send"'),
      }),
      'When the notice went out and to whom',
    ),
    attendance: opt(attendance),
    actions: opt(arr(action)),
    decisions: opt(arr(decision)),
    minutes: opt(
      obj({
        status: req(oneOf(MINUTES_STATUSES)),
        circulated: opt(date('First circulated')),
        recirculated: opt(arr(obj({ date: req(date()), reason: req(text()) })), 'Each later circulation of corrected minutes, and why'),
        approvedAt: opt(id('Meeting at which the minutes were approved')),
        amendments: opt(arr(text()), 'Amendments made on approval; none: approved as a true record'),
        signed: opt(obj({ by: req(id()), date: req(date()) })),
        messages: opt(arr(sentMessage), 'Messages sent by "wep send --minutes"'),
      }),
    ),
    nextMeeting: opt(date('Date of the next meeting')),
    cancelled: opt(obj({ reason: req(text()) })),
  },
  { title: 'wep meeting record', description: 'One meeting: when, where, agenda, attendance, actions, decisions, minutes' },
);

export type MeetingFile = Infer<typeof meetingSchema>;
export type AgendaItem = Infer<typeof agendaItem>;
export type Attendance = Infer<typeof attendance>;
export type Action = Infer<typeof action>;
export type Decision = Infer<typeof decision>;
export type Votes = Infer<typeof votes>;
export type SentMessage = Infer<typeof sentMessage>;

/** Every body a meeting is a meeting of: its own, then those it meets jointly with. */
export function meetingBodies(m: Pick<MeetingFile, 'body' | 'jointWith'>): string[] {
  return [m.body, ...(m.jointWith ?? []).filter((b) => b !== m.body)];
}
