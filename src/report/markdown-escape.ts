/**
 * Text from the records placed in a Markdown document (notice.md, minutes.md) so that no raw
 * HTML can start in it: CommonMark's HTML (inline, blocks, comments) and autolinks all begin
 * with "<", and entity references with "&", so those are backslash-escaped, with the
 * backslashes before them doubled so that "\<" cannot undo the escape. Markdown emphasis and
 * links stay as the clerk wrote them; the site's renderer checks links.
 */
export function escapeMarkdownHtml(text: string): string {
  return text.replace(/(\\*)(<|&(?=#?[A-Za-z0-9]+;))/g, (_, slashes: string, c: string) => `${slashes}${slashes}\\${c}`);
}
