import { defineConfig } from 'vitest/config';

// Tests that drive a real browser (headless Chromium from the system package, via
// playwright-core). Run with `npm run test:browser`; the default config leaves them out.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/setup/global.ts'],
    // Screenshots attached to the test output are kept where git ignores them.
    attachmentsDir: 'test-results/.vitest-attachments',
  },
});
