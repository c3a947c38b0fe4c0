import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffLines, hunks, splitLines, unifiedDiff } from './diff.ts';

describe('line diff', () => {
  it('finds the shortest edit script and keeps both texts', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), (a, b) => {
      const ops = diffLines(a, b);
      expect(ops.filter((o) => o.type !== '+').map((o) => o.text)).toEqual(a);
      expect(ops.filter((o) => o.type !== '-').map((o) => o.text)).toEqual(b);
      // minimal: edits = |a| + |b| - 2·LCS
      const lcs = lcsLength(a, b);
      expect(ops.filter((o) => o.type !== ' ').length).toBe(a.length + b.length - 2 * lcs);
    }), { numRuns: 300 });
  });

  it('writes unified hunks with 3 lines of context', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const b = a.replace('line 10\n', 'line 10\n  added\n');
    expect(unifiedDiff(a, b)).toBe('@@ -8,6 +8,7 @@\n line 8\n line 9\n line 10\n+  added\n line 11\n line 12\n line 13');
    expect(unifiedDiff('', 'x\n')).toBe('@@ -0,0 +1,1 @@\n+x');
    expect(unifiedDiff(a, a)).toBe('');
    expect(hunks(diffLines(splitLines('a\r\nb\r\n'), splitLines('a\nb\n')))).toEqual([]);
  });

  it('merges changes closer than twice the context into one hunk', () => {
    const a = Array.from({ length: 30 }, (_, i) => `${i}`);
    const b = [...a];
    b[5] = 'x';
    b[10] = 'y';
    b[25] = 'z';
    expect(hunks(diffLines(a, b))).toHaveLength(2);
  });
});

function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![b.length]!;
}
