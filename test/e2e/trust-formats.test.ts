/**
 * Every output format is injection-proof, end to end: records whose names and titles hold
 * terminal escapes, lone CRs, bidi overrides, spreadsheet formulas, iCalendar syntax and raw
 * HTML, run through the built wep. The terminal shows them, CSV defuses them, iCalendar
 * escapes them, Markdown never turns them into HTML. Also: every command that offers CSV is
 * covered here, so a new one cannot slip past the one CSV writer.
 */
import { parse } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unfold } from '../../src/core/ics.js';
import { read, ROOT, tempRepos, wep, write } from '../helpers/wep.js';

/** Names as YAML double-quoted strings: \e is ESC, \x9b a C1 CSI, \u202e a right-to-left override. */
const EVIL_NAME = '"=HYPERLINK(\\"http://evil.example\\")\\e[2J\\e]0;owned\\a\\rSam\\x9b\\u202eina, Ahmed; <script>alert(1)</script>"';
const EVIL_TITLE = '"Place planning\\r\\nATTENDEE:mailto:spy@evil.example\\n<img src=x onerror=alert(1)> @SUM(1)"';
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const repo = tempRepos({ withMeetings: true });
function hostileRepo(): string {
  const dir = repo();
  write(dir, 'partnership.yaml', read(dir, 'partnership.yaml').replace('name: Samina Ahmed', `name: ${EVIL_NAME}`).replace('short: WEP', 'short: "W,E;P\\\\\\r\\nX-EVIL:1"'));
  const m = 'meetings/2026-12-10-partnership/meeting.yaml';
  write(dir, m, read(dir, m).replace('  - title: School place planning 2027-28', `  - title: ${EVIL_TITLE}`));
  return dir;
}

describe('hostile names and titles, through every output format', () => {
  const dir = hostileRepo();

  it('the records are valid: the attack is in the text, not the shape', () => {
    const r = wep(['check', '--quiet'], { cwd: dir });
    expect(r.stderr).toBe('');
  });

  it('terminal: members, quorum, agenda and status show control characters, never send them', () => {
    for (const args of [['members'], ['quorum', '--present', 'ph-ahmed,ph-brown'], ['agenda', '--meeting', '2026-12-10-partnership'], ['status'], ['distribution', 'members'], ['attendance', '--apologies', 'ph-ahmed', '--meeting', '2026-12-10-partnership']]) {
      const r = wep(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).not.toBe(70);
      expect(r.stdout, args.join(' ')).not.toMatch(OBEYED);
      expect(r.stderr, args.join(' ')).not.toMatch(OBEYED);
    }
    expect(wep(['members'], { cwd: dir }).stdout).toContain('\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\u{d}Sam\\u{9b}\\u{202e}ina');
  });

  it('terminal: --json output parses back to the very text, with no raw control character', () => {
    const r = wep(['members', '--json'], { cwd: dir });
    expect(r.stdout).not.toMatch(OBEYED);
    expect(r.stdout).toContain('\\u001b[2J');
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('Sam\u009b\u202eina');
  });

  /** Every command whose --help offers a csv format, and how to run it. */
  const CSV_COMMANDS: Record<string, string[]> = {
    distribution: ['distribution', 'members', '--format', 'csv'],
    'report attendance': ['report', 'attendance', '--year', '2026', '--format', 'csv'],
  };

  it('every command that offers CSV is attacked here', () => {
    // from the command definitions: each command whose options offer a "csv" choice
    const cli = readFileSync(join(ROOT, 'src/cli.ts'), 'utf8');
    const offering = cli
      .split(/\.command\('/)
      .slice(1)
      .filter((part) => /choices\(\[[^\]]*'csv'/.test(part.split(/\.command\('/)[0]!))
      .map((part) => /^[a-z-]+/.exec(part)![0]);
    expect(offering.sort()).toEqual(Object.keys(CSV_COMMANDS).map((c) => c.split(' ').pop()).sort());
  });

  for (const [name, args] of Object.entries(CSV_COMMANDS)) {
    it(`CSV: ${name} writes CRLF rows of defused cells that parse back`, () => {
      const r = wep(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.endsWith('\r\n')).toBe(true);
      const rows = parse(r.stdout, { record_delimiter: '\r\n' }) as string[][];
      expect(new Set(rows.map((row) => row.length)).size).toBe(1);
      for (const cell of rows.flat()) {
        expect(cell, cell).not.toMatch(/^(?:[\t\r]|\s*[=+\-@])/);
        expect(cell).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      }
      if (name === 'distribution') expect(rows.flat()).toContain("'=HYPERLINK(\"http://evil.example\")\ufffd[2J\ufffd]0;owned\ufffd\rSam\ufffd\u202eina, Ahmed; <script>alert(1)</script>");
    });
  }

  it('iCalendar: invite.ics and wep calendar hold no control character, no injected property, no line over 75 octets', () => {
    expect(wep(['notice', '--meeting', '2026-12-10-partnership'], { cwd: dir }).code).not.toBe(70);
    const invite = read(dir, 'meetings/2026-12-10-partnership/invite.ics');
    const cal = wep(['calendar'], { cwd: dir });
    expect(cal.code, cal.stderr).toBe(0);
    for (const text of [invite, cal.stdout]) {
      for (const line of text.slice(0, -2).split('\r\n')) {
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      }
      const names = unfold(text).map((l) => /^[A-Z-]+/.exec(l)![0]);
      expect(names).not.toContain('X-EVIL');
      expect(unfold(text).filter((l) => l.startsWith('ATTENDEE')).every((l) => !/spy@evil/.test(l))).toBe(true);
      expect(unfold(text).find((l) => l.startsWith('PRODID:'))).toBe('PRODID:-//wep//W\\,E\\;P\\\\\\nX-EVIL:1//EN');
    }
  });

  it('vCard: no control character but the CRLF line ends, no injected line', () => {
    const r = wep(['distribution', 'members', '--format', 'vcard'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.slice(0, -2).split('\r\n');
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(lines.filter((l) => l.startsWith('BEGIN:VCARD')).length).toBe(lines.filter((l) => l.startsWith('FN:')).length);
  });

  it('Markdown: notice.md and minutes.md turn no title or name into HTML', () => {
    const md = new MarkdownIt({ html: true });
    wep(['minutes', '--meeting', '2026-12-10-partnership'], { cwd: dir, today: '2026-12-11' });
    for (const file of ['notice.md', 'minutes.md']) {
      const text = read(dir, `meetings/2026-12-10-partnership/${file}`);
      const html = md
        .parse(text, {})
        .flatMap((t) => [t, ...(t.children ?? [])])
        .filter((t) => t.type === 'html_inline' || t.type === 'html_block')
        .map((t) => t.content.trim());
      // wep's own comments (minutes.md's guidance) are the only HTML
      expect(html.filter((h) => !/^<!--[^]*-->$/.test(h)), file).toEqual([]);
      expect(text, file).not.toMatch(/(^|[^\\])<(script|img)/);
    }
  });
});
