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

/** Renders every file of the site from the plan, sorted by path. */
export function renderSite(plan: SitePlan, assets: SiteAssets): SiteFile[] {
  return [...siteFiles(plan, assets)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Every file of the site, each rendered when it is asked for: the writer puts each on disk
 * before it asks for the next, so the site is never held in memory whole.
 */
export function* siteFiles(plan: SitePlan, assets: SiteAssets): Generator<SiteFile> {
  // Calendar UIDs (id@host) are wep's own, not addresses.
  const allowed = publicEmailSet([...plan.publicEmails, ...plan.calendar.events.map((e) => e.uid)]);
  const page = (f: SiteFile): SiteFile => ({ path: f.path, content: redactEmails(f.content, allowed) });
  yield page(renderHome(plan, assets));
  for (const b of plan.bodies) yield page(renderBody(plan, assets, b));
  yield page(renderMeetingsIndex(plan, assets));
  for (const m of plan.meetings) yield page(renderMeeting(plan, assets, m));
  yield page(renderDecisionsRegister(plan, assets));
  yield page(renderActionsRegister(plan, assets));
  yield page(renderAttendanceIndex(plan, assets));
  for (const y of plan.attendance) yield page(renderAttendanceYear(plan, assets, y));
  for (const d of plan.documents) yield page(renderDocument(plan, assets, d));
  yield page({ path: SITE_PATHS.calendar, content: renderCalendar(plan.calendar) });
  // The stylesheet and script are the site's own, not records: they pass as they are.
  yield { path: SITE_PATHS.css, content: assets.css };
  if (assets.js !== undefined) yield { path: FILTER_JS_PATH, content: assets.js };
}
