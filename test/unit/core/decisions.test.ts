import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectDecisions } from '../../../src/core/decisions.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { evaluateQuorum } from '../../../src/core/quorum.js';
import { validatePartnershipSource } from '../../../src/io/partnership-file.js';
import { ROOT } from '../../helpers/wep.js';

let model: Model;
beforeAll(async () => {
  const { file } = await validatePartnershipSource(readFileSync(join(ROOT, 'partnership.yaml'), 'utf8'), 'partnership.yaml', '2026-11-22');
  model = buildModel(file!);
});
const evaluate = (body: Parameters<typeof evaluateQuorum>[1], att: Parameters<typeof evaluateQuorum>[2], item?: number) => evaluateQuorum(model, body, att, { item });

const QUORATE = ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'];
const meeting = (over: Partial<MeetingFile>): MeetingFile => ({
  body: 'partnership',
  date: '2026-10-08',
  start: '16:00',
  agenda: [{ title: 'Welcome' }, { title: 'Budget', purpose: 'decision' }, { title: 'Closed item', confidential: true }],
  ...over,
});

describe('collectDecisions', () => {
  it('gives each decision its ref, item title and the quorum at that item', () => {
    const m = meeting({
      attendance: { present: QUORATE, left: [{ person: 'sf-jones', item: 3 }] },
      decisions: [
        { id: 'd1', item: 2, text: 'Budget approved.' },
        { item: 3, text: 'Closed decision.' },
      ],
    });
    const ds = collectDecisions(model, [{ id: '2026-10-08-partnership', meeting: m, fromMinutesFile: new Set(['d1']) }], evaluate);
    expect(ds.map((d) => [d.ref, d.itemTitle, d.quorate, d.confidential, d.fromMinutesFile])).toEqual([
      ['2026-10-08-partnership/d1', 'Budget', true, false, true],
      ['2026-10-08-partnership/d2', 'Closed item', false, true, false],
    ]);
    expect(ds[1]!.quorum!.rules.find((r) => !r.met)).toMatchObject({ shortBy: 1 });
  });

  it('quorum is unknown (null) with no attendance or an unknown body', () => {
    const ds = collectDecisions(
      model,
      [
        { id: 'a', meeting: meeting({ decisions: [{ item: 2, text: 'x' }] }) },
        { id: 'b', meeting: meeting({ body: 'no-such-body', attendance: { present: QUORATE }, decisions: [{ item: 9, text: 'y' }] }) },
      ],
      evaluate,
    );
    expect(ds.map((d) => [d.quorate, d.bodyName, d.itemTitle])).toEqual([
      [null, 'Education Partnership', 'Budget'],
      [null, 'no-such-body', 'item 9'],
    ]);
  });
});
