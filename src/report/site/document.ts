/** A Markdown paper, published as a page of its own under its meeting. */
import { formatLongDate } from '../../core/dates.js';
import type { DocumentView, SitePlan } from '../../core/site/types.js';
import { h, link, page, type SiteAssets, type SiteFile } from './html.js';
import { renderMarkdown } from './markdown.js';

export function renderDocument(plan: SitePlan, assets: SiteAssets, d: DocumentView): SiteFile {
  const main = `<p class="breadcrumb">${link(d.path, d.meeting.path, `${h(d.meeting.bodyName)}: ${h(formatLongDate(d.meeting.date))}`)} › paper</p>
<h1>${h(d.title)}</h1>
<div class="paper">${renderMarkdown(d.markdown, { headingBase: 2, pagePath: d.path })}</div>`;
  return page(plan, assets, { path: d.path, title: `${d.title} (paper)`, nav: 'none', main });
}
