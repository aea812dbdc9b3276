import type { Language } from '../../shared/contract';

/** One feature's strings in the three languages, under its own top-level key (e.g. "groups"). */
export interface FeatureStrings {
  key: string;
  en: Record<string, unknown>;
  sv: Record<string, unknown>;
  nb: Record<string, unknown>;
}

/**
 * Features keep their words in files of their own (src/renderer/i18n/features/*.ts, each
 * `export default { key, en, sv, nb }`), so adding a screen never edits the shared files.
 */
const modules = import.meta.glob<{ default: FeatureStrings }>('./features/*.ts', { eager: true });

export function featureStrings(lang: Language): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of Object.values(modules)) out[m.default.key] = m.default[lang];
  return out;
}

export function allFeatureStrings(): FeatureStrings[] {
  return Object.values(modules).map((m) => m.default);
}
