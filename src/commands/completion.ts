import { EXIT } from '../core/errors.js';
import { commandTree, renderCompletion, type CommandLike, type Shell } from '../report/completion.js';
import type { CommandContext, CommandResult } from './context.js';

export interface CompletionOptions {
  shell: Shell;
  /** The whole command tree, every command defined (cli.ts passes it). */
  program: () => CommandLike;
}

export async function run(_ctx: CommandContext, opts: CompletionOptions): Promise<CommandResult> {
  return { exitCode: EXIT.ok, raw: renderCompletion(commandTree(opts.program()), opts.shell) };
}
