import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One cache folder for the whole run (each test file's process keeps its own folder inside it,
 * see test/helpers/wep.ts), removed at the end: the compiled-code caches are a few hundred KB
 * per command, and would otherwise pile up in the temp folder run after run.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'wep-test-cache-'));
  process.env.WEP_TEST_CACHE_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
