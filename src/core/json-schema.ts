/** The published JSON Schemas (schema/*.schema.json), derived from the one schema declaration. */
import { meetingSchema } from './meeting-schema.js';
import { partnershipSchema } from './partnership-schema.js';
import type { JsonSchema } from './schema.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Where editors find the schemas. A records repo has no node_modules (wep is installed
 * globally, or by CI), so a relative path into the package would point nowhere; the published
 * package on unpkg is reachable from any editor and follows the latest release.
 */
export const SCHEMA_BASE = 'https://unpkg.com/wep/schema/';

/** The first line of a records file, telling the YAML language server which schema applies. */
export function schemaLine(file: 'partnership.schema.json' | 'meeting.schema.json'): string {
  return `# yaml-language-server: $schema=${SCHEMA_BASE}${file}`;
}

export function partnershipJsonSchema(): JsonSchema {
  return { $schema: DRAFT, $id: `${SCHEMA_BASE}partnership.schema.json`, ...partnershipSchema.json() };
}

export function meetingJsonSchema(): JsonSchema {
  return { $schema: DRAFT, $id: `${SCHEMA_BASE}meeting.schema.json`, ...meetingSchema.json() };
}

/** File name -> schema, for the generator and the test that keeps them current. */
export const PUBLISHED_SCHEMAS: Record<string, () => JsonSchema> = {
  'partnership.schema.json': partnershipJsonSchema,
  'meeting.schema.json': meetingJsonSchema,
};
