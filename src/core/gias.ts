/**
 * Get Information about Schools (GIAS), England's register of schools: what wep reads from its
 * establishments CSV and how a row becomes an entry of the schools register. Pure: the file is
 * read and decoded by src/io/gias-csv.ts.
 */
import type { PHASES, SCHOOL_STATUSES, SCHOOL_TYPES } from './partnership-schema.js';
import { sameText } from './schools.js';

/** The GIAS columns wep reads, by the name in the CSV's header. */
export const GIAS_COLUMNS = {
  urn: 'URN',
  la: 'LA (name)',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  status: 'EstablishmentStatus (name)',
  phase: 'PhaseOfEducation (name)',
  lowAge: 'StatutoryLowAge',
  highAge: 'StatutoryHighAge',
  religiousCharacter: 'ReligiousCharacter (name)',
  trust: 'Trusts (name)',
  headTitle: 'HeadTitle (name)',
  headFirstName: 'HeadFirstName',
  headLastName: 'HeadLastName',
} as const;
export type GiasColumn = keyof typeof GIAS_COLUMNS;

/** One row of the extract: the columns wep reads, and where the row starts in the file. */
export type GiasRow = Record<GiasColumn, string> & { line: number };

/** The fields an import writes, in the order they appear in a new register entry. */
export const IMPORTED_FIELDS = ['name', 'phase', 'type', 'status', 'religiousCharacter', 'trust', 'headName'] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

/** A school as GIAS describes it, in the register's terms. */
export interface ImportedSchool {
  urn: string;
  name: string;
  phase: (typeof PHASES)[number];
  type: (typeof SCHOOL_TYPES)[number];
  status: (typeof SCHOOL_STATUSES)[number];
  religiousCharacter?: string;
  trust?: string;
  headName?: string;
}

/** A row that cannot be read: which column, what is wrong, and what to do. */
export interface RowProblem {
  column: GiasColumn;
  message: string;
  hint: string;
}

export type RowResult = { school: ImportedSchool } | { skip: string } | { problem: RowProblem };

/** Establishment types that are schools a partnership works with, by governance type. */
const TYPES: Record<string, ImportedSchool['type']> = {
  'community school': 'community',
  'voluntary aided school': 'voluntary-aided',
  'voluntary controlled school': 'voluntary-controlled',
  'foundation school': 'foundation',
  'local authority nursery school': 'community',
  'community special school': 'special',
  'foundation special school': 'special',
  'non-maintained special school': 'special',
  'pupil referral unit': 'pupil-referral-unit',
  'city technology college': 'academy',
  'university technical college': 'academy',
  'studio schools': 'academy',
};

function governanceType(gias: string): ImportedSchool['type'] | undefined {
  const t = gias.trim().toLowerCase();
  if (TYPES[t]) return TYPES[t];
  if (t.startsWith('academy')) return 'academy';
  if (t.startsWith('free school')) return 'free-school';
  return undefined;
}

const age = (v: string) => (/^\d{1,2}$/.test(v.trim()) ? Number(v.trim()) : undefined);

/**
 * The phase, three-tier phases included: GIAS's "Middle deemed primary/secondary" is a middle
 * school; a primary ending at 8 or 9 is a first school (a "lower" school where it calls itself
 * one, as in Bedfordshire); a secondary starting at 13 is an upper school. Special schools and
 * alternative provision take their phase from their type, as GIAS gives them "Not applicable".
 */
export function phaseOf(row: Pick<GiasRow, 'phase' | 'type' | 'lowAge' | 'highAge' | 'name'>): ImportedSchool['phase'] | undefined {
  const type = row.type.trim().toLowerCase();
  if (/special/.test(type)) return 'special';
  if (/pupil referral|alternative provision/.test(type)) return 'pupil-referral-unit';
  const phase = row.phase.trim().toLowerCase();
  const low = age(row.lowAge);
  const high = age(row.highAge);
  if (phase.startsWith('middle deemed')) return 'middle';
  if (phase === 'primary' || phase === 'secondary') {
    if (low !== undefined && high !== undefined && low >= 8 && low <= 10 && high >= 12 && high <= 14) return 'middle';
    if (phase === 'primary' && high !== undefined && (high === 8 || high === 9) && (low === undefined || low <= 5)) return /\blower\b/i.test(row.name) ? 'lower' : 'first';
    if (phase === 'secondary' && low === 13) return 'upper';
    return phase;
  }
  if (phase === 'nursery') return 'nursery';
  if (phase === 'all-through') return 'all-through';
  if (phase === '16 plus' || /16.?(to|-).?19/.test(type)) return 'post-16';
  return undefined;
}

/** GIAS's words for "none". */
const NONE = new Set(['', 'none', 'does not apply', 'not applicable', 'not applicable.', 'unknown']);
const some = (v: string) => {
  const t = v.replace(/\s+/g, ' ').trim();
  return NONE.has(t.toLowerCase()) ? undefined : t;
};

/** "Mrs Zoë Brontë": title (unless "Not applicable"), first and last name. */
export function headNameOf(row: Pick<GiasRow, 'headTitle' | 'headFirstName' | 'headLastName'>): string | undefined {
  const first = some(row.headFirstName);
  const last = some(row.headLastName);
  if (!first && !last) return undefined;
  return [some(row.headTitle), first, last].filter(Boolean).join(' ');
}

/** One row of the extract as a register entry, a reason to leave it out, or a problem. */
export function schoolFromGias(row: GiasRow): RowResult {
  const urn = row.urn.trim();
  if (!/^\d{5,7}$/.test(urn)) {
    return { problem: { column: 'urn', message: urn ? `"${urn}" is not a URN` : 'the URN is empty', hint: 'a URN is 5 to 7 digits: is this the GIAS establishments CSV, unchanged?' } };
  }
  const name = some(row.name);
  if (!name) return { problem: { column: 'name', message: `URN ${urn} has no EstablishmentName`, hint: 'download the extract again from GIAS, or correct the row' } };
  const status = row.status.trim().toLowerCase();
  if (status === 'proposed to open') return { skip: 'proposed to open' };
  const type = governanceType(row.type);
  if (!type) return { skip: row.type.trim() || 'no establishment type' };
  const phase = phaseOf(row);
  if (!phase) return { skip: `${row.type.trim()} with phase "${row.phase.trim() || 'none'}"` };
  const school: ImportedSchool = { urn, name, phase, type, status: status === 'closed' ? 'closed' : 'open' };
  const rc = some(row.religiousCharacter);
  if (rc) school.religiousCharacter = rc;
  const trust = some(row.trust);
  if (trust) school.trust = trust;
  const head = headNameOf(row);
  if (head) school.headName = head;
  return { school };
}

/** True when a row's local authority is the one asked for (case and spacing aside). */
export function isLa(row: Pick<GiasRow, 'la'>, la: string): boolean {
  return sameText(row.la, la);
}

/** An id for a new register entry from the school's name: "St Mary's CofE Primary" -> "st-marys-cofe-primary". */
export function schoolIdFor(name: string, urn: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019\u2018]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = slug || `school-${urn}`;
  if (!taken.has(base)) return base;
  if (!taken.has(`${base}-${urn}`)) return `${base}-${urn}`;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
