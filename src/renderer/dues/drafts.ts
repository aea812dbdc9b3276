/**
 * Unsaved form contents of the dues screens, kept while the register is open. The section's tabs
 * unmount when left, so a treasurer who looks up something in another tab halfway through the
 * long settings form comes back to what was typed instead of losing it. Memory only: nothing
 * typed is written anywhere before "save".
 */
const drafts = new Map<string, unknown>();

export function draftOf<T>(key: string): T | undefined {
  return drafts.get(key) as T | undefined;
}

export function keepDraft<T>(key: string, value: T): void {
  drafts.set(key, value);
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}
