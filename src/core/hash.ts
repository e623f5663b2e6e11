/**
 * A fast non-cryptographic hash for cache keys: two independent 53-bit lanes (cyrb53, with
 * different seeds), 106 bits in all, as 28 hex digits. Loading node:crypto costs a start-up
 * more than everything else a cached command does; cache keys need no protection against an
 * adversary, only against accidental collisions, which 106 bits make vanishingly unlikely.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Hash of several strings; the parts are separated, so ("ab", "c") and ("a", "bc") differ. */
export function hashParts(parts: readonly string[]): string {
  const text = parts.map((p) => `${p.length}:${p}`).join('\u0000');
  return cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0');
}

/** A 64-bit checksum of a text: catches a damaged cache entry, cheaply. */
export function checksum(text: string): string {
  const [a, b] = wordLanes(text, 3);
  return hex8(a) + hex8(b);
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of the text being hashed, padded with zeros to whole words; grown as needed. */
let scratch = new Uint8Array(1 << 16);
let scratchWords = new Int32Array(scratch.buffer);
/** The four lanes between steps. */
const lanes = new Int32Array(4);
/** Words a step takes: a short loop, run many times (see wordLanes). */
const STEP_WORDS = 128;

/** Mixes words [from, to) into the lanes. */
function step(words: Int32Array, from: number, to: number): void {
  let h1 = lanes[0]!;
  let h2 = lanes[1]!;
  let h3 = lanes[2]!;
  let h4 = lanes[3]!;
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    h1 = Math.imul(h1 ^ w, 2654435761);
    h2 = Math.imul(h2 ^ w, 1597334677);
    h3 = Math.imul(h3 ^ w, 2246822519);
    h4 = Math.imul(h4 ^ w, 3266489917);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = (h2 << 17) | (h2 >>> 15);
    h3 = (h3 << 11) | (h3 >>> 21);
    h4 = (h4 << 19) | (h4 >>> 13);
  }
  lanes[0] = h1;
  lanes[1] = h2;
  lanes[2] = h3;
  lanes[3] = h4;
}

/**
 * The same two lanes, over the text's UTF-8 bytes a 32-bit word at a time: for cache keys and
 * checksums, which are never stored in the records (hashParts is, in meeting.yaml's sent
 * notice, so it never changes). A hot command hashes its records before its code is optimised,
 * and a quarter of the steps is what makes that cheap: 10 KB in about 0.3 ms, not 2.6.
 *
 * The words go through in steps of STEP_WORDS, each a call of its own, and the last word is
 * padded with zero bytes (the byte length is in the seed, so "a" and "a\0" still differ). A
 * single long loop, with its own loop for the last bytes, was optimised by V8 in the middle of
 * the first long record of a cold run, before the code after the loop had ever run; each later
 * call then dropped back to the interpreter there (360 times in a publish of 20 years, node
 * --trace-deopt).
 */
function wordLanes(text: string, seed: number): [number, number, number, number] {
  // a UTF-16 unit is at most 3 bytes of UTF-8; 4 more leave room for the padding
  const room = text.length * 3 + 4;
  if (scratch.length < room) {
    scratch = new Uint8Array(room + (room >>> 1));
    scratchWords = new Int32Array(scratch.buffer, 0, scratch.length >>> 2);
  }
  const length = encoder.encodeInto(text, scratch).written;
  scratch[length] = 0;
  scratch[length + 1] = 0;
  scratch[length + 2] = 0;
  const n = (length + 3) >>> 2;
  lanes[0] = 0xdeadbeef ^ seed ^ length;
  lanes[1] = 0x41c6ce57 ^ seed;
  lanes[2] = 0x9e3779b9 ^ seed;
  lanes[3] = 0x85ebca6b ^ seed;
  for (let i = 0; i < n; i += STEP_WORDS) step(scratchWords, i, Math.min(n, i + STEP_WORDS));
  let h1 = lanes[0]!;
  let h2 = lanes[1]!;
  let h3 = lanes[2]!;
  let h4 = lanes[3]!;
  // mix every lane with the others, so a difference anywhere reaches every output word
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h4 ^ (h4 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  h3 = Math.imul(h3 ^ (h3 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h4 = Math.imul(h4 ^ (h4 >>> 16), 2246822507) ^ Math.imul(h3 ^ (h3 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** A 128-bit key of several strings (parts kept apart), for the caches only: 32 hex digits. */
export function cacheHash(parts: readonly string[]): string {
  const text = parts.map((p) => `${p.length}:${p}`).join('\u0000');
  return wordLanes(text, 1).map(hex8).join('');
}
