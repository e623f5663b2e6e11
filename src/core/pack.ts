/**
 * The agenda pack, as data: which papers go into which PDF, in agenda order, which are late,
 * and the cover (the notice and agenda) with the page each paper starts on (DOMAIN.md, "The
 * agenda pack"). Councils circulate one PDF: the summons, the agenda, then each report; exempt
 * reports in a separate part for members only; late reports as a supplement. So:
 *
 * - agenda-pack.pdf: the notice and agenda, then every paper that is not confidential. A
 *   confidential item shows there by number only, never its title or paper.
 * - agenda-pack-confidential.pdf: only the confidential papers, with a cover of their own.
 * - A paper added or changed after the notice was sent (its SHA-256 differs from the one
 *   recorded then) is late; `--supplement` makes agenda-pack-supplement(-confidential).pdf of
 *   just those.
 *
 * Pure: the papers' bytes are read by io, the PDF is drawn by report/pdf-pack.ts.
 */
import { isWebAddress, type Agenda, type AgendaEntry } from './agenda.js';
import type { Block, Run } from './md-blocks.js';
import type { MeetingFile } from './meeting-schema.js';
import type { NoticeView } from './notice.js';

export type PaperFormat = 'markdown' | 'pdf' | 'word' | 'web' | 'missing' | 'other';

export interface PackPaper {
  item: number;
  title: string;
  /** As written in meeting.yaml. */
  paper: string;
  format: PaperFormat;
  confidential: boolean;
  late: boolean;
  purposeText: string | null;
  presenter: string | null;
}

export type PackPart = 'public' | 'confidential';

export interface PackPlan {
  file: string;
  part: PackPart;
  supplement: boolean;
  /** The papers in this PDF, in agenda order. */
  papers: PackPaper[];
}

export interface PackPlanResult {
  packs: PackPlan[];
  /** Every paper of the agenda, whichever pack it is in. */
  papers: PackPaper[];
  warnings: string[];
}

/** A paper's format from its name, or missing when the file is not in the meeting folder. */
export function paperFormat(paper: string, exists: boolean): PaperFormat {
  if (isWebAddress(paper)) return 'web';
  if (!exists) return 'missing';
  if (/\.(md|markdown)$/i.test(paper)) return 'markdown';
  if (/\.pdf$/i.test(paper)) return 'pdf';
  if (/\.(docx?|odt|rtf)$/i.test(paper)) return 'word';
  return 'other';
}

/**
 * The papers the pack lists with a note instead of their pages ("circulated as a separate
 * file"): Word documents and files wep cannot typeset, which go beside the pack, a confidential
 * item's only with the confidential part.
 */
export function papersBesidePack(agenda: MeetingFile['agenda'], exists: (paper: string) => boolean): { paper: string; confidential: boolean; contentType: string }[] {
  return agenda
    .filter((item): item is typeof item & { paper: string } => item.paper !== undefined)
    .filter((item) => ['word', 'other'].includes(paperFormat(item.paper, exists(item.paper))))
    .map((item) => ({ paper: item.paper, confidential: item.confidential === true, contentType: contentTypeOf(item.paper) }));
}

/** The MIME type a paper sent beside the pack goes with. */
const contentTypeOf = (paper: string): string =>
  ({
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    doc: 'application/msword',
    odt: 'application/vnd.oasis.opendocument.text',
    rtf: 'application/rtf',
  })[paper.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';

/**
 * Whether a paper is late: the notice was sent, with the papers as they were then recorded,
 * and this one was not among them or has changed since. A notice recorded before wep kept
 * the papers' hashes says nothing, so nothing is late.
 */
export function isLatePaper(meeting: Pick<MeetingFile, 'notice'>, paper: string, sha256: string | undefined): boolean {
  const sent = meeting.notice?.papers;
  if (!meeting.notice?.sent || !sent || isWebAddress(paper)) return false;
  const was = sent.find((p) => p.path === paper);
  return !was || (sha256 !== undefined && was.sha256 !== sha256);
}

/** File names of the packs. */
export const packFile = (part: PackPart, supplement: boolean) => `agenda-pack${supplement ? '-supplement' : ''}${part === 'confidential' ? '-confidential' : ''}.pdf`;

/**
 * Which papers go where. `files` maps each local paper found in the meeting folder to its
 * SHA-256. Web papers are listed on the cover only.
 */
export function planPacks(agenda: Agenda, meeting: Pick<MeetingFile, 'notice'>, files: ReadonlyMap<string, string>, opts: { supplement?: boolean } = {}): PackPlanResult {
  const supplement = opts.supplement === true;
  const warnings: string[] = [];
  const papers: PackPaper[] = agenda.papers.map((e: AgendaEntry) => {
    const paper = e.paper!;
    const sha = files.get(paper);
    const format = paperFormat(paper, sha !== undefined);
    if (format === 'missing') warnings.push(`item ${e.number} (${e.title}): the paper ${paper} is not in the meeting folder; the pack says it is to follow`);
    if (format === 'word') warnings.push(`item ${e.number} (${e.title}): ${paper} is a Word document; the pack lists it with a note, send it with the pack`);
    if (format === 'other') warnings.push(`item ${e.number} (${e.title}): wep cannot typeset ${paper}; the pack lists it with a note`);
    return {
      item: e.number,
      title: e.title,
      paper,
      format,
      confidential: e.confidential,
      late: format !== 'missing' && isLatePaper(meeting, paper, sha),
      purposeText: e.purposeText,
      presenter: e.presenter,
    };
  });
  const chosen = papers.filter((p) => !supplement || p.late);
  if (supplement && chosen.length === 0) warnings.push('no paper was added or changed since the notice was sent: there is no supplement to make');
  const packs: PackPlan[] = [];
  const inPack = (p: PackPaper) => p.format !== 'web';
  const pub = chosen.filter((p) => !p.confidential && inPack(p));
  const conf = chosen.filter((p) => p.confidential && inPack(p));
  if (!supplement || pub.length) packs.push({ file: packFile('public', supplement), part: 'public', supplement, papers: pub });
  if (conf.length) packs.push({ file: packFile('confidential', supplement), part: 'confidential', supplement, papers: conf });
  return { packs, papers, warnings };
}

const t = (text: string, style: Omit<Run, 'text'> = {}): Run => ({ text, ...style });
const para = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });

/** "page 7", or the placeholder while the pages are still being counted. */
const pageRef = (pages: ReadonlyMap<number, number> | undefined, item: number) => `page ${pages?.get(item) ?? '000'}`;

/**
 * The cover of a pack as blocks: the notice (date, time, venue, who called it) and the agenda
 * with each paper's first page, or for the confidential part, the list of its papers. `pages`
 * maps agenda item numbers to the page their paper starts on (undefined while counting).
 */
export function packCover(view: NoticeView, plan: PackPlan, all: readonly PackPaper[], pages?: ReadonlyMap<number, number>): Block[] {
  const inThis = new Map(plan.papers.map((p) => [p.item, p]));
  const byItem = new Map(all.map((p) => [p.item, p]));
  const kind = plan.part === 'confidential' ? 'confidential papers' : plan.supplement ? 'supplementary agenda pack' : 'agenda pack';
  const blocks: Block[] = [
    { kind: 'heading', level: 1, runs: [t(view.partnership.name)] },
    { kind: 'heading', level: 2, runs: [t(`${view.body.name}: ${kind}`)] },
    para(t(`${view.dateLong}, ${view.timeText}`, { bold: true })),
  ];
  if (view.venue) blocks.push(para(t('Venue: ', { bold: true }), t([view.venue.name, view.venue.address].filter(Boolean).join(', '))));
  if (plan.part === 'confidential') {
    blocks.push(para(t('Confidential: for the members of the body and those invited to this meeting only. Not for publication or circulation.', { bold: true })));
  } else if (view.venue?.link || view.venue?.joining) blocks.push(para(t('Joining online: the link and details are in the notice and the invitation.')));
  if (view.calledBy) blocks.push(para(t(`This meeting is called by ${view.calledBy.name}${view.calledBy.title ? `, ${view.calledBy.title}` : ''}.`)));
  if (view.revised) blocks.push(para(t('Revised notice: ', { bold: true }), t(`this replaces the notice sent on ${view.revised.sentLong}; ${view.revised.changes.join(' and ')} changed.`)));
  if (plan.supplement) blocks.push(para(t('Supplement: ', { bold: true }), t('papers added or changed after the notice was sent.')));

  if (plan.part === 'public' && !plan.supplement) {
    blocks.push({ kind: 'heading', level: 2, runs: [t('Agenda')] });
    const items: Block[][] = view.agenda.map((e) => {
      if (e.confidential) return [para(t('Confidential item', { bold: true }), t(': its papers are in the confidential part of the pack, for members only.'))];
      const head: Run[] = [t(e.title, { bold: true })];
      if (e.purposeText) head.push(t(` (${e.purposeText})`));
      const lines: Block[] = [para(...head)];
      if (e.presenter) lines.push(para(t(`Presented by ${e.presenter}`)));
      const p = byItem.get(e.number);
      if (p) lines.push(para(...paperLine(p, inThis.has(p.item) ? pageRef(pages, p.item) : undefined)));
      for (const n of e.notes) lines.push(para(t(n)));
      for (const a of e.actions) lines.push(para(t(`Action ${a.ref}: ${a.text} (${a.ownerName}${a.due ? `, due ${a.due}` : ''}${a.overdue ? ', overdue' : ''})`)));
      return lines;
    });
    blocks.push({ kind: 'list', ordered: true, start: 1, items });
  }

  if (plan.papers.length) {
    blocks.push({ kind: 'heading', level: 2, runs: [t('Papers in this pack')] });
    blocks.push({
      kind: 'table',
      header: [[t('Item')], [t('Paper')], [t('Page')]],
      rows: plan.papers.map((p) => [[t(String(p.item))], [t(p.title), ...(p.late ? [t(' (late paper)', { bold: true })] : [])], [t(pageRef(pages, p.item).replace('page ', ''))]]),
    });
  }
  if (plan.part === 'public' && !plan.supplement) {
    blocks.push({ kind: 'heading', level: 2, runs: [t('Apologies and proxies')] });
    blocks.push(para(t(`If you cannot attend, please send your apologies to the clerk before the meeting. Core members who cannot attend should ask their proxy to attend in their place and tell the clerk who will attend.`)));
  }
  // the public pack may be published: the clerk by name only (the address is in the notice)
  const contact = plan.part === 'confidential' ? `${view.clerk.name}, ${view.clerk.email}${view.clerk.phone ? `, ${view.clerk.phone}` : ''}` : view.clerk.name;
  blocks.push(para(t('Clerk: ', { bold: true }), t(contact)));
  return blocks;
}

function paperLine(p: PackPaper, page: string | undefined): Run[] {
  const late = p.late ? [t(' (late paper)', { bold: true })] : [];
  switch (p.format) {
    case 'web':
      return [t('Paper online: '), t(p.paper, { href: p.paper }), ...late];
    case 'missing':
      return [t(`Paper: ${p.paper}, to follow`)];
    default:
      return [t(`Paper: ${page ?? 'see the pack'}`), ...late];
  }
}

/** The heading of a paper in the pack, and the note that stands in for one wep cannot typeset. */
export function paperHeading(p: PackPaper): Block[] {
  const blocks: Block[] = [];
  if (p.late) blocks.push(para(t('LATE PAPER: added or changed after the notice was sent', { bold: true })));
  if (p.confidential) blocks.push(para(t('CONFIDENTIAL: not for publication', { bold: true })));
  blocks.push(para(t(`Item ${p.item}: ${p.title}${p.purposeText ? ` (${p.purposeText})` : ''}`, { bold: true })));
  if (p.presenter) blocks.push(para(t(`Presented by ${p.presenter}`)));
  return blocks;
}

/** The page that stands in for a paper wep cannot put in the pack. */
export function paperNote(p: PackPaper): Block[] {
  const name = p.paper.split('/').pop() ?? p.paper;
  const why =
    p.format === 'word'
      ? `${name} is a Word document. wep does not convert Word papers; it is circulated with this pack as a separate file.`
      : p.format === 'missing'
        ? `The paper ${name} is not yet available; it will follow.`
        : p.format === 'pdf'
          ? `${name} could not be read as a PDF (it may be damaged or encrypted); it is circulated as a separate file.`
          : `${name} is circulated as a separate file.`;
  return [...paperHeading(p), para(t(why))];
}
