import { describe, expect, it } from 'vitest';
import { distance, hintFor, suggest } from '../../../src/core/suggest.js';

describe('did-you-mean', () => {
  it('Levenshtein distance', () => {
    expect(distance('', '')).toBe(0);
    expect(distance('abc', '')).toBe(3);
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('emial', 'email')).toBe(2);
    expect(distance('partnershp', 'partnership')).toBe(1);
  });

  it('suggests only close candidates, ignoring case', () => {
    expect(suggest('emial', ['name', 'email', 'group'])).toBe('email');
    expect(suggest('secondary-head', ['primary-heads', 'secondary-heads'])).toBe('secondary-heads');
    expect(suggest('Scotland', ['scotland'])).toBe('scotland');
    expect(suggest('zzzzzz', ['email', 'name'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
    // short words: at most 2 edits
    expect(suggest('ab', ['cd'])).toBe('cd');
    expect(suggest('abc', ['xyz'])).toBeUndefined();
  });

  it('hints: a guess, or what exists, or that nothing exists yet', () => {
    expect(hintFor('px-ahmad', ['px-ahmed', 'ph-ahmed'], 'people')).toBe('did you mean "px-ahmed"?');
    expect(hintFor('nope-nope-nope', ['partnership', 'operational-group'], 'bodies')).toBe('known bodies: partnership, operational-group');
    expect(hintFor('x-long-name', [], 'clusters')).toBe('there are no clusters in the file yet');
    const many = Array.from({ length: 10 }, (_, i) => `group-number-${i}`);
    expect(hintFor('zzzzzzzzzzzzzzzzzzzz', many, 'groups')).toBe(`known groups: ${many.slice(0, 8).join(', ')}, ...`);
  });
});
