import { meetingState } from '../core/meeting-state.js';
import { WepError } from '../core/errors.js';
import { hintFor } from '../core/suggest.js';
import { loadAllMeetings } from '../io/meetings.js';
import { loadPartnership } from '../io/partnership-file.js';
import { meetingsJson, renderMeetings } from '../report/meetings.js';
import type { CommandContext } from './context.js';

export async function run(ctx: CommandContext, opts: { json?: boolean }): Promise<number> {
  const { model, root } = await loadPartnership(ctx);
  const all = await loadAllMeetings(root, ctx.cwd, ctx.env);
  for (const r of all) {
    if (!model.bodies.has(r.meeting.body)) {
      throw new WepError(`${r.display}: unknown body "${r.meeting.body}"`, `${hintFor(r.meeting.body, [...model.bodies.keys()], 'bodies')}; "wep check" lists every problem`);
    }
  }
  const states = all.map((r) => meetingState(model, r, ctx.today));
  if (opts.json) ctx.out.json(meetingsJson(states));
  else for (const line of renderMeetings(states, ctx.out.c)) ctx.out.out(line);
  return 0;
}
