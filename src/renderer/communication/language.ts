import type { Language } from '../../shared/contract';

/** The UI language as the contract's: it sets the CSV separator and the files' headings. */
export function uiLanguage(lang: string): Language {
  return (['sv', 'nb', 'en'] as const).find((l) => l === lang) ?? 'sv';
}
