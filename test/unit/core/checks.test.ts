import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySelection, CHECK_NAMES, CHECKS, selectChecks } from '../../../src/core/checks.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';

const d = (check: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ severity, file: 'partnership.yaml', check, message: `${check} problem` });

describe('named checks', () => {
  it('are the basic encoding, yaml and schema, then the default ones, each named once', () => {
    expect(CHECKS.filter((c) => c.tier === 'basic').map((c) => c.name)).toEqual(['encoding', 'yaml', 'schema']);
    expect(CHECKS.filter((c) => c.tier === 'default').map((c) => c.name)).toEqual(['references', 'meetings', 'registers', 'minutes', 'quorum']);
    expect(new Set(CHECK_NAMES).size).toBe(CHECK_NAMES.length);
  });

  it('none named: all run', () => {
    const s = selectChecks([]);
    expect(s.ok && [...s.names]).toEqual(CHECK_NAMES);
  });

  it('some named: those and the basic ones', () => {
    const s = selectChecks(['meetings']);
    expect(s.ok && [...s.names]).toEqual(['encoding', 'yaml', 'schema', 'meetings']);
  });

  it('an unknown name: did you mean', () => {
    expect(selectChecks(['refrences'])).toEqual({ ok: false, unknown: 'refrences', hint: 'did you mean "references"?' });
    expect(selectChecks(['zzzzzzzzzz'])).toMatchObject({ ok: false, hint: expect.stringContaining('known checks: encoding, yaml, schema, references') });
  });

  it('keeps the diagnostics of the selected checks only, and any from an unregistered check', () => {
    const ds = [d('yaml'), d('references'), d('meetings', 'warning'), d('something-new')];
    const s = selectChecks(['meetings']);
    expect(s.ok && applySelection(ds, s.names, false).map((x) => x.check)).toEqual(['yaml', 'meetings', 'something-new']);
  });

  it('strict makes every warning an error and saying so, and leaves errors as they are', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ check: fc.constantFrom(...CHECK_NAMES), severity: fc.constantFrom('error' as const, 'warning' as const) })), (xs) => {
        const ds = xs.map((x) => d(x.check, x.severity));
        const all = new Set(CHECK_NAMES);
        const strict = applySelection(ds, all, true);
        expect(strict.every((x) => x.severity === 'error')).toBe(true);
        strict.forEach((x, i) => expect(x.message.endsWith('(strict: a warning counts as an error)')).toBe(ds[i]!.severity === 'warning'));
        expect(applySelection(ds, all, false)).toEqual(ds);
      }),
    );
  });
});
