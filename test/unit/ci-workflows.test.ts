import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ciWorkflow } from '../../src/io/init-repo.js';
import { ROOT } from '../helpers/wep.js';

// The workflow a records repo copies (examples/ci/wep-check.yml, shown in the README) is the
// one `wep init` writes.
describe('the wep check workflow for records repos', () => {
  const file = readFileSync(join(ROOT, 'examples/ci/wep-check.yml'), 'utf8');
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it('examples/ci/wep-check.yml is what wep init writes', () => {
    expect(file).toBe(ciWorkflow(version));
  });

  it('the README shows it as it is', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\`\`\`yaml\n${file}\`\`\``);
  });
});

describe('the publishing workflow', () => {
  it('the README shows examples/ci/publish-pages.yml as it is', () => {
    const file = readFileSync(join(ROOT, 'examples/ci/publish-pages.yml'), 'utf8');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\`\`\`yaml\n${file}\`\`\``);
  });
});
