/**
 * minutes.md is the clerk's text and, once written, the record of what was decided and who is
 * to do what. meeting.yaml keeps what the text cannot: each entry's id, whether an action was
 * done, whether an inquorate decision was confirmed. This module pairs the two, line by line,
 * and says where they disagree. Pure.
 *
 * Pairing, for decisions and actions apart:
 *  1. the same text (whatever the case and spacing): the same entry, even under another item
 *     (then it "moved");
 *  2. what is left under the same item, in order: the same entry, reworded ("changed");
 *  3. lines left in minutes.md are new ("added"); entries left in meeting.yaml are "missing"
 *     from the minutes, and kept in the register, so nothing is lost while the clerk decides.
 */
import type { Action, Decision, MeetingFile, Votes } from './meeting-schema.js';
import { normText, nextIds, type ParsedAction, type ParsedDecision, type ParsedMinutes, type PendingAction, type PendingDecision } from './minutes-parse.js';

export type DifferenceKind = 'added' | 'changed' | 'moved' | 'missing';

/** One place where minutes.md and meeting.yaml disagree. */
export interface MinutesDifference {
  kind: DifferenceKind;
  entry: 'decision' | 'action';
  /** The entry's id in meeting.yaml (or the id an added line will get). */
  id: string;
  /** Index in meeting.yaml's list (changed, moved, missing). */
  index?: number;
  /** Where the line is in minutes.md (added, changed, moved). */
  line?: number;
  col?: number;
  /** The text as minutes.md has it (added, changed, moved). */
  text?: string;
  /** meeting.yaml's text (changed, moved, missing). */
  was?: string;
  /** What changed, for `changed` and `moved`: text, item, owner, due, votes. */
  fields?: string[];
  item?: number;
  wasItem?: number;
}

export interface Reconciled {
  /** meeting.yaml with minutes.md's decisions and actions: what the registers list. */
  merged: MeetingFile;
  /** Lines of minutes.md not in meeting.yaml, with the ids they will get. */
  pending: { actions: PendingAction[]; decisions: PendingDecision[] };
  /** Every disagreement, added lines included. */
  differences: MinutesDifference[];
}

const sameVotes = (a?: Votes, b?: Votes) => (a?.for ?? -1) === (b?.for ?? -1) && (a?.against ?? -1) === (b?.against ?? -1) && (a?.abstentions ?? -1) === (b?.abstentions ?? -1);

/** Pairs parsed lines with meeting.yaml entries: [yaml index, parsed index] pairs, and how. */
function pair<Y extends { text: string; item?: number }, P extends { text: string; item?: number }>(yaml: readonly Y[], parsed: readonly P[]) {
  const byParsed = new Map<number, { y: number; how: 'same' | 'reworded' }>();
  const usedY = new Set<number>();
  parsed.forEach((p, pi) => {
    const key = normText(p.text);
    const y = yaml.findIndex((e, yi) => !usedY.has(yi) && normText(e.text) === key);
    if (y >= 0) {
      usedY.add(y);
      byParsed.set(pi, { y, how: 'same' });
    }
  });
  parsed.forEach((p, pi) => {
    if (byParsed.has(pi) || p.item === undefined) return;
    const y = yaml.findIndex((e, yi) => !usedY.has(yi) && e.item === p.item);
    if (y >= 0) {
      usedY.add(y);
      byParsed.set(pi, { y, how: 'reworded' });
    }
  });
  return { byParsed, missing: yaml.map((_, i) => i).filter((i) => !usedY.has(i)) };
}

/**
 * The register entries of one meeting from its minutes.md and meeting.yaml, and where they
 * disagree. Lines minutes.md cannot place (no item, an action with no owner) are left to the
 * parse's own problems.
 */
export function reconcileMinutes(meeting: MeetingFile, parsed: ParsedMinutes): Reconciled {
  const differences: MinutesDifference[] = [];

  // Decisions
  const yD = meeting.decisions ?? [];
  const pD = parsed.decisions.filter((d): d is ParsedDecision & { item: number } => d.item !== undefined);
  const dPairs = pair(yD, pD);
  const dIds = nextIds('d', yD.map((d, i) => d.id ?? `d${i + 1}`), pD.length);
  let nextD = 0;
  const decisions: Decision[] = yD.map((d) => ({ ...d }));
  const pendingD: PendingDecision[] = [];
  pD.forEach((p, pi) => {
    const hit = dPairs.byParsed.get(pi);
    if (!hit) {
      const id = dIds[nextD++]!;
      const d: PendingDecision = { id, item: p.item, text: p.text, ...(p.votes ? { votes: p.votes } : {}), line: p.line, col: p.col };
      pendingD.push(d);
      decisions.push({ id, item: p.item, text: p.text, ...(p.votes ? { votes: p.votes } : {}) });
      differences.push({ kind: 'added', entry: 'decision', id, line: p.line, col: p.col, text: p.text, item: p.item });
      return;
    }
    const y = yD[hit.y]!;
    const id = y.id ?? `d${hit.y + 1}`;
    const fields: string[] = [];
    if (y.text !== p.text) fields.push('text');
    if (y.item !== p.item) fields.push('item');
    if (p.votes && !sameVotes(y.votes, p.votes)) fields.push('votes');
    decisions[hit.y] = { ...y, ...(y.id ? {} : { id }), text: p.text, item: p.item, ...(p.votes ? { votes: p.votes } : {}) };
    // Case and spacing alone are not worth a word.
    const real = fields.filter((f) => f !== 'text' || normText(y.text) !== normText(p.text) || hit.how === 'reworded');
    if (real.length) {
      differences.push({ kind: real.includes('item') ? 'moved' : 'changed', entry: 'decision', id, index: hit.y, line: p.line, col: p.col, text: p.text, was: y.text, fields: real, item: p.item, wasItem: y.item });
    }
  });
  for (const i of dPairs.missing) {
    const y = yD[i]!;
    differences.push({ kind: 'missing', entry: 'decision', id: y.id ?? `d${i + 1}`, index: i, was: y.text, item: y.item });
  }

  // Actions: lines with no owner cannot be registered (the parse reports them).
  const yA = meeting.actions ?? [];
  const pA = parsed.actions.filter((a): a is ParsedAction & { owner: string } => a.owner !== undefined);
  const aPairs = pair(yA, pA);
  const aIds = nextIds('a', yA.map((a) => a.id), pA.length);
  let nextA = 0;
  const actions: Action[] = yA.map((a) => ({ ...a }));
  const pendingA: PendingAction[] = [];
  pA.forEach((p, pi) => {
    const hit = aPairs.byParsed.get(pi);
    if (!hit) {
      const id = aIds[nextA++]!;
      const a: Action = { id, text: p.text, owner: p.owner, ...(p.due ? { due: p.due } : {}), ...(p.item !== undefined ? { item: p.item } : {}) };
      pendingA.push({ ...a, line: p.line, col: p.col, ownerCol: p.ownerCol });
      actions.push(a);
      differences.push({ kind: 'added', entry: 'action', id, line: p.line, col: p.col, text: p.text, ...(p.item !== undefined ? { item: p.item } : {}) });
      return;
    }
    const y = yA[hit.y]!;
    const fields: string[] = [];
    if (normText(y.text) !== normText(p.text) || (hit.how === 'reworded' && y.text !== p.text)) fields.push('text');
    if (p.item !== undefined && y.item !== p.item) fields.push('item');
    if (y.owner !== p.owner) fields.push('owner');
    if ((y.due ?? '') !== (p.due ?? '')) fields.push('due');
    const { due: _due, ...rest } = y;
    actions[hit.y] = { ...rest, text: p.text, owner: p.owner, ...(p.due ? { due: p.due } : {}), ...(p.item !== undefined ? { item: p.item } : {}) };
    if (fields.length) {
      differences.push({ kind: fields.includes('item') ? 'moved' : 'changed', entry: 'action', id: y.id, index: hit.y, line: p.line, col: p.col, text: p.text, was: y.text, fields, ...(p.item !== undefined ? { item: p.item } : {}), ...(y.item !== undefined ? { wasItem: y.item } : {}) });
    }
  });
  for (const i of aPairs.missing) {
    const y = yA[i]!;
    differences.push({ kind: 'missing', entry: 'action', id: y.id, index: i, was: y.text, ...(y.item !== undefined ? { item: y.item } : {}) });
  }

  return {
    merged: { ...meeting, ...(decisions.length || meeting.decisions ? { decisions } : {}), ...(actions.length || meeting.actions ? { actions } : {}) },
    pending: { actions: pendingA, decisions: pendingD },
    differences,
  };
}

/** Whether the minutes are out in the world (circulated or later): from then on a difference is a correction. */
export const isCirculated = (m: Pick<MeetingFile, 'minutes'>) => !!m.minutes && (m.minutes.status !== 'draft' || m.minutes.circulated !== undefined);
