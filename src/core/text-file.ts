/**
 * What a records file's bytes mean as text, and how a rewrite keeps the file's own conventions.
 * Pure: bytes in, text or a located problem out. The reader and writer in io/ use it, so every
 * file wep reads is decoded by one rule and every file it rewrites keeps its BOM and line ends.
 */

const BOM = '\uFEFF';

export type DecodedText =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; offset: number; line: number; col: number; byte: number; preview: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes a records file. A UTF-8 byte order mark is dropped from the text (and reported, so a
 * rewrite puts it back); anything that is not UTF-8 is located at its line and column (the
 * column counts characters, as an editor does), so the clerk can find it.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    const text = decoder.decode(bytes);
    return text.startsWith(BOM) ? { ok: true, text: text.slice(1), bom: true } : { ok: true, text, bom: false };
  } catch {
    const offset = Math.max(0, firstBadByte(bytes));
    const valid = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const body = valid.startsWith(BOM) ? valid.slice(1) : valid;
    const lineStart = body.lastIndexOf('\n') + 1;
    const line = (body.match(/\n/g)?.length ?? 0) + 1;
    const col = [...body.slice(lineStart)].length + 1;
    // the line as far as it can be shown: valid text, the bad bytes as U+FFFD
    const whole = new TextDecoder('utf-8').decode(bytes);
    const wholeBody = whole.startsWith(BOM) ? whole.slice(1) : whole;
    const lines = wholeBody.split('\n');
    const preview = (lines[line - 1] ?? '').replace(/\r$/, '');
    return { ok: false, offset, line, col, byte: bytes[offset] ?? 0, preview };
  }
}

/** Whether a text's line ends are CRLF: most of its line breaks are CR LF. */
export function isCrlf(text: string): boolean {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = text.match(/\n/g)?.length ?? 0;
  return crlf > 0 && crlf * 2 >= lf;
}

/**
 * The text to write over a file that held `previous` (its decoded text and whether it had a
 * BOM): a CRLF file stays CRLF, a file with a BOM keeps it. A new file is written as given.
 */
export function keepConventions(previous: { text: string; bom: boolean } | undefined, next: string): string {
  if (!previous) return next;
  const body = isCrlf(previous.text) ? next.replace(/\r?\n/g, '\r\n') : next;
  return previous.bom && !body.startsWith(BOM) ? `${BOM}${body}` : body;
}

/** A short readable size: 12 KiB, 5 MiB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KiB`;
  const mib = n / 1024 / 1024;
  return `${mib < 10 ? Math.round(mib * 10) / 10 : Math.round(mib)} MiB`;
}
