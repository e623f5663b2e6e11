/**
 * The plan of a GIAS import: which schools to add, which fields to change, which schools
 * closed, and which fields the clerk edited and keeps. Pure; src/io/schools-register.ts
 * applies it to the partnership file.
 *
 * Telling a clerk's edit from a change in GIAS needs a third version besides the register and
 * the extract: what the last import wrote (the "base", kept beside the partnership file). Per
 * field, with c the register's value, n the extract's and b the base's:
 *   c = n           nothing to do
 *   c missing       take n (deleting a field is how a clerk asks for GIAS's value back)
 *   c = b           GIAS changed and the clerk did not: take n
 *   n = b           the clerk changed and GIAS did not: keep c, quietly (already said)
 *   otherwise       both changed, or no base yet: keep c, and say so
 */
import { IMPORTED_FIELDS, schoolIdFor, type ImportedField, type ImportedSchool } from './gias.js';
import type { School } from './partnership-schema.js';
import { sameText } from './schools.js';

/** What the last import wrote, per URN. */
export type ImportBase = Record<string, Partial<Record<ImportedField, string>>>;

export interface FieldChange {
  field: ImportedField;
  from?: string;
  to?: string;
}

export interface KeptEdit {
  field: ImportedField;
  yours: string;
  gias?: string;
  /** What the previous import wrote; absent when this is the first import of the school. */
  last?: string;
}

export interface PlannedAdd {
  id: string;
  school: ImportedSchool;
}

export interface PlannedUpdate {
  /** Index of the entry in the register's list. */
  index: number;
  id: string;
  name: string;
  urn: string;
  changes: FieldChange[];
  /** Found by name, not URN (the register had no URN for it): the URN is added. */
  linkedByName: boolean;
  /** Fields the clerk edited that GIAS changed too (or with no earlier import to tell): kept, and said. */
  conflicts: KeptEdit[];
  /** Fields the clerk edited earlier and GIAS still says the same as then: kept quietly. */
  kept: KeptEdit[];
  /** The school is closed in GIAS and was open in the register. */
  closed: boolean;
}

export interface ImportPlan {
  added: PlannedAdd[];
  /** Register entries with something to say: changes, conflicts or a URN to add. */
  updated: PlannedUpdate[];
  /** Schools of the extract already in the register with nothing to change. */
  unchanged: number;
  /** Register entries with a URN the extract does not have: left as they are. */
  notInExtract: { id: string; name: string; urn: string }[];
  /** Schools of the extract the clerk removed from the register since the last import: not added back. */
  removed: { urn: string; name: string }[];
  /** Closed schools of the extract that are not in the register: not added. */
  closedNotAdded: { urn: string; name: string }[];
  /** What to keep as the base for the next import. */
  base: ImportBase;
}

/** The register's value of an imported field, as text (status defaults to open). */
function current(s: School, f: ImportedField): string | undefined {
  if (f === 'status') return s.status ?? 'open';
  return s[f];
}

function incoming(s: ImportedSchool, f: ImportedField): string | undefined {
  return s[f];
}

const eq = (a: string | undefined, b: string | undefined) => (a === undefined || b === undefined ? a === b : a === b);

/** The values an import records as its base: every imported field GIAS gave. */
export function baseOf(s: ImportedSchool): Partial<Record<ImportedField, string>> {
  const out: Partial<Record<ImportedField, string>> = {};
  for (const f of IMPORTED_FIELDS) {
    const v = incoming(s, f);
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/** Compares one register entry with its row of the extract, field by field. */
function compare(s: School, n: ImportedSchool, base: Partial<Record<ImportedField, string>> | undefined) {
  const changes: FieldChange[] = [];
  const conflicts: KeptEdit[] = [];
  const kept: KeptEdit[] = [];
  for (const f of IMPORTED_FIELDS) {
    const c = current(s, f);
    const v = incoming(n, f);
    if (eq(c, v)) continue;
    // status has a default: "open" in the register is the same as leaving it out
    const missing = f === 'status' ? s.status === undefined && base === undefined : c === undefined;
    const b = base?.[f];
    if (missing || (base && eq(c, b))) changes.push({ field: f, from: c, to: v });
    else if (base && eq(v, b)) kept.push({ field: f, yours: c!, gias: v, last: b });
    else conflicts.push({ field: f, yours: c!, gias: v, ...(b !== undefined ? { last: b } : {}) });
  }
  return { changes, conflicts, kept };
}

/**
 * Plans the import of `extract` (already filtered to one local authority) into `register`.
 * A school is matched by URN, else, when the register has no URN for it, by its exact name.
 */
export function planImport(register: readonly School[], extract: readonly ImportedSchool[], base: ImportBase): ImportPlan {
  const byUrn = new Map<string, number>();
  register.forEach((s, i) => {
    if (s.urn !== undefined && !byUrn.has(s.urn)) byUrn.set(s.urn, i);
  });
  // Entries without a URN, by name, for linking; a name used twice links neither.
  const byName = new Map<string, number | null>();
  register.forEach((s, i) => {
    if (s.urn !== undefined) return;
    const key = s.name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
    byName.set(key, byName.has(key) ? null : i);
  });
  const taken = new Set(register.map((s) => s.id));
  const seen = new Set<string>();
  const linked = new Set<number>();
  const plan: ImportPlan = { added: [], updated: [], unchanged: 0, notInExtract: [], removed: [], closedNotAdded: [], base: { ...base } };

  for (const n of extract) {
    if (seen.has(n.urn)) continue; // the same URN twice in one extract: the first wins
    seen.add(n.urn);
    let index = byUrn.get(n.urn);
    let byNameLink = false;
    if (index === undefined) {
      const key = n.name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
      const i = byName.get(key);
      if (i !== undefined && i !== null && !linked.has(i) && sameText(register[i]!.name, n.name)) {
        index = i;
        byNameLink = true;
        linked.add(i);
      }
    }
    if (index === undefined) {
      if (base[n.urn]) plan.removed.push({ urn: n.urn, name: n.name });
      else if (n.status === 'closed') {
        plan.closedNotAdded.push({ urn: n.urn, name: n.name });
        continue; // nothing to remember about a school never in the register
      } else {
        const id = schoolIdFor(n.name, n.urn, taken);
        taken.add(id);
        plan.added.push({ id, school: n });
      }
      plan.base[n.urn] = baseOf(n);
      continue;
    }
    const s = register[index]!;
    const { changes, conflicts, kept } = compare(s, n, byNameLink ? undefined : base[n.urn]);
    const closed = changes.some((c) => c.field === 'status' && c.to === 'closed' && (c.from ?? 'open') === 'open');
    if (changes.length || conflicts.length || kept.length || byNameLink) {
      plan.updated.push({ index, id: s.id, name: s.name, urn: n.urn, changes, linkedByName: byNameLink, conflicts, kept, closed });
    }
    if (!changes.length && !conflicts.length && !byNameLink) plan.unchanged++;
    plan.base[n.urn] = baseOf(n);
  }
  for (const s of register) {
    if (s.urn !== undefined && !seen.has(s.urn)) plan.notInExtract.push({ id: s.id, name: s.name, urn: s.urn });
  }
  return plan;
}

/** True when applying the plan would change the register. */
export function changesRegister(plan: ImportPlan): boolean {
  return plan.added.length > 0 || plan.updated.some((u) => u.changes.length > 0 || u.linkedByName);
}
