/**
 * Edits YAML records in place through the yaml Document API, so the clerk's comments, key
 * order and layout survive. Writes are atomic and refuse to clobber a file that changed on
 * disk since it was read.
 */
import { readFileSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { WepError } from '../core/errors.js';
import { writeFileAtomic } from './fs.js';

export const STRINGIFY = { lineWidth: 0, indentSeq: true } as const;

/** Parses YAML keeping comments and layout, ready for editing. */
export function parseForEdit(source: string): Document {
  return parseDocument(source, { keepSourceTokens: true, version: '1.2' });
}

/**
 * Reads `path`, lets `edit` change the document, and writes it back atomically. When
 * `expected` is given and the file no longer holds that text, nothing is written.
 * Returns the new text.
 */
export function editYamlFile(path: string, edit: (doc: Document) => void, expected?: string): string {
  const source = readFileSync(path, 'utf8');
  if (expected !== undefined && source !== expected) {
    throw new WepError(`${path} changed on disk while wep was working`, 'run the command again');
  }
  const doc = parseForEdit(source);
  if (doc.errors.length) throw new WepError(`${path} is not valid YAML`, 'run "wep check" to see where');
  edit(doc);
  const text = keepFlowSpacing(source, doc.toString(STRINGIFY));
  if (text !== source) writeFileAtomic(path, text);
  return text;
}

const flowKey = (line: string) => line.replace(/([[{])\s+/g, '$1').replace(/\s+([\]}])/g, '$1');

/**
 * The yaml library writes every flow collection with one padding style (`[ a, b ]` or
 * `{a: 1}`), so an edit elsewhere would restyle the clerk's lines. A line whose content is
 * unchanged except for that spacing keeps its original text.
 */
export function keepFlowSpacing(source: string, text: string): string {
  const original = new Map<string, string>();
  for (const line of source.split('\n')) if (/[[{]/.test(line)) original.set(flowKey(line), line);
  return text
    .split('\n')
    .map((line) => (/[[{]/.test(line) ? (original.get(flowKey(line)) ?? line) : line))
    .join('\n');
}
