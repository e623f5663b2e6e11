/**
 * The convention the clerk types in minutes.md, read back into the registers:
 *
 *     ## 5. Budget 2027-28
 *     DECISION: The Partnership approved the budget for 2027-28.
 *     ACTION: Circulate the revised budget — owner: la-morgan, due: 2027-01-15
 *
 * A `DECISION:` or `ACTION:` line belongs to the numbered item whose section holds it, by the
 * one heading rule of minutes-headings.ts (shared with the registers and the site). After the
 * text of an action, a dash (—, – or -) or a bracket opens `owner: <person id>` and the
 * optional `due: YYYY-MM-DD`, in either order, separated by commas. A recorded vote closes a
 * DECISION line in brackets: `(for: 9, against: 1, abstentions: 2)` (or `(9 for, 1 against)`).
 * HTML comments and fenced code blocks are skipped, so the template can show the convention
 * without it being read.
 */
import { isIsoDate, whyNotIsoDate, type IsoDate } from './dates.js';
import type { Action, Decision, MeetingFile, Votes } from './meeting-schema.js';
import { readMinutesLines } from './minutes-headings.js';
import { ID_PATTERN } from './scalars.js';

export interface ParsedAction {
  text: string;
  owner?: string;
  due?: IsoDate;
  item?: number;
  /** 1-based line and column of the ACTION keyword. */
  line: number;
  col: number;
  /** Where the owner id sits on the line, for diagnostics about it. */
  ownerCol?: number;
}

export interface ParsedDecision {
  text: string;
  item?: number;
  /** A vote recorded at the end of the line. */
  votes?: Votes;
  line: number;
  col: number;
}

export interface MinutesProblem {
  line: number;
  col: number;
  len: number;
  message: string;
  hint?: string;
}

export interface ParsedMinutes {
  actions: ParsedAction[];
  decisions: ParsedDecision[];
  problems: MinutesProblem[];
}

const ENTRY = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?)(ACTION|DECISION)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*)$/i;
/**
 * The metadata of an action: after a dash (em, en, double or plain) followed by owner/due, or in
 * a final bracket. The dashes are written as escapes so the built CLI stays ASCII (src/boot.ts).
 */
const META_DASH = /\s+(?:\u2014|\u2013|--|-)\s+(?=(?:owner|due)\s*:)/i;
const META_PAREN = /\s*\(((?:owner|due)\s*:[^()]*)\)\s*\.?\s*$/i;

/** A final bracket that opens with a vote count: "(for: 9, against: 1, abstentions: 2)"; "(for the record)" is text. */
const META_VOTES = /\s*\(\s*((?:votes?\s*:\s*)?(?:(?:for|against|abstentions?|abstain(?:ed)?)\s*:?\s*\d|\d+\s+(?:for|against|abstentions?|abstain(?:ed)?)\b)[^()]*)\)\s*\.?\s*$/i;
const VOTE_KEY = (k: string): keyof Votes => (/^for$/i.test(k) ? 'for' : /^against$/i.test(k) ? 'against' : 'abstentions');

const EXAMPLE = 'ACTION: <what is to be done> — owner: <person id>, due: YYYY-MM-DD';

/** Reads ACTION and DECISION lines, each with the agenda item it sits under. Pure. */
export function parseMinutes(text: string): ParsedMinutes {
  const out: ParsedMinutes = { actions: [], decisions: [], problems: [] };
  let seenItem = false;
  readMinutesLines(text).forEach((l, i) => {
    const line = i + 1;
    const visible = l.visible;
    if (l.kind !== 'text' && l.kind !== 'indented') {
      if (l.item !== undefined) seenItem = true;
      return;
    }
    const item = l.item;
    const m = ENTRY.exec(visible);
    if (!m) return;
    const col = m[1]!.length + 1;
    const kind = m[2]!.toUpperCase();
    const body = m[3]!.trim();
    const bodyCol = visible.indexOf(m[3]!, col - 1 + m[2]!.length) + 1;
    if (!body) {
      out.problems.push({ line, col, len: m[2]!.length, message: `${kind} with no text`, hint: kind === 'ACTION' ? `write it as: ${EXAMPLE}` : 'write it as: DECISION: <what was resolved>' });
      return;
    }
    if (item === undefined) {
      out.problems.push({
        line,
        col,
        len: m[2]!.length,
        message: seenItem
          ? `${kind} outside any numbered item's section (a heading of the same or a higher level ended it), so wep cannot tell which item it belongs to`
          : `${kind} before any numbered item heading, so wep cannot tell which item it belongs to`,
        hint: 'put it under the heading of its agenda item, e.g. "## 5. Budget"',
      });
    }
    if (kind === 'DECISION') {
      const decision: ParsedDecision = { text: body, item, line, col };
      const v = META_VOTES.exec(body);
      if (v) {
        decision.text = body.slice(0, v.index).trim();
        const votes = readVotes(v[1]!, line, bodyCol + body.indexOf(v[1]!, v.index), out.problems);
        if (votes) decision.votes = votes;
      }
      out.decisions.push(decision);
      return;
    }
    const action: ParsedAction = { text: body, item, line, col };
    let meta: string | undefined;
    let metaAt = -1;
    const dash = META_DASH.exec(body);
    const paren = META_PAREN.exec(body);
    if (dash) {
      action.text = body.slice(0, dash.index).trim();
      metaAt = dash.index + dash[0].length;
      meta = body.slice(metaAt);
    } else if (paren) {
      action.text = body.slice(0, paren.index).trim();
      meta = paren[1]!;
      metaAt = body.indexOf(meta, paren.index);
    }
    if (meta !== undefined) {
      let offset = metaAt;
      for (const part of meta.split(/[,;]/)) {
        const at = bodyCol + offset + (part.length - part.trimStart().length);
        offset += part.length + 1;
        const p = part.trim().replace(/\.$/, '');
        if (!p) continue;
        const kv = /^(\w+)\s*:\s*(.*)$/.exec(p);
        const key = kv?.[1]!.toLowerCase();
        const value = kv?.[2]!.trim() ?? '';
        if (key === 'owner') {
          if (!ID_PATTERN.test(value)) {
            out.problems.push({ line, col: at, len: p.length, message: `"${value}" is not a person id`, hint: 'give the owner\'s id from partnership.yaml, e.g. owner: la-morgan' });
          } else {
            action.owner = value;
            action.ownerCol = at + p.indexOf(value, 5);
          }
        } else if (key === 'due') {
          if (!isIsoDate(value)) out.problems.push({ line, col: at, len: p.length, message: `${whyNotIsoDate(value)} (the due date)`, hint: 'write it as due: YYYY-MM-DD' });
          else action.due = value;
        } else {
          out.problems.push({ line, col: at, len: p.length, message: `"${p}" is not understood here`, hint: 'after the action, give owner: <id> and due: YYYY-MM-DD, separated by a comma' });
        }
      }
    }
    if (!action.owner && !out.problems.some((p) => p.line === line && /person id/.test(p.message))) {
      out.problems.push({ line, col, len: m[2]!.length, message: 'ACTION with no owner', hint: `write it as: ${EXAMPLE}` });
    }
    out.actions.push(action);
  });
  return out;
}

/** The counts in a vote bracket; problems for parts that are not counts. */
function readVotes(inner: string, line: number, col: number, problems: MinutesProblem[]): Votes | undefined {
  const counts: Partial<Votes> = {};
  let ok = true;
  let offset = 0;
  const text = inner.replace(/^votes?\s*:\s*/i, (m) => {
    offset = m.length;
    return '';
  });
  for (const part of text.split(/[,;]/)) {
    const at = col + offset + (part.length - part.trimStart().length);
    offset += part.length + 1;
    const p = part.trim().replace(/\.$/, '');
    if (!p) continue;
    const m = /^(for|against|abstentions?|abstain(?:ed)?)\s*:?\s*(\d+)$/i.exec(p) ?? /^(\d+)\s+(for|against|abstentions?|abstain(?:ed)?)$/i.exec(p);
    if (!m) {
      ok = false;
      problems.push({ line, col: at, len: p.length, message: `"${p}" is not a vote count`, hint: 'write the vote as (for: 9, against: 1, abstentions: 2)' });
      continue;
    }
    const [key, n] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    counts[VOTE_KEY(key)] = Number(n);
  }
  if (!ok) return undefined;
  if (counts.for === undefined || counts.against === undefined) {
    problems.push({ line, col, len: inner.length, message: 'a recorded vote needs the votes for and against', hint: 'write the vote as (for: 9, against: 1, abstentions: 2); leave out the bracket if no vote was counted' });
    return undefined;
  }
  return { for: counts.for, against: counts.against, ...(counts.abstentions !== undefined ? { abstentions: counts.abstentions } : {}) };
}

/** Text compared the way the clerk reads it: case, spacing and full stops aside. */
export const normText = (s: string) => s.toLowerCase().replace(/[\s.]+/g, ' ').trim();

/** An entry typed in minutes.md that meeting.yaml does not hold yet, with the id it will get. */
export interface PendingAction extends Action {
  line: number;
  col: number;
  ownerCol?: number;
}
export interface PendingDecision extends Decision {
  id: string;
  line: number;
  col: number;
}

/** `n` new ids after the highest `<prefix><number>` taken: a3, a4 ... */
export function nextIds(prefix: string, taken: readonly (string | undefined)[], n: number): string[] {
  let max = 0;
  for (const t of taken) {
    const m = t && new RegExp(`^${prefix}(\\d+)$`).exec(t);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Array.from({ length: n }, (_, i) => `${prefix}${max + i + 1}`);
}

/**
 * The minutes.md entries not yet in meeting.yaml (same text, whatever the case and spacing),
 * numbered after the ids meeting.yaml already uses (a1, a2 ... and d1, d2 ...). Actions with
 * no owner cannot be registered and are left out (the parse reports them).
 */
export function pendingEntries(meeting: Pick<MeetingFile, 'actions' | 'decisions'>, parsed: ParsedMinutes): { actions: PendingAction[]; decisions: PendingDecision[] } {
  const haveA = new Set((meeting.actions ?? []).map((a) => normText(a.text)));
  const haveD = new Set((meeting.decisions ?? []).map((d) => normText(d.text)));
  const newA = parsed.actions.filter((a) => a.owner && !haveA.has(normText(a.text)));
  const newD = parsed.decisions.filter((d) => d.item !== undefined && !haveD.has(normText(d.text)));
  const aIds = nextIds('a', (meeting.actions ?? []).map((a) => a.id), newA.length);
  const dIds = nextIds('d', (meeting.decisions ?? []).map((d) => d.id), newD.length);
  return {
    actions: newA.map((a, i) => ({
      id: aIds[i]!,
      text: a.text,
      owner: a.owner!,
      ...(a.due ? { due: a.due } : {}),
      ...(a.item !== undefined ? { item: a.item } : {}),
      line: a.line,
      col: a.col,
      ownerCol: a.ownerCol,
    })),
    decisions: newD.map((d, i) => ({ id: dIds[i]!, item: d.item!, text: d.text, line: d.line, col: d.col })),
  };
}
