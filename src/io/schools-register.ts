/**
 * Writes a GIAS import into the partnership file's schools register, in place (comments and
 * layout kept: src/io/yaml-edit.ts), and keeps what was imported in gias-import.json beside
 * it, so that the next import can tell a clerk's edit from a change in GIAS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { IsoDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { IMPORTED_FIELDS, type ImportedField, type ImportedSchool } from '../core/gias.js';
import type { ImportBase, ImportPlan } from '../core/schools-import.js';
import { kebab } from '../core/schema.js';
import { writeRecordFile } from './fs.js';
import { parseForEdit, spliceEdit } from './yaml-edit.js';

/** The file beside partnership.yaml that remembers the last import. */
export const IMPORT_BASE_FILE = 'gias-import.json';

export interface ImportBaseFile {
  about: string;
  version: 1;
  imported: IsoDate;
  file: string;
  la: string;
  schools: ImportBase;
}

/** Reads the last import's record; none yet is an empty base. */
export function readImportBase(root: string): ImportBase {
  const path = join(root, IMPORT_BASE_FILE);
  if (!existsSync(path)) return {};
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<ImportBaseFile>;
    if (data.version !== 1 || typeof data.schools !== 'object' || data.schools === null) throw new Error('shape');
    return data.schools;
  } catch {
    throw new WepError(
      `${IMPORT_BASE_FILE} cannot be read`,
      `it records the last GIAS import; restore it from git ("git checkout -- ${IMPORT_BASE_FILE}"), or delete it to treat every difference from GIAS as your edit`,
    );
  }
}

const ENTRY_KEYS = ['id', 'name', 'urn', ...IMPORTED_FIELDS.filter((f) => f !== 'name')] as const;

/** A new register entry: id, name, URN, then the imported fields; "status: open" is the default and left out. */
function newEntry(id: string, s: ImportedSchool): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ENTRY_KEYS) {
    const v = k === 'id' ? id : k === 'urn' ? s.urn : s[k as ImportedField];
    if (v === undefined || (k === 'status' && v === 'open')) continue;
    out[kebab(k)] = v;
  }
  return out;
}

/** Applies the plan to the document's `schools:` list. */
export function applyPlan(doc: Document, plan: ImportPlan): void {
  let list = doc.get('schools', true) as YAMLSeq | undefined;
  if (!isSeq(list)) {
    doc.set('schools', doc.createNode([]));
    list = doc.get('schools', true) as YAMLSeq;
  }
  const flow = list.items.length > 0 && isMap(list.items[0]) && (list.items[0] as YAMLMap).flow === true;
  for (const u of plan.updated) {
    const item = list.items[u.index];
    if (!isMap(item)) throw new Error(`schools entry ${u.index} is not a mapping`);
    if (u.linkedByName) item.set('urn', u.urn);
    for (const c of u.changes) {
      const key = kebab(c.field);
      // "open" is the default status: reopening removes the key rather than writing it
      if (c.to === undefined || (c.field === 'status' && c.to === 'open')) item.delete(key);
      else item.set(key, c.to);
    }
  }
  for (const a of plan.added) {
    const node = doc.createNode(newEntry(a.id, a.school)) as YAMLMap;
    if (flow) node.flow = true;
    list.items.push(node);
  }
}

/** The partnership text with the plan applied (only the `schools:` entry re-rendered). */
export function importedText(source: string, plan: ImportPlan): string {
  const doc = parseForEdit(source);
  if (doc.errors.length) throw new WepError('the partnership file is not valid YAML', 'run "wep check" to see where');
  applyPlan(doc, plan);
  return spliceEdit(source, doc);
}

/** Writes the partnership file (first) and the import record (second): if wep stops between
 * the two, the next import sees GIAS's values already in the register, and nothing is lost. */
export function writeImport(path: string, text: string, root: string, base: Omit<ImportBaseFile, 'about' | 'version'>, expected?: string): void {
  writeRecordFile(path, text, { root, expected });
  const record: ImportBaseFile = {
    about: 'What "wep schools import" last read from Get Information about Schools, per URN: it tells your edits in partnership.yaml from changes in GIAS. Commit it with partnership.yaml; do not edit it.',
    version: 1,
    ...base,
  };
  writeRecordFile(join(root, IMPORT_BASE_FILE), `${JSON.stringify(record, null, 2)}\n`, { root });
}
