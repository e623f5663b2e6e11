/**
 * The checksum of a V8 code cache file (src/boot.ts): V8 checks that a cache belongs to this
 * V8, these flags and a source of this length, but in release builds not its content, and a
 * damaged cache would crash node on every run. A hot command reads 400 to 800 KB of cache, and
 * this sum is on every start, so it runs as WebAssembly, four 32-bit lanes at a time, on the
 * bytes as they are read into the module's memory (no copy): about 1 ms against 2 to 4 for the
 * same sum in JavaScript, which is where the module cannot run (node --jitless).
 *
 * In each lane, each step is a bijection of the running value, so any change within one word
 * always shows; the lanes are then folded in order, and the last bytes one at a time.
 * node:crypto or node:zlib would cost more to load than this costs to run.
 */

const K = 0x9e3779b1;

/** The checksum of `data`, in JavaScript: what the module's answer is held to. */
export function codeChecksum(data: Uint8Array): number {
  const seed = 0x811c9dc5 ^ data.length;
  let h0 = seed;
  let h1 = seed;
  let h2 = seed;
  let h3 = seed;
  const blocks = data.length >>> 4;
  // an Int32Array needs an offset that is a multiple of 4: a copy of the data when it is not
  const aligned = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, blocks * 4);
  const mix = (h: number, w: number) => {
    const x = Math.imul(h ^ w, K);
    return (x << 13) | (x >>> 19);
  };
  for (let b = 0; b < blocks; b++) {
    const i = b * 4;
    h0 = mix(h0, words[i]!);
    h1 = mix(h1, words[i + 1]!);
    h2 = mix(h2, words[i + 2]!);
    h3 = mix(h3, words[i + 3]!);
  }
  let s = mix(mix(mix(h0, h1), h2), h3);
  for (let i = blocks * 16; i < data.length; i++) s = Math.imul(s ^ data[i]!, K);
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b);
  return (s ^ (s >>> 13)) >>> 0;
}

/**
 * The module scripts/checksum-wasm.ts assembles (its text format is there): exports `c(ptr, len)`,
 * the checksum of len bytes at ptr of its memory `m`.
 */
export const CHECKSUM_WASM = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 5, 3, 1, 0, 0, 7, 9, 2, 1, 99, 0, 0, 1, 109, 2, 0, 10, 239, 1, 1, 236, 1, 2, 3, 127, 1,
  123, 32, 1, 65, 197, 187, 242, 136, 120, 115, 33, 2, 32, 2, 253, 17, 33, 5, 32, 0, 33, 3, 32, 0, 32, 1, 65, 112, 113, 106, 33, 4, 32, 0, 32, 1, 106, 33, 1, 2,
  64, 3, 64, 32, 3, 32, 4, 79, 13, 1, 32, 5, 32, 3, 253, 0, 4, 0, 253, 81, 65, 177, 243, 221, 241, 121, 253, 17, 253, 181, 1, 34, 5, 65, 13, 253, 171, 1, 32, 5,
  65, 19, 253, 173, 1, 253, 80, 33, 5, 32, 3, 65, 16, 106, 33, 3, 12, 0, 11, 11, 32, 5, 253, 27, 0, 33, 2, 32, 2, 32, 5, 253, 27, 1, 115, 65, 177, 243, 221, 241,
  121, 108, 65, 13, 119, 33, 2, 32, 2, 32, 5, 253, 27, 2, 115, 65, 177, 243, 221, 241, 121, 108, 65, 13, 119, 33, 2, 32, 2, 32, 5, 253, 27, 3, 115, 65, 177, 243,
  221, 241, 121, 108, 65, 13, 119, 33, 2, 2, 64, 3, 64, 32, 3, 32, 1, 79, 13, 1, 32, 2, 32, 3, 45, 0, 0, 115, 65, 177, 243, 221, 241, 121, 108, 33, 2, 32, 3, 65,
  1, 106, 33, 3, 12, 0, 11, 11, 32, 2, 32, 2, 65, 16, 118, 115, 65, 235, 148, 175, 175, 120, 108, 33, 2, 32, 2, 32, 2, 65, 13, 118, 115, 11,
]);

/** Room for `size` bytes to be read into, and the checksum of any part of them. */
export interface ChecksumBuffer {
  /** `size` bytes to read into. */
  bytes: Uint8Array;
  /** The checksum of bytes[start, start + length): codeChecksum's answer. */
  sum(start: number, length: number): number;
}

/** The part of WebAssembly's API used here (Node's types declare little of it). */
export interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  grow(pages: number): number;
  readonly buffer: ArrayBuffer;
}

/** The module with room for `size` bytes, or plain memory and codeChecksum where WebAssembly cannot run. */
export function checksumBuffer(size: number, wasm: Wasm | null = (globalThis as { WebAssembly?: Wasm }).WebAssembly ?? null): ChecksumBuffer {
  try {
    if (!wasm) throw new Error('no WebAssembly');
    const { exports } = new wasm.Instance(new wasm.Module(CHECKSUM_WASM));
    const memory = exports.m as WasmMemory;
    const c = exports.c as (ptr: number, len: number) => number;
    memory.grow(Math.ceil(size / 65536));
    // viewed after the memory grows: growing detaches the buffer before it
    const bytes = new Uint8Array(memory.buffer, 0, size);
    return { bytes, sum: (start, length) => c(start, length) >>> 0 };
  } catch {
    const bytes = new Uint8Array(size);
    return { bytes, sum: (start, length) => codeChecksum(bytes.subarray(start, start + length)) };
  }
}
