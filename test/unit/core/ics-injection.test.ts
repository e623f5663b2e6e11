/**
 * Attacks on the iCalendar writer: whatever text the records hold (control characters, lone
 * CRs, newlines of every kind, ; , \ : and quotes, lone UTF-16 halves, emoji at a fold), the
 * file has the same properties as with harmless text, every value reads back as written (less
 * the controls), no control character reaches the file, and no line is longer than 75 octets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, paramValue, renderCalendar, unfold, uriValue, type IcsCalendar } from '../../../src/core/ics.js';

const RUNS = 250;

/** Strings biased towards what breaks calendar files. */
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', ';', ',', ':', '\\', '"', '\r', '\n', '\r\n', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', 'é', '€', '😀', '\ud800', '\udc00', 'BEGIN:VEVENT', 'END:VCALENDAR', 'ATTENDEE:mailto:x@y'), maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Where a line has a control character that is not part of the CRLF ending every line. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A content line split into name, parameters and value as RFC 5545 3.1 reads it (quoted parameter values may hold : ; ,). */
function parseLine(line: string): { name: string; params: [string, string][]; value: string } {
  const name = /^[A-Z][A-Z0-9-]*/.exec(line)![0];
  let i = name.length;
  const params: [string, string][] = [];
  while (line[i] === ';') {
    const eq = line.indexOf('=', i);
    const key = line.slice(i + 1, eq);
    let j = eq + 1;
    let v = '';
    if (line[j] === '"') {
      const close = line.indexOf('"', j + 1);
      v = line.slice(j + 1, close);
      j = close + 1;
    } else {
      while (j < line.length && line[j] !== ';' && line[j] !== ':') v += line[j++];
    }
    params.push([key, v]);
    i = j;
  }
  expect(line[i]).toBe(':');
  return { name, params, value: line.slice(i + 1) };
}

/** Reads a TEXT value back; refuses an unescaped ; or , (which would split the value). */
function unescapeText(v: string, list = false): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\') {
      const n = v[++i];
      cur += n === 'n' || n === 'N' ? '\n' : n;
    } else if (c === ',' && list) {
      out.push(cur);
      cur = '';
    } else {
      expect(c === ';' || c === ',', `unescaped ${c} in ${v}`).toBe(false);
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

/** What a value should read back as: newlines kept, tabs as spaces, anything else unprintable as U+FFFD. */
const expected = (s: string) =>
  s
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

interface Fields {
  prodId: string;
  name: string;
  uid: string;
  summary: string;
  location: string;
  description: string;
  url: string;
  categories: string[];
  organizer: string;
  organizerEmail: string;
  attendee: string;
  attendeeEmail: string;
  alarm: string;
}

const fields: fc.Arbitrary<Fields> = fc.record({
  prodId: hostile,
  name: hostile,
  uid: hostile,
  summary: hostile,
  location: hostile,
  description: hostile,
  url: hostile,
  categories: fc.array(hostile, { minLength: 1, maxLength: 3 }),
  organizer: hostile,
  organizerEmail: hostile,
  attendee: hostile,
  attendeeEmail: hostile,
  alarm: hostile,
});

/** Non-empty, so an optional property is present whatever the text. */
const nonEmpty = (s: string) => `x${s}`;

function calendar(f: Fields, method: IcsCalendar['method'] = 'REQUEST'): IcsCalendar {
  return {
    prodId: f.prodId,
    method,
    name: nonEmpty(f.name),
    events: [
      {
        uid: f.uid,
        stamp: '20261210T000000Z',
        summary: f.summary,
        location: nonEmpty(f.location),
        description: nonEmpty(f.description),
        url: nonEmpty(f.url),
        categories: f.categories,
        timed: { date: '2026-12-10', start: '16:00', end: '18:00' },
        organizer: { name: f.organizer, email: f.organizerEmail },
        attendees: [{ name: f.attendee, email: f.attendeeEmail }],
        sequence: 0,
      },
      { uid: `n-${f.uid}`, stamp: '20261210T000000Z', summary: f.summary, allDay: '2026-12-01', alarm: { trigger: '-P1D', description: nonEmpty(f.alarm) } },
    ],
  };
}

const harmless: Fields = {
  prodId: 'p',
  name: 'n',
  uid: 'u',
  summary: 's',
  location: 'l',
  description: 'd',
  url: 'https://example.org/',
  categories: ['c'],
  organizer: 'o',
  organizerEmail: 'o@example.org',
  attendee: 'a',
  attendeeEmail: 'a@example.org',
  alarm: 'a',
};
const shape = (text: string) => unfold(text).map((l) => parseLine(l).name);
const SHAPE = shape(renderCalendar(calendar(harmless)));

describe('iCalendar output is injection-proof', () => {
  it('holds no control character but the CRLF line ends, no line over 75 octets, and only well-formed UTF-8', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const text = renderCalendar(calendar(f));
        expect(text.endsWith('\r\n')).toBe(true);
        const physical = text.slice(0, -2).split('\r\n');
        for (const line of physical) {
          expect(CONTROL.test(line), JSON.stringify(line)).toBe(false);
          expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        }
        expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('has the same properties, in the same order, whatever the text: nothing can start a line of its own', () => {
    fc.assert(
      fc.property(fields, fc.constantFrom('REQUEST', 'CANCEL', 'PUBLISH') as fc.Arbitrary<IcsCalendar['method']>, (f, method) => {
        expect(shape(renderCalendar(calendar(f, method)))).toEqual(SHAPE);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads every TEXT value back as written, PRODID included, less the control characters', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const lines = unfold(renderCalendar(calendar(f))).map(parseLine);
        const one = (name: string, nth = 0) => lines.filter((l) => l.name === name)[nth]!;
        expect(unescapeText(one('PRODID').value)).toEqual([expected(f.prodId)]);
        expect(unescapeText(one('X-WR-CALNAME').value)).toEqual([expected(nonEmpty(f.name))]);
        expect(unescapeText(one('UID').value)).toEqual([expected(f.uid)]);
        expect(unescapeText(one('SUMMARY').value)).toEqual([expected(f.summary)]);
        expect(unescapeText(one('LOCATION').value)).toEqual([expected(nonEmpty(f.location))]);
        expect(unescapeText(one('DESCRIPTION').value)).toEqual([expected(nonEmpty(f.description))]);
        expect(unescapeText(one('CATEGORIES').value, true)).toEqual(f.categories.map(expected));
        expect(unescapeText(one('DESCRIPTION', 1).value)).toEqual([expected(nonEmpty(f.alarm))]);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps people to one CN parameter and a mailto: address, and URLs to URI characters', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const lines = unfold(renderCalendar(calendar(f))).map(parseLine);
        for (const name of ['ORGANIZER', 'ATTENDEE']) {
          const l = lines.find((x) => x.name === name)!;
          expect(l.params[0]![0]).toBe('CN');
          expect(l.params.map(([k]) => k)).toEqual(name === 'ORGANIZER' ? ['CN'] : ['CN', 'ROLE', 'PARTSTAT', 'RSVP']);
          expect(l.params[0]![1]).not.toMatch(/["\n]/);
          expect(l.value).toMatch(/^mailto:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/);
        }
        const url = lines.find((x) => x.name === 'URL')!;
        expect(url.value).toMatch(/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/);
        expect(decodeURIComponent(url.value.replace(/%(?![0-9A-F]{2})/g, '%25'))).toBeTypeOf('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('folds any line at 75 octets without splitting a character, and unfolds to the same line', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '👩‍👩‍👧', ' ', '\\,'), maxLength: 300 }), (s) => {
        const line = `SUMMARY:${s}`;
        const parts = foldLine(line);
        for (const p of parts) {
          expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
          expect(Buffer.from(p).toString()).toBe(p);
        }
        expect(unfold(`${parts.join('\r\n')}\r\n`)).toEqual([line]);
      }),
      { numRuns: RUNS },
    );
  });

  it('escapes the low-level values by example', () => {
    expect(escapeText('a\rb\r\nc\nd\u2028e')).toBe('a\\nb\\nc\\nd\\ne');
    expect(escapeText('bell\u0007 esc\u001b[2J del\u007f csi\u009b')).toBe('bell\ufffd esc\ufffd[2J del\ufffd csi\ufffd');
    expect(escapeText('tab\there')).toBe('tab here');
    expect(paramValue('Jo "JB" Bloggs\r\nATTENDEE:mailto:x@y')).toBe('"Jo JB Bloggs ATTENDEE:mailto:x@y"');
    expect(uriValue('https://example.org/a b\r\nX:y')).toBe('https://example.org/a%20b%0D%0AX:y');
    expect(uriValue('https://exämple.org/?q="<x>"')).toBe('https://ex%C3%A4mple.org/?q=%22%3Cx%3E%22');
  });

  it('refuses a stamp, date or duration that is not of its form: a bug in wep, not in the records', () => {
    const base = calendar(harmless);
    expect(() => renderCalendar({ ...base, events: [{ ...base.events[0]!, stamp: '20261210T000000Z\r\nX:y' }] })).toThrow(/time stamp/);
    expect(() => renderCalendar({ ...base, events: [{ ...base.events[1]!, alarm: { trigger: '-P1D\nX', description: 'd' } }] })).toThrow(/duration/);
    expect(() => renderCalendar({ ...base, method: 'PUBLISH\r\nX' as never })).toThrow(/value/);
  });
});
