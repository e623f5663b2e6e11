import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// One minified ESM bundle with code splitting: src/cli.ts is the entry, and every command is a
// separate chunk loaded only when it runs, so `wep quorum` never pays for handlebars or prompts.
/**
 * commander requires node:child_process at load for executable subcommands, which wep does not
 * use; loading it costs every run a few milliseconds. This hands commander a stand-in that
 * loads the real module on first use.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'wep-lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'wep-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

export default defineConfig({
  esbuildPlugins: [lazyChildProcess],
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
