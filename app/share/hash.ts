/**
 * True when the fragment looks like a share link, valid or not: the engine's isShareFragment, here
 * so that the page's first bundle need not carry the engine (links are decoded in the export
 * worker). hash.test.ts keeps the two in step.
 */
export function isShareHash(hash: string): boolean {
  return /^#?rl\d+\./.test(hash);
}
