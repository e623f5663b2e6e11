/**
 * Assembles the WebAssembly module that src/code-checksum.ts holds as bytes (CHECKSUM_WASM):
 * the code cache's checksum, four 32-bit lanes at a time. test/unit/code-checksum.test.ts holds
 * the bytes there to what this makes (and prints them when they differ), and the module's
 * answers to the JavaScript one's.
 *
 * The function, in WebAssembly's text format:
 *
 *   (func (export "c") (param $ptr i32) (param $len i32) (result i32)
 *     (local $s i32) (local $i i32) (local $end i32) (local $h v128)
 *     s = 0x811c9dc5 ^ len; h = splat(s); i = ptr; end = ptr + (len & ~15); len = ptr + len
 *     while i < end:  h = rotl13((h ^ load128(i)) * K), lane by lane; i += 16
 *     s = lane0(h); s = rotl13((s ^ lane1(h)) * K); ... lane2, lane3
 *     while i < len:  s = (s ^ load8(i)) * K; i += 1
 *     s = (s ^ (s >>> 16)) * 0x85ebca6b; return s ^ (s >>> 13))
 *   (memory (export "m") 0)
 *
 * with K = 0x9e3779b1: exactly src/code-checksum.ts's codeChecksum.
 */

const sleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const uleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const b = v & 0x7f;
    v >>>= 7;
    out.push(v ? b | 0x80 : b);
  } while (v);
  return out;
};
const name = (s: string) => [...uleb(s.length), ...Buffer.from(s, 'ascii')];
const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];

const I32 = 0x7f;
const V128 = 0x7b;
const EMPTY_BLOCK = 0x40;
const op = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  get: 0x20,
  set: 0x21,
  tee: 0x22,
  load8u: 0x2d,
  const: 0x41,
  geU: 0x4f,
  add: 0x6a,
  mul: 0x6c,
  and: 0x71,
  xor: 0x73,
  shrU: 0x76,
  rotl: 0x77,
};
/** A SIMD instruction: the 0xfd prefix, then its number. */
const simd = (n: number, ...immediates: number[]) => [0xfd, ...uleb(n), ...immediates];
const v128 = {
  load: simd(0x00, 4, 0), // align 2^4, offset 0
  splat: simd(0x11), // i32x4.splat
  lane: (i: number) => simd(0x1b, i), // i32x4.extract_lane
  or: simd(0x50),
  xor: simd(0x51),
  shl: simd(0xab), // i32x4.shl
  shrU: simd(0xad), // i32x4.shr_u
  mul: simd(0xb5), // i32x4.mul
};

const K = 0x9e3779b1;
const k = (n: number) => [op.const, ...sleb(n)];
// parameters 0 and 1, then the locals
const [PTR, LEN, S, I, END, H] = [0, 1, 2, 3, 4, 5];
const get = (l: number) => [op.get, l];
const set = (l: number) => [op.set, l];
/** s = rotl13((s ^ x) * K), x left on the stack by `x`. */
const mixIntoS = (x: number[]) => [...get(S), ...x, op.xor, ...k(K), op.mul, ...k(13), op.rotl, ...set(S)];
/** while (i < limit) { body; i += step } */
const loopTo = (limit: number, step: number, body: number[]) => [
  op.block, EMPTY_BLOCK, op.loop, EMPTY_BLOCK,
  ...get(I), ...get(limit), op.geU, op.brIf, 1,
  ...body,
  ...get(I), ...k(step), op.add, ...set(I),
  op.br, 0,
  op.end, op.end,
];

const body = [
  2, 3, I32, 1, V128, // locals: s, i, end (i32); h (v128)
  ...get(LEN), ...k(0x811c9dc5), op.xor, ...set(S),
  ...get(S), ...v128.splat, ...set(H),
  ...get(PTR), ...set(I),
  ...get(PTR), ...get(LEN), ...k(-16), op.and, op.add, ...set(END),
  ...get(PTR), ...get(LEN), op.add, ...set(LEN),
  // h = (h ^ word) * K, then rotated left by 13, in each lane
  ...loopTo(END, 16, [
    ...get(H), ...get(I), ...v128.load, ...v128.xor, ...k(K), ...v128.splat, ...v128.mul, op.tee, H,
    ...k(13), ...v128.shl, ...get(H), ...k(19), ...v128.shrU, ...v128.or, ...set(H),
  ]),
  ...get(H), ...v128.lane(0), ...set(S),
  ...mixIntoS([...get(H), ...v128.lane(1)]),
  ...mixIntoS([...get(H), ...v128.lane(2)]),
  ...mixIntoS([...get(H), ...v128.lane(3)]),
  ...loopTo(LEN, 1, [...get(S), ...get(I), op.load8u, 0, 0, op.xor, ...k(K), op.mul, ...set(S)]),
  ...get(S), ...get(S), ...k(16), op.shrU, op.xor, ...k(0x85ebca6b), op.mul, ...set(S),
  ...get(S), ...get(S), ...k(13), op.shrU, op.xor,
  op.end,
];

/** The module's bytes. */
export function checksumModule(): number[] {
  return [
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // "\0asm", version 1
    ...section(1, [1, 0x60, 2, I32, I32, 1, I32]), // one type: (i32, i32) -> i32
    ...section(3, [1, 0]), // one function, of that type
    ...section(5, [1, 0, 0]), // one memory, no pages to begin with
    ...section(7, [2, ...name('c'), 0, 0, ...name('m'), 2, 0]), // exports: c (function 0), m (memory 0)
    ...section(10, [1, ...uleb(body.length), ...body]),
  ];
}
