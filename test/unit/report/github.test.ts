import { describe, expect, it } from 'vitest';
import { renderGithubAnnotations } from '../../../src/report/github.js';

describe('GitHub Actions annotations', () => {
  it('an error with a position and a hint', () => {
    expect(renderGithubAnnotations([{ severity: 'error', file: 'partnership.yaml', pos: { line: 42, col: 12, len: 12 }, check: 'references', message: 'unknown group "primary-head"', hint: 'did you mean "primary-heads"?' }])).toEqual([
      '::error file=partnership.yaml,line=42,col=12,endColumn=24,title=wep check%3A references::unknown group "primary-head"%0Afix: did you mean "primary-heads"?',
    ]);
  });

  it('a warning without a position', () => {
    expect(renderGithubAnnotations([{ severity: 'warning', file: 'meetings/x/meeting.yaml', check: 'meetings', message: 'late' }])).toEqual(['::warning file=meetings/x/meeting.yaml,title=wep check%3A meetings::late']);
  });

  it('escapes what would end a property or the command: % CR LF, and : , in properties', () => {
    const [line] = renderGithubAnnotations([{ severity: 'error', file: 'a,b:c%.yaml', check: 'yaml', message: '100% wrong\r\nhere: yes, really' }]);
    expect(line).toBe('::error file=a%2Cb%3Ac%25.yaml,title=wep check%3A yaml::100%25 wrong%0D%0Ahere: yes, really');
    expect(line).not.toMatch(/[\r\n]/);
  });
});
