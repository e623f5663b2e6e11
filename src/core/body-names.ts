/**
 * Names of bodies in running prose. wep writes "the Education Partnership", but a body whose
 * name carries its own article ("The Board") takes no second one: never "the The Board".
 */

const OWN_ARTICLE = /^the\s/i;

/** "the " to put before a name, or "" when the name starts with its own "The ". */
export function articleFor(name: string): '' | 'the ' {
  return OWN_ARTICLE.test(name) ? '' : 'the ';
}

/**
 * A name with its article: "the Education Partnership", "The Board". With `start`, for the
 * start of a sentence: "The Education Partnership".
 */
export function theName(name: string, opts: { start?: boolean } = {}): string {
  const text = `${articleFor(name)}${name}`;
  return opts.start ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text;
}

/**
 * Several names in prose, each with its article: "the Education Partnership and the Operational
 * Group", "The Board and the Operational Group".
 */
export function theNames(names: readonly string[]): string {
  return names.map((n) => theName(n)).join(' and ');
}
