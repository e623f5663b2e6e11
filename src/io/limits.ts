/**
 * How much wep reads of one file. Records are a few hundred lines, not megabytes, so a file far
 * larger is a mistake (a log, a video, /dev/zero behind a link) and is refused before it is read.
 */

/** partnership.yaml and meeting.yaml. */
export const MAX_YAML_BYTES = 5 * 1024 * 1024;
/** Lists and mappings inside each other deeper than this are refused (records files need about 8). */
export const MAX_DEPTH = 64;
/** Other text records: minutes.md, Markdown papers, templates, site.css, attendance files. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** A paper copied to the published site (a PDF or Word file). */
export const MAX_PAPER_BYTES = 50 * 1024 * 1024;
