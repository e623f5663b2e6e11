/**
 * The libraries of the pack and the post (pdf-lib, docx, nodemailer) stay out of the bundle
 * every command loads: they are external, required from node_modules only by `wep pack`,
 * `wep send` and --docx, so start-up of the other commands does not pay for them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/wep.js';

const bundle = readFileSync(join(ROOT, 'dist/cli.cjs'), 'utf8');
const source = (path: string) => readFileSync(join(ROOT, 'node_modules', path), 'utf8');

describe('the bundle', () => {
  it.each([
    ['pdf-lib', 'pdf-lib/cjs/api/errors.js', 'is encrypted'],
    ['nodemailer', 'nodemailer/lib/mailer/index.js', 'Nodemailer'],
    ['docx', 'docx/dist/index.cjs', 'schemas.openxmlformats.org/wordprocessingml/2006/main'],
  ])('leaves %s out', (_name, file, marker) => {
    // the marker is really in the library, and not in the bundle
    expect(source(file)).toContain(marker);
    expect(bundle).not.toContain(marker);
  });

  it('is ASCII, so src/boot.ts reads it without decoding UTF-8 (non-ASCII in the sources is written as escapes)', () => {
    const bytes = readFileSync(join(ROOT, 'dist/cli.cjs'));
    const first = bytes.findIndex((b) => b > 0x7f);
    expect(first === -1 ? '' : bytes.subarray(Math.max(0, first - 60), first + 20).toString('utf8')).toBe('');
  });
});
