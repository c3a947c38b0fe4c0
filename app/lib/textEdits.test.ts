import { describe, expect, it } from 'vitest';
import { applyTextEdits, diffEdit } from './textEdits.ts';

describe('text edits', () => {
  it('applies edits given in any order, against the original offsets', () => {
    expect(applyTextEdits('abcdef', [{ start: 1, end: 2, text: 'B' }, { start: 4, end: 4, text: '+' }, { start: 0, end: 0, text: '>' }])).toBe('>aBcd+ef');
  });

  it('finds the one edit between two texts, and none when they are equal', () => {
    const a = 'x: 1\n# keep\ny: 2\n';
    const b = 'x: 1\n# keep\ny: 3\nz: 4\n';
    const e = diffEdit(a, b);
    expect(e).not.toBeNull();
    expect(applyTextEdits(a, [e!])).toBe(b);
    expect(e!.start).toBeGreaterThanOrEqual(a.indexOf('y: 2'));
    expect(diffEdit(a, a)).toBeNull();
    expect(applyTextEdits('aaa', [diffEdit('aaa', 'aaaa')!])).toBe('aaaa');
  });
});
