/**
 * Suggestions dismissed with "not a household". The core has no place to remember this, and an
 * address must not be written outside the encrypted register, so it lives only in memory: until
 * Kansli restarts (the user is told so).
 */
const dismissed = new Set<string>();

export const dismissKey = (registerPath: string, addressKey: string) => `${registerPath}\u0000${addressKey}`;
export const isDismissed = (key: string) => dismissed.has(key);
export const dismiss = (key: string) => void dismissed.add(key);
export const undismiss = (key: string) => void dismissed.delete(key);
export const dismissedKeys = (registerPath: string) => [...dismissed].filter((k) => k.startsWith(`${registerPath}\u0000`));
