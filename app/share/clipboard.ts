/**
 * Copying to the clipboard. navigator.clipboard.writeText needs a secure context and, in some
 * browsers, a permission; when it is missing or refused the caller shows the text in a read-only
 * field, selected, for the user to copy with Ctrl+C.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The key that copies, as the user's keyboard says it. */
export function copyShortcut(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘C' : 'Ctrl+C';
}
