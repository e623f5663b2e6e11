/**
 * The website's files, from the plan (src/core/site/plan.ts): one renderer per page kind in
 * this folder. Pure and deterministic: no clock, no randomness, stable order. Links are
 * relative, so the folder works from a file share; with a base URL each page also names its
 * canonical address. As a last guard, every address not marked public is withheld from every
 * file, whatever field it came through.
 */
import { renderCalendar } from '../../core/ics.js';
import { publicEmailSet, redactEmails } from '../../core/site/privacy.js';
import { SITE_PATHS, type SitePlan } from '../../core/site/types.js';
import { renderBody } from './body.js';
import { renderDocument } from './document.js';
import { renderHome } from './home.js';
import { FILTER_JS_PATH, type SiteAssets, type SiteFile } from './html.js';
import { renderMeeting } from './meeting.js';
import { renderMeetingsIndex } from './meetings-index.js';
import { renderActionsRegister, renderAttendanceIndex, renderAttendanceYear, renderDecisionsRegister } from './registers.js';

export { FILTER_JS_PATH, hrefFor, type SiteAssets, type SiteFile } from './html.js';

/** Renders every file of the site from the plan. */
export function renderSite(plan: SitePlan, assets: SiteAssets): SiteFile[] {
  const pages: SiteFile[] = [
    renderHome(plan, assets),
    ...plan.bodies.map((b) => renderBody(plan, assets, b)),
    renderMeetingsIndex(plan, assets),
    ...plan.meetings.map((m) => renderMeeting(plan, assets, m)),
    renderDecisionsRegister(plan, assets),
    renderActionsRegister(plan, assets),
    renderAttendanceIndex(plan, assets),
    ...plan.attendance.map((y) => renderAttendanceYear(plan, assets, y)),
    ...plan.documents.map((d) => renderDocument(plan, assets, d)),
    { path: SITE_PATHS.calendar, content: renderCalendar(plan.calendar) },
  ];
  // Calendar UIDs (id@host) are wep's own, not addresses.
  const allowed = publicEmailSet([...plan.publicEmails, ...plan.calendar.events.map((e) => e.uid)]);
  const files = pages.map((f) => ({ path: f.path, content: redactEmails(f.content, allowed) }));
  // The stylesheet and script are the site's own, not records: they pass as they are.
  files.push({ path: SITE_PATHS.css, content: assets.css });
  if (assets.js !== undefined) files.push({ path: FILTER_JS_PATH, content: assets.js });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
