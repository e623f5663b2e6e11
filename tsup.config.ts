import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { fieldsAsAssignments } from './scripts/lower-field-helpers.js';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

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

/**
 * Leaves out code wep never runs, which would otherwise be half the bundle: the editor prompt
 * of @inquirer/prompts (it brings iconv-lite and chardet, 520 KB) and the source-map library
 * handlebars uses only for precompiling with source maps (it has a built-in fallback).
 */
const leaveOut: Plugin = {
  name: 'leave-out-unused',
  setup(build) {
    build.onResolve({ filter: /^@inquirer\/editor$/ }, () => ({ path: 'editor', namespace: 'wep-unused' }));
    build.onResolve({ filter: /^source-map$/ }, (args) => (/[\\/]handlebars[\\/]/.test(args.importer) ? { path: 'source-map', namespace: 'wep-unused' } : undefined));
    build.onLoad({ filter: /^editor$/, namespace: 'wep-unused' }, () => ({
      contents: "export default function editor() { throw new Error('the editor prompt is not part of wep'); }",
      loader: 'js',
    }));
    build.onLoad({ filter: /^source-map$/, namespace: 'wep-unused' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * markdown-it's published file, with each class field's helper call written as the store it
 * stands for (scripts/lower-field-helpers.ts): the same parser, twice as quick. The build stops
 * if markdown-it's file no longer has the calls, so a new markdown-it is looked at, not missed.
 */
const markdownItFields: Plugin = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.cjs\.js$/ }, (args) => {
      const { code, keys } = fieldsAsAssignments(readFileSync(args.path, 'utf8'));
      const left = /_defineProperty\(\s*this\b/.test(code);
      if (keys.length === 0 || left) {
        throw new Error(`${args.path}: ${left ? 'some class field helper calls are left' : 'no class field helper calls found'}; see scripts/lower-field-helpers.ts`);
      }
      return { contents: code, loader: 'js' };
    });
  },
};

/** In the bundle, markdown-it (imported, or required in src/io/external.ts) is dist/markdown-it.cjs, built beside it. */
const markdownItBeside: Plugin = {
  name: 'markdown-it-beside',
  setup(build) {
    build.onResolve({ filter: /^markdown-it$/ }, () => ({ path: './markdown-it.cjs', external: true }));
  },
};

// The build id keys wep's caches: a new build never reads what an older one cached.
// WEP_READABLE_BUILD=1 npm run build keeps names, for reading a CPU profile (node --cpu-prof).
const minify = !process.env.WEP_READABLE_BUILD;

const define = {
  __WEP_VERSION__: JSON.stringify(pkg.version),
  __WEP_BUILD__: JSON.stringify(`${pkg.version}+${Date.now().toString(36)}`),
};

export default defineConfig([
  {
    // The whole CLI as one minified CommonJS bundle. Each command's module is still
    // initialised only when it runs (esbuild's lazy module wrappers), so `wep quorum` never
    // runs handlebars or the prompts; src/boot.ts compiles the bundle with V8's code cache.
    entry: { cli: 'src/cli.ts' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    splitting: false,
    minify,
    clean: false,
    sourcemap: false,
    // Everything is bundled except the libraries only some commands use: markdown-it (publish,
    // pack, send; built beside the bundle, below), and pdf-lib, docx and nodemailer (pack, send,
    // --docx), which stay runtime dependencies in node_modules. They are required when those
    // commands run (src/io/external.ts), so no other command reads their bytes.
    noExternal: [/^(?!(pdf-lib|docx|nodemailer)(\/|$)).*/],
    external: ['pdf-lib', 'docx', 'nodemailer'],
    shims: true,
    // keep `node:` in imports, so lazyChildProcess sees commander's node:child_process
    removeNodeProtocol: false,
    esbuildPlugins: [lazyChildProcess, leaveOut, markdownItBeside],
    define,
  },
  {
    // markdown-it and its dependencies as one file, dist/markdown-it.cjs, with its class fields
    // as plain stores (markdownItFields). src/io/external.ts requires it in the bundle.
    entry: { 'markdown-it': 'node_modules/markdown-it/dist/markdown-it.cjs.js' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    minify,
    sourcemap: false,
    noExternal: [/.*/],
    esbuildPlugins: [markdownItFields],
  },
  {
    // The loader bin/wep.cjs requires. CommonJS like the bundle: an ES module entry would
    // start Node's ESM loader, which costs more than everything else wep does on a cache hit.
    entry: { boot: 'src/boot.ts' },
    format: ['cjs'],
    shims: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    minify,
    sourcemap: false,
    define,
  },
]);
