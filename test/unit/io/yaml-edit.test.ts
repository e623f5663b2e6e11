import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { editYamlFile, parseForEdit, spliceEdit } from '../../../src/io/yaml-edit.js';

const SOURCE = `# yaml-language-server: $schema=../../schema/meeting.schema.json
# The clerk's header comment.

body: partnership   # the board
date: 2026-10-08
agenda:
  - { title: Welcome and apologies, standard: apologies }
  - title: Work plan
    minutes: >-
      The Assistant Director presented the work plan. Members asked for a termly
      report on attendance and exclusions.

# Actions agreed at the meeting
actions:
  - id: a1
    text: Propose an election process
    owner: la-morgan

minutes:
  status: draft
`;

function edit(source: string, f: (doc: ReturnType<typeof parseForEdit>) => void): string {
  const doc = parseForEdit(source);
  f(doc);
  return spliceEdit(source, doc);
}

describe('spliceEdit', () => {
  it('changes only the entry that changed, byte for byte elsewhere', () => {
    const out = edit(SOURCE, (d) => d.setIn(['minutes', 'status'], 'circulated'));
    expect(out).toBe(SOURCE.replace('status: draft', 'status: circulated'));
  });

  it('keeps folded text the clerk wrapped by hand when another entry changes', () => {
    const out = edit(SOURCE, (d) => d.setIn(['actions', 0, 'owner'], 'la-lewis'));
    expect(out).toContain('Members asked for a termly\n      report on attendance');
    expect(out).toContain('# Actions agreed at the meeting\nactions:');
    expect(out).toContain('owner: la-lewis');
    expect(out).toContain('body: partnership   # the board');
  });

  it('appends a new entry at the end', () => {
    const out = edit(SOURCE, (d) => d.set('notice', d.createNode({ sent: '2026-09-25' })));
    expect(out.startsWith(SOURCE)).toBe(true);
    expect(parseDocument(out).toJS().notice).toEqual({ sent: '2026-09-25' });
  });

  it('removes an entry without touching its neighbours', () => {
    const out = edit(SOURCE, (d) => d.delete('actions'));
    expect(out).not.toContain('actions:');
    expect(out).toContain('minutes:\n  status: draft');
    expect(out).toContain('report on attendance and exclusions.');
  });

  it('always reads back as the edited document', () => {
    const doc = parseForEdit(SOURCE);
    doc.setIn(['agenda', 1, 'purpose'], 'decision');
    doc.set('next-meeting', '2026-12-10');
    const out = spliceEdit(SOURCE, doc);
    expect(parseDocument(out).toJS()).toEqual(doc.toJS());
  });

  it('falls back to a full rendering for a flow mapping at the top', () => {
    const src = '{ body: partnership, date: 2026-10-08 }\n';
    const out = edit(src, (d) => d.set('date', '2026-10-09'));
    expect(parseDocument(out).toJS()).toEqual({ body: 'partnership', date: '2026-10-09' });
  });
});

describe('editYamlFile', () => {
  it('writes atomically and refuses when the file changed since it was read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wep-yaml-edit-'));
    const path = join(dir, 'meeting.yaml');
    writeFileSync(path, SOURCE);
    editYamlFile(dir, path, (d) => d.setIn(['minutes', 'status'], 'approved'), SOURCE);
    expect(readFileSync(path, 'utf8')).toContain('status: approved');
    expect(() => editYamlFile(dir, path, (d) => d.setIn(['minutes', 'status'], 'signed'), SOURCE)).toThrow(/changed on disk/);
    expect(readFileSync(path, 'utf8')).toContain('status: approved');
    rmSync(dir, { recursive: true, force: true });
  });
});
