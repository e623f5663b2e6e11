import { WepError } from '../core/errors.js';
import type { CommandContext } from './context.js';

// Placeholder while the command is being built; see the open issue.
export async function run(_ctx: CommandContext, _opts: Record<string, unknown>): Promise<number> {
  throw new WepError('this command is not built yet');
}
