import type { Command } from 'commander';
import { EXIT } from '../core/errors.js';
import { commandTree, renderCompletion, type Shell } from '../report/completion.js';
import type { CommandContext } from './context.js';

export interface CompletionOptions {
  shell: Shell;
  /** The whole command tree, every command defined (cli.ts passes it). */
  program: () => Command;
}

export async function run(ctx: CommandContext, opts: CompletionOptions): Promise<number> {
  ctx.out.raw(renderCompletion(commandTree(opts.program()), opts.shell));
  return EXIT.ok;
}
