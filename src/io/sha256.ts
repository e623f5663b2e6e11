/**
 * SHA-256 as hex, for the stamps on generated files and documents and the papers' checksums.
 * node:crypto is loaded on the first call, not when a module that may hash is loaded: `wep
 * status` reaches these modules through io/git.ts without hashing anything, and node:crypto
 * brings twenty of Node's own modules with it (about 1.3 ms of a run).
 */
import type { BinaryLike } from 'node:crypto';
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

export function sha256Hex(data: BinaryLike): string {
  crypto ??= (typeof require === 'function' ? require : createRequire(import.meta.url))('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(data).digest('hex');
}
