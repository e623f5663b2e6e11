/** Larger files are refused: a records file is a few hundred lines, not megabytes. */
export const MAX_YAML_BYTES = 5 * 1024 * 1024;
