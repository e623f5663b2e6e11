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

/** A 53-bit checksum of a text (one cyrb53 lane): catches a damaged cache entry, cheaply. */
export function checksum(text: string): string {
  return cyrb53(text, 3).toString(16).padStart(14, '0');
}
