/** The published JSON Schemas (schema/*.schema.json), derived from the one schema declaration. */
import { meetingSchema } from './meeting-schema.js';
import { partnershipSchema } from './partnership-schema.js';
import type { JsonSchema } from './schema.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** The schemas' published address, as their `$id`: the package on unpkg, latest release. */
export const SCHEMA_BASE = 'https://unpkg.com/wep-clerk/schema/';

/**
 * Where each records file finds its schema, relative to the file: a records repo keeps the
 * schemas in its own schema/ folder (wep init writes it), so editors complete and check the
 * files offline, and with the schema of the wep release the repo was started with.
 */
export const SCHEMA_PATHS = {
  'partnership.schema.json': './schema/partnership.schema.json',
  'meeting.schema.json': '../../schema/meeting.schema.json',
} as const;

/** The first line of a records file, telling the YAML language server which schema applies. */
export function schemaLine(file: keyof typeof SCHEMA_PATHS): string {
  return `# yaml-language-server: $schema=${SCHEMA_PATHS[file]}`;
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
