/**
 * Reads a GIAS establishments CSV: Windows-1252 bytes (UTF-8 when the file starts with a byte
 * order mark), the header checked for the columns wep needs, the rows of one local authority.
 *
 * The national extract has about 50,000 rows of some 130 columns. Parsing all of it with
 * csv-parse takes several seconds, so a scan that only follows quotes and line ends first
 * finds each record and its local authority, and csv-parse reads only the records kept.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticsError, WepError } from '../core/errors.js';
import { GIAS_COLUMNS, isLa, type GiasColumn, type GiasRow } from '../core/gias.js';
import { suggest } from '../core/suggest.js';

/** Bigger than any GIAS extract (the national one is under 100 MB). */
const MAX_BYTES = 400 * 1024 * 1024;

export interface GiasExtract {
  /** The rows of the local authority asked for (or of the only one in the file). */
  rows: GiasRow[];
  /** The local authority, as the file writes it. */
  la: string;
  /** Rows in the whole file. */
  total: number;
  /** The decoded text, for diagnostics. */
  source: string;
  /** Where each row is in the text, and each column in a row. */
  spans: Map<GiasRow, RawRecord>;
  index: Record<GiasColumn, number>;
}

/** Windows-1252's characters for bytes 0x80-0x9f (where it differs from Latin-1); undefined bytes stay as they are. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Maps bytes 0x80-0x9f decoded as Latin-1 (U+0080-U+009F) to their Windows-1252 characters. */
export function fixC1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

let latin1Decoder: boolean | undefined;
/** True when this Node's TextDecoder('windows-1252') decodes as Latin-1 (0x92 -> U+0092). */
function decoderIsLatin1(): boolean {
  latin1Decoder ??= new TextDecoder('windows-1252').decode(new Uint8Array([0x92])) === '\u0092';
  return latin1Decoder;
}

/**
 * Decodes the file: UTF-8 after a byte order mark, else Windows-1252 as GIAS writes it, with
 * TextDecoder('windows-1252'). Some Node builds decode that as Latin-1 (0x92 becomes U+0092,
 * not a right quote), and slowly: 1.5 s for the national extract. On those, the identical
 * Latin-1 text comes from Buffer's native decoder in a tenth of the time, and `latin1: true`
 * says that bytes 0x80-0x9f still need mapping (fixC1): the reader maps them only in the rows
 * it keeps, as they are never a comma, quote or line end.
 */
export function decodeGiasRaw(bytes: Uint8Array): { text: string; latin1: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), latin1: false };
  if (decoderIsLatin1()) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), latin1: true };
  return { text: new TextDecoder('windows-1252').decode(bytes), latin1: false };
}

/** The file's text, every character decoded. */
export function decodeGias(bytes: Uint8Array): string {
  const { text, latin1 } = decodeGiasRaw(bytes);
  return latin1 ? fixC1(text) : text;
}

interface RawRecord {
  start: number;
  end: number;
  line: number;
}

/** Record spans of CSV text: a line end inside quotes does not end a record. One pass: the
 * next quote is looked up once and reused until passed, so a file with few quotes costs one
 * scan, not one per line. */
export function recordSpans(text: string): RawRecord[] {
  const out: RawRecord[] = [];
  const n = text.length;
  let nextQuote = text.indexOf('"');
  let start = 0;
  let line = 1;
  while (start < n) {
    let pos = start;
    let quotes = 0;
    let lines = 0;
    let end: number;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      const stop = nl === -1 ? n : nl;
      while (nextQuote !== -1 && nextQuote < stop) {
        quotes++;
        nextQuote = text.indexOf('"', nextQuote + 1);
      }
      if (quotes % 2 === 0 || nl === -1) {
        end = stop;
        break;
      }
      lines++;
      pos = nl + 1;
    }
    const recEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (recEnd > start) out.push({ start, end: recEnd, line });
    line += lines + 1;
    start = end + 1;
  }
  return out;
}

/** Field `k` of the record text[start, end), unquoted. */
export function fieldAt(text: string, start: number, end: number, k: number): string {
  let pos = start;
  for (let i = 0; ; i++) {
    let value: string;
    let next: number;
    if (text.charCodeAt(pos) === 34) {
      let q = pos + 1;
      let v = '';
      for (;;) {
        const close = text.indexOf('"', q);
        if (close === -1 || close >= end) {
          v += text.slice(q, end);
          next = end;
          break;
        }
        v += text.slice(q, close);
        if (text.charCodeAt(close + 1) === 34) {
          v += '"';
          q = close + 2;
          continue;
        }
        next = close + 1;
        break;
      }
      value = v;
      const comma = text.indexOf(',', next);
      next = comma === -1 || comma >= end ? end : comma;
    } else {
      const comma = text.indexOf(',', pos);
      next = comma === -1 || comma >= end ? end : comma;
      value = text.slice(pos, next);
    }
    if (i === k) return value;
    if (next >= end) return '';
    pos = next + 1;
  }
}

/** Column (1-based) where field `k` of a record starts, for diagnostics. */
export function fieldColumn(text: string, start: number, end: number, k: number): number {
  let pos = start;
  let inQuotes = false;
  let field = 0;
  for (; pos < end && field < k; pos++) {
    const ch = text.charCodeAt(pos);
    if (ch === 34) inQuotes = !inQuotes;
    else if (ch === 44 && !inQuotes) field++;
  }
  return pos - start + 1;
}

function headerProblem(display: string, source: string, missing: string[]): DiagnosticsError {
  const d: Diagnostic = {
    severity: 'error',
    file: display,
    pos: { line: 1, col: 1, len: 1 },
    message: `not a GIAS establishments extract: no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length === 1 ? '' : 's'} in the first line`,
    hint: 'download "all establishment data" (or your local authority\'s establishments) from Get Information about Schools as CSV, and import that file unchanged',
    check: 'gias',
  };
  return new DiagnosticsError([d], { [display]: source });
}

/**
 * Reads the extract and keeps the rows of `la` (by "LA (name)", case aside). Without `la`, the
 * file must hold one local authority. csv-parse is loaded only here.
 */
export async function readGiasExtract(path: string, display: string, la?: string): Promise<GiasExtract> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new WepError(`no file ${display}`, 'give the path of the CSV downloaded from Get Information about Schools');
  }
  if (size > MAX_BYTES) throw new WepError(`${display} is larger than any GIAS extract (${Math.round(size / 1024 / 1024)} MiB)`, 'is this the right file?');
  const { text: raw, latin1 } = decodeGiasRaw(readFileSync(path));
  const fix = latin1 ? fixC1 : (t: string) => t;
  // Diagnostics show the text fully decoded; made only when there is something to show.
  let decoded: string | undefined;
  const shown = () => (decoded ??= fix(raw));
  const source = raw;
  const spans = recordSpans(source);
  if (!spans.length) throw new WepError(`${display} is empty`, 'download the extract again from Get Information about Schools');
  const head = spans[0]!;
  const { parse } = await import('csv-parse/sync');
  const header = (parse(fix(source.slice(head.start, head.end)), { relax_quotes: true }) as string[][])[0] ?? [];
  const columns = header.map((h) => h.replace(/^\ufeff/, '').trim());
  const index = {} as Record<GiasColumn, number>;
  const missing: string[] = [];
  for (const [key, column] of Object.entries(GIAS_COLUMNS) as [GiasColumn, string][]) {
    const i = columns.indexOf(column);
    if (i === -1) missing.push(column);
    index[key] = i;
  }
  if (missing.length) throw headerProblem(display, shown(), missing);

  // Which local authority: the one asked for, or the file's only one.
  const records = spans.slice(1);
  // A national file names some 150 authorities 50,000 times: decode and compare each name once.
  const names = new Map<string, string>();
  const laOf = (r: RawRecord) => {
    const v = fieldAt(source, r.start, r.end, index.la);
    let name = names.get(v);
    if (name === undefined) names.set(v, (name = fix(v)));
    return name;
  };
  const isOurs = new Map<string, boolean>();
  const inLa = (r: RawRecord, want: string) => {
    const name = laOf(r);
    let ok = isOurs.get(name);
    if (ok === undefined) isOurs.set(name, (ok = isLa({ la: name }, want)));
    return ok;
  };
  let chosen: RawRecord[];
  let laName: string;
  if (la !== undefined) {
    chosen = records.filter((r) => inLa(r, la));
    if (!chosen.length) {
      const all = [...new Set(records.map(laOf))];
      const guess = suggest(la, all);
      throw new WepError(
        `no schools of "${la}" in ${display}`,
        guess ? `did you mean --la "${guess}"?` : `give the local authority as the "LA (name)" column writes it${all.length ? `, e.g. --la "${all[0]}"` : ''}`,
      );
    }
    laName = laOf(chosen[0]!);
  } else {
    const counts = new Map<string, number>();
    for (const r of records) {
      const name = laOf(r);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    if (counts.size > 1) {
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n]) => `"${n}"`);
      throw new WepError(`${display} covers ${counts.size} local authorities`, `choose yours with --la NAME, e.g. --la ${top[0]} (others: ${top.slice(1).join(', ')}${counts.size > 3 ? ', ...' : ''})`);
    }
    chosen = records;
    laName = records.length ? laOf(records[0]!) : '';
  }

  // csv-parse reads only the records kept, one text with their original line numbers beside.
  const text = fix(chosen.map((r) => source.slice(r.start, r.end)).join('\n'));
  let parsed: string[][];
  try {
    parsed = parse(text, { relax_column_count: true, bom: false }) as string[][];
  } catch (e) {
    const at = /line (\d+)/.exec(String((e as Error).message));
    const rec = at ? chosen[Number(at[1]) - 1] : undefined;
    const d: Diagnostic = {
      severity: 'error',
      file: display,
      ...(rec ? { pos: { line: rec.line, col: 1, len: 1 } } : {}),
      message: `the CSV cannot be read: ${(e as Error).message.replace(/^.*?:\s*/, '')}`,
      hint: 'download the extract again from Get Information about Schools; do not open and save it in a spreadsheet first',
      check: 'gias',
    };
    throw new DiagnosticsError([d], { [display]: shown() });
  }
  const spanOf = new Map<GiasRow, RawRecord>();
  const rows: GiasRow[] = parsed.map((cells, i) => {
    const row = { line: chosen[i]!.line } as GiasRow;
    for (const key of Object.keys(GIAS_COLUMNS) as GiasColumn[]) row[key] = cells[index[key]] ?? '';
    spanOf.set(row, chosen[i]!);
    return row;
  });
  return {
    rows,
    la: laName,
    total: records.length,
    get source() {
      return shown();
    },
    spans: spanOf,
    index,
  };
}

/** FILE:LINE:COL of a column of a row, for a problem found in it. */
export function giasPosition(extract: GiasExtract, row: GiasRow, column: GiasColumn): { line: number; col: number; len: number } {
  const rec = extract.spans.get(row);
  const k = extract.index[column];
  if (!rec || k < 0) return { line: row.line, col: 1, len: 1 };
  const col = fieldColumn(extract.source, rec.start, rec.end, k);
  return { line: row.line, col, len: Math.max(1, fieldAt(extract.source, rec.start, rec.end, k).length) };
}
