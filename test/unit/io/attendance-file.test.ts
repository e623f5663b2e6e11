import { describe, expect, it } from 'vitest';
import { withAttendance } from '../../../src/io/attendance-file.js';

const RECORD = `# The December meeting.
body: partnership
date: 2026-12-10
start: "16:00"
agenda:
  - { title: Welcome, standard: welcome }
  - title: Funding
    minutes: >-
      A long minute that the clerk wrapped by hand over
      two lines, which must stay exactly as it is.

# sent by email
notice:
  sent: 2026-11-30

actions: []
`;

describe('withAttendance', () => {
  it('adds attendance after the notice, leaving every other byte as it was', () => {
    const out = withAttendance(RECORD, { present: ['ph-ahmed', 'px-evans'], proxies: [{ proxy: 'px-evans', for: 'sh-evans' }] });
    expect(out).toBe(
      RECORD.replace(
        'sent: 2026-11-30\n',
        'sent: 2026-11-30\n\nattendance:\n  present: [ph-ahmed, px-evans]\n  proxies:\n    - { proxy: px-evans, for: sh-evans }\n',
      ),
    );
  });

  it('changes only the lists that differ, keeping comments inside the block', () => {
    const source = `body: partnership\nattendance:\n  # at the door\n  present: [ph-ahmed, sh-clarke] # signed in\n  apologies: [sh-evans]\n\nactions: []\n`;
    const out = withAttendance(source, { present: ['ph-ahmed', 'sh-clarke'], apologies: ['sh-evans', 'ph-chen'], left: [{ person: 'sh-clarke', item: 6 }] });
    expect(out).toBe(`body: partnership\nattendance:\n  # at the door\n  present: [ph-ahmed, sh-clarke] # signed in\n  apologies: [sh-evans, ph-chen]\n  left:\n    - { person: sh-clarke, item: 6 }\n\nactions: []\n`);
  });

  it('removes lists that become empty, and is a no-op when nothing changes', () => {
    const source = `body: partnership\nattendance:\n  present: [ph-ahmed]\n  apologies: [sh-evans]\n`;
    expect(withAttendance(source, { present: ['ph-ahmed'] })).toBe(`body: partnership\nattendance:\n  present: [ph-ahmed]\n`);
    expect(withAttendance(source, { present: ['ph-ahmed'], apologies: ['sh-evans'] })).toBe(source);
  });

  it('appends to a record with no notice or agenda', () => {
    expect(withAttendance('body: partnership', { apologies: ['sh-evans'] })).toBe('body: partnership\nattendance:\n  apologies: [sh-evans]\n');
  });
});
