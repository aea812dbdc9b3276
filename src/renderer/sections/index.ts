import type { ComponentType } from 'react';
import type { RegisterInfo } from '../../shared/contract';

/** A screen of the open register, reached from the header's navigation. */
export interface Section {
  id: string;
  /** Place in the navigation, lowest first (members = 0). */
  order: number;
  /** i18n key of its name in the navigation. */
  labelKey: string;
  Component: ComponentType<{ info: RegisterInfo; onInfo: (info: RegisterInfo) => void }>;
}

/**
 * Sections are files of their own (src/renderer/sections/*.tsx, each `export const section`),
 * found here, so a new screen does not edit the shell.
 */
const modules = import.meta.glob<{ section: Section }>('./*.tsx', { eager: true });

export const SECTIONS: Section[] = Object.values(modules)
  .map((m) => m.section)
  .sort((a, b) => a.order - b.order);
