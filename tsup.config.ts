import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One minified ESM bundle with code splitting: src/cli.ts is the entry, and every command is a
// separate chunk loaded only when it runs, so `wep quorum` never pays for handlebars or prompts.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  splitting: true,
  minify: true,
  clean: true,
  sourcemap: false,
  noExternal: [/.*/],
  // The build id keys wep's parse cache: a new build never reads what an older one cached.
  define: { __WEP_VERSION__: JSON.stringify(pkg.version), __WEP_BUILD__: JSON.stringify(`${pkg.version}+${Date.now().toString(36)}`) },
  // Bundled CommonJS dependencies (commander, handlebars) call require() for Node built-ins.
  banner: { js: "import{createRequire as __wepCR}from'node:module';const require=__wepCR(import.meta.url);" },
});
