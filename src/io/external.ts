/**
 * The libraries left out of the bundle (tsup.config.ts `external`): pdf-lib, docx,
 * nodemailer and markdown-it, loaded by the commands that use them and by no other. The
 * bundle runs through src/boot.ts's vm.Script, which has no ES module loader (starting one
 * costs every command), so in the bundle they are required; under the tests, which run the
 * sources as ES modules, they are imported. In the bundle, markdown-it is the build's own file
 * beside it (dist/markdown-it.cjs: the same markdown-it, its class fields as plain stores); the
 * others come from node_modules.
 */
type Externals = { 'pdf-lib': typeof import('pdf-lib'); docx: typeof import('docx'); nodemailer: typeof import('nodemailer'); 'markdown-it': typeof import('markdown-it').default };

declare const require: ((id: string) => unknown) | undefined;

/**
 * Each library's require written out, so that the build sees each name and resolves it as it
 * resolves an import (markdown-it to dist/markdown-it.cjs, tsup.config.ts).
 */
const required: { [K in keyof Externals]: () => unknown } = {
  'pdf-lib': () => require!('pdf-lib'),
  docx: () => require!('docx'),
  nodemailer: () => require!('nodemailer'),
  'markdown-it': () => require!('markdown-it'),
};

export async function loadExternal<K extends keyof Externals>(name: K): Promise<Externals[K]> {
  // nodemailer (CommonJS) and markdown-it (a function) are the default export under ES modules
  const wantsDefault = name === 'nodemailer' || name === 'markdown-it';
  if (typeof require === 'function') {
    const r = required[name]() as Externals[K] & { default?: Externals[K] };
    return (name === 'markdown-it' && r.default ? r.default : r) as Externals[K];
  }
  const m = (await import(name)) as Externals[K] & { default?: Externals[K] };
  return (wantsDefault && m.default ? m.default : m) as Externals[K];
}
