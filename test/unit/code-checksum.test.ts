/**
 * The code cache's checksum (src/code-checksum.ts): the WebAssembly module is the one
 * scripts/checksum-wasm.ts assembles, it answers as the JavaScript sum does for any bytes at
 * any offset, and a change to any one byte changes the sum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksumModule } from '../../scripts/checksum-wasm.js';
import { CHECKSUM_WASM, checksumBuffer, codeChecksum } from '../../src/code-checksum.js';

/** The WebAssembly sum of `data` placed `offset` bytes into the module's memory. */
function wasmSum(data: Uint8Array, offset: number): number {
  const buf = checksumBuffer(offset + data.length);
  buf.bytes.set(data, offset);
  return buf.sum(offset, data.length);
}

const bytes = (maxLength: number) => fc.uint8Array({ maxLength });

describe('the code cache checksum', () => {
  it('holds the module scripts/checksum-wasm.ts assembles', () => {
    const made = checksumModule();
    if (made.length !== CHECKSUM_WASM.length || made.some((b, i) => b !== CHECKSUM_WASM[i])) {
      throw new Error(`CHECKSUM_WASM in src/code-checksum.ts is not what scripts/checksum-wasm.ts makes; put there:\n[${made.join(', ')}]`);
    }
  });

  it('runs as WebAssembly here (the JavaScript sum is for node --jitless)', () => {
    const buf = checksumBuffer(16);
    // the module's memory is whole 64 KB pages; plain memory would be exactly the size asked
    expect(buf.bytes.buffer.byteLength).toBe(65536);
  });

  it('the module and the JavaScript sum agree on any bytes, at any offset in memory', () => {
    fc.assert(
      fc.property(bytes(300), fc.integer({ min: 0, max: 40 }), (data, offset) => {
        expect(wasmSum(data, offset)).toBe(codeChecksum(data));
      }),
      { numRuns: 500 },
    );
  });

  it('they agree on data larger than a page of the module memory, as a code cache is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65_000, max: 200_000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (length, seed) => {
        const data = new Uint8Array(length);
        let x = seed;
        for (let i = 0; i < length; i++) data[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
        expect(wasmSum(data, 12)).toBe(codeChecksum(data));
      }),
      { numRuns: 20 },
    );
  });

  it('the plain-memory fallback gives the same sums', () => {
    fc.assert(
      fc.property(bytes(200), (data) => {
        const buf = checksumBuffer(data.length + 12, null);
        expect(buf.bytes.buffer.byteLength).toBe(data.length + 12);
        buf.bytes.set(data, 12);
        expect(buf.sum(12, data.length)).toBe(codeChecksum(data));
      }),
    );
  });

  it('a view that starts at an odd offset sums as its bytes do', () => {
    fc.assert(
      fc.property(bytes(200), fc.integer({ min: 1, max: 7 }), (data, offset) => {
        const backing = new Uint8Array(data.length + offset);
        backing.set(data, offset);
        expect(codeChecksum(backing.subarray(offset))).toBe(codeChecksum(data));
      }),
    );
  });

  it('a change to any one byte always changes the sum, in either', () => {
    fc.assert(
      fc.property(
        bytes(400).filter((d) => d.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (data, at, flip) => {
          const changed = new Uint8Array(data);
          changed[at % data.length]! ^= flip;
          expect(codeChecksum(changed)).not.toBe(codeChecksum(data));
          expect(wasmSum(changed, 0)).not.toBe(wasmSum(data, 0));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the length counts: trailing zero bytes change the sum', () => {
    const data = new Uint8Array(40).fill(7);
    const sums = new Set([0, 1, 2, 3, 4, 16, 17].map((extra) => codeChecksum(new Uint8Array([...data, ...new Uint8Array(extra)]))));
    expect(sums.size).toBe(7);
  });
});
