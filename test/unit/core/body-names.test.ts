import { describe, expect, it } from 'vitest';
import { articleFor, theName, theNames } from '../../../src/core/body-names.js';

describe('articleFor', () => {
  it('is "the " before a name, and nothing before a name that starts with its own "The "', () => {
    expect(articleFor('Education Partnership')).toBe('the ');
    expect(articleFor('The Board')).toBe('');
    expect(articleFor('the Board')).toBe('');
    expect(articleFor('THE BOARD')).toBe('');
  });

  it('looks for the word, not the letters', () => {
    expect(articleFor('Theatre Trust')).toBe('the ');
    expect(articleFor('Thematic Group')).toBe('the ');
    expect(articleFor('Other Board')).toBe('the ');
  });
});

describe('theName', () => {
  it('adds the article once', () => {
    expect(theName('Operational Group')).toBe('the Operational Group');
    expect(theName('The Board')).toBe('The Board');
    expect(theName('The Board')).not.toMatch(/the the/i);
  });

  it('starts a sentence with a capital, whoever wrote the article', () => {
    expect(theName('Education Partnership', { start: true })).toBe('The Education Partnership');
    expect(theName('The Board', { start: true })).toBe('The Board');
    expect(theName('the Board', { start: true })).toBe('The Board');
  });
});

describe('theNames', () => {
  it('joins the bodies of a joint meeting, each with its article', () => {
    expect(theNames(['Education Partnership', 'Operational Group'])).toBe('the Education Partnership and the Operational Group');
    expect(theNames(['The Board', 'Operational Group'])).toBe('The Board and the Operational Group');
    expect(theNames(['Operational Group', 'The Board'])).toBe('the Operational Group and The Board');
    expect(theNames(['A Group', 'The Board', 'C Group'])).toBe('the A Group and The Board and the C Group');
  });

  it('is the one name with its article for one body, and nothing for none', () => {
    expect(theNames(['The Board'])).toBe('The Board');
    expect(theNames(['Operational Group'])).toBe('the Operational Group');
    expect(theNames([])).toBe('');
  });
});
