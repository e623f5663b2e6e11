/**
 * The bundled example partnership as core sees it, built in memory: the tracked
 * partnership.yaml read once, turned into plain data by the yaml package and validated by the
 * core schema, without src/io (no cache, no file discovery, no diagnostics). Pure core tests
 * build their models from this, or from objects they write themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { PNode } from '../../src/core/pnode.js';
import { partnershipSchema, type PartnershipFile } from '../../src/core/partnership-schema.js';
import { ROOT } from './wep.js';

const at = { line: 1, col: 1, len: 1 };

/** Plain data as the schema validator's input (positions are not needed here). */
export function toPNode(v: unknown): PNode {
  if (Array.isArray(v)) return { kind: 'seq', pos: at, items: v.map(toPNode) };
  if (v !== null && typeof v === 'object') return { kind: 'map', pos: at, entries: Object.entries(v).map(([key, value]) => ({ key, keyPos: at, value: toPNode(value) })) };
  return { kind: 'scalar', pos: at, value: v === undefined ? null : (v as string | number | boolean | null) };
}

/** A partnership file's text, validated by the core schema; throws if it is not valid. */
export function partnershipFrom(text: string): PartnershipFile {
  const ctx = { problems: [] as { message: string; path: string }[], dropped: [] as string[] };
  const file = partnershipSchema.parse(toPNode(parse(text)), '', ctx as never);
  if (!file || ctx.problems.length) throw new Error(`not a valid partnership file: ${ctx.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return file;
}

let example: PartnershipFile | undefined;
/** The bundled example (the Wokingham Education Partnership). */
export function examplePartnership(): PartnershipFile {
  return (example ??= partnershipFrom(readFileSync(join(ROOT, 'partnership.yaml'), 'utf8')));
}
