/** Meeting records for the minutes and registers e2e tests, written into a tempRepo(). */
import { git, write } from './wep.js';

export const OCT = '2026-10-08-partnership';
export const DEC = '2026-12-10-partnership';

/** Held Thursday 8 October 2026; quorate at the start, inquorate at item 6 (ph-ahmed withdrew). */
export const OCTOBER_YAML = `# The autumn meeting: a comment the edits must keep
body: partnership
date: 2026-10-08
start: "16:00"
end: "18:00"
agenda:
  - { title: Welcome and apologies, standard: apologies }
  - { title: Proxies, standard: proxies }
  - { title: Declarations of interest, standard: declarations }
  - { title: Minutes of the last meeting, standard: previous-minutes }
  - { title: Matters arising, standard: matters-arising }
  - { title: Work plan 2027, purpose: decision, presenter: la-morgan }
  - { title: Attendance data, purpose: information }
  - { title: Any other business, standard: aob }
  - { title: Date of the next meeting, standard: next-meeting }
notice: { sent: 2026-09-25 }
attendance:
  present: [chair-okafor, ph-ahmed, ph-brown, sh-clarke, sh-francis, sf-iqbal, sf-jones, la-morgan]
  apologies: [sh-evans, ph-chen]
  proxies:
    - { proxy: px-evans, for: sh-evans }
  interests:
    - { person: ph-ahmed, item: 6, interest: school named in the plan }
actions:
  # carried forward to December
  - id: a1
    text: Propose an election process for the MAT seat
    owner: la-morgan
    due: 2026-11-13
    item: 6
decisions:
  - { id: d1, item: 6, text: The work plan 2027 is approved. }
`;

/** Upcoming Thursday 10 December 2026. */
export const DECEMBER_YAML = `body: partnership
date: 2026-12-10
start: "16:00"
agenda:
  - { title: Welcome and apologies, standard: apologies }
  - { title: Minutes of the last meeting, standard: previous-minutes }
  - { title: Matters arising, standard: matters-arising }
  - { title: Budget 2027-28, purpose: decision }
  - { title: Date of the next meeting, standard: next-meeting }
`;

/** Writes the two meetings and commits them. */
export function seedMeetings(dir: string, opts: { commit?: boolean } = {}): void {
  write(dir, `meetings/${OCT}/meeting.yaml`, OCTOBER_YAML);
  write(dir, `meetings/${DEC}/meeting.yaml`, DECEMBER_YAML);
  if (opts.commit !== false) {
    git(['add', '-A'], dir);
    git(['commit', '-qm', 'meetings'], dir);
  }
}
