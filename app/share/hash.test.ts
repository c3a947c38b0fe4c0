import { describe, expect, it } from 'vitest';
import { encodeShare, isShareFragment } from '../../src/index.ts';
import { isShareHash } from './hash.ts';

describe('isShareHash', () => {
  it('agrees with the engine on what looks like a share link', () => {
    const samples = [
      `#${encodeShare({ text: 'kind: Pod\n', workload: 0, container: 1 })}`,
      encodeShare({ text: '' }),
      '#rl1.',
      '#rl2.abc',
      '#rl1',
      '#rlx.abc',
      '#',
      '',
      '#section',
      'rl1.abc',
      '#RL1.abc',
    ];
    for (const s of samples) expect(isShareHash(s), s).toBe(isShareFragment(s));
    expect(isShareHash(samples[0]!)).toBe(true);
  });
});
