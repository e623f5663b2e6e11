/**
 * The libraries left out of the bundle (tsup.config.ts `external`): pdf-lib, docx and
 * nodemailer, loaded from node_modules by the commands that use them and by no other. The
 * bundle runs through src/boot.ts's vm.Script, which has no ES module loader (starting one
 * costs every command), so in the bundle they are required; under the tests, which run the
 * sources as ES modules, they are imported.
 */
type Externals = { 'pdf-lib': typeof import('pdf-lib'); docx: typeof import('docx'); nodemailer: typeof import('nodemailer') };

declare const require: ((id: string) => unknown) | undefined;

export async function loadExternal<K extends keyof Externals>(name: K): Promise<Externals[K]> {
  if (typeof require === 'function') return require(name) as Externals[K];
  const m = (await import(name)) as Externals[K] & { default?: Externals[K] };
  // nodemailer is CommonJS: its API is the default export under ES modules
  return (name === 'nodemailer' && m.default ? m.default : m) as Externals[K];
}
