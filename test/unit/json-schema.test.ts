import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS } from '../../src/core/json-schema.js';
import { ROOT } from '../helpers/wep.js';

// The JSON Schemas in schema/ are what a clerk's editor uses to complete and check the files.
// They are generated from the same declaration as the validator; this test fails when they
// drift. Regenerate with `npm run gen:schema`.
describe('published JSON Schemas', () => {
  for (const [name, make] of Object.entries(PUBLISHED_SCHEMAS)) {
    it(`schema/${name} is current`, () => {
      const path = join(ROOT, 'schema', name);
      const text = `${JSON.stringify(make(), null, 2)}\n`;
      if (process.env.WEP_UPDATE_SCHEMA) writeFileSync(path, text);
      expect(readFileSync(path, 'utf8')).toBe(text);
    });
  }

  it('uses the kebab-case keys the YAML files use', () => {
    const s = PUBLISHED_SCHEMAS['partnership.schema.json']!() as any;
    const body = s.properties.bodies.items.properties;
    expect(body).toHaveProperty('accountable-to');
    expect(body).not.toHaveProperty('accountableTo');
    expect(s.required).toEqual(['partnership', 'groups', 'people', 'bodies']);
  });

  it('lists every quorum rule kind', () => {
    const s = PUBLISHED_SCHEMAS['partnership.schema.json']!() as any;
    const kinds = s.properties.bodies.items.properties.quorum.items.oneOf.map((v: any) => v.properties.kind.const);
    expect(kinds).toEqual(['per-group', 'count', 'fraction', 'required', 'schools-represented']);
  });
});
