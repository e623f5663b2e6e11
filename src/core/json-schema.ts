/** The published JSON Schemas (schema/*.schema.json), derived from the one schema declaration. */
import { meetingSchema } from './meeting-schema.js';
import { partnershipSchema } from './partnership-schema.js';
import type { JsonSchema } from './schema.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

export function partnershipJsonSchema(): JsonSchema {
  return { $schema: DRAFT, $id: 'https://wep.example.org/schema/partnership.schema.json', ...partnershipSchema.json() };
}

export function meetingJsonSchema(): JsonSchema {
  return { $schema: DRAFT, $id: 'https://wep.example.org/schema/meeting.schema.json', ...meetingSchema.json() };
}

/** File name -> schema, for the generator and the test that keeps them current. */
export const PUBLISHED_SCHEMAS: Record<string, () => JsonSchema> = {
  'partnership.schema.json': partnershipJsonSchema,
  'meeting.schema.json': meetingJsonSchema,
};
