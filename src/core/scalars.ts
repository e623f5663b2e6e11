/** The scalar kinds shared by the partnership file and meeting records. */
import { TIME_PATTERN, whyNotIsoDate } from './dates.js';
import { str } from './schema.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** An id: lower-case letters, digits and hyphens, e.g. `primary-heads`. */
export const id = (description?: string) =>
  str({
    expected: 'an id (lower-case letters, digits and hyphens)',
    pattern: ID_PATTERN,
    patternHint: 'ids use lower-case letters, digits and hyphens, e.g. "primary-heads"',
    description,
  });

export const date = (description?: string) =>
  str({
    expected: 'a date (YYYY-MM-DD)',
    format: 'date',
    check: whyNotIsoDate,
    patternHint: 'write dates as YYYY-MM-DD, e.g. 2026-12-10',
    description,
    pattern: /^\d{4}-\d{2}-\d{2}$/,
  });

export const time = (description?: string) =>
  str({
    expected: 'a time (HH:MM, 24-hour clock)',
    // the same rule as isTime, so the published JSON Schema refuses "25:00" as wep does
    pattern: TIME_PATTERN,
    patternHint: 'write times on the 24-hour clock as HH:MM, e.g. 16:30',
    description,
  });

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export const email = (description?: string) =>
  str({
    expected: 'an email address',
    format: 'email',
    // wep's own rule in the JSON Schema too: `format: email` alone means something else to each validator
    checkPattern: EMAIL,
    check: (v) => (EMAIL.test(v) ? undefined : `"${v}" is not an email address`),
    patternHint: 'write one plain address, e.g. jo.bloggs@example.org',
    description,
  });

export const text = (description?: string) => str({ description });
