import type { Language, RegisterCountry } from '../../shared/contract';
import type { Db } from '../db/database';

/** What a domain's handlers need from the open register. */
export interface RegisterContext {
  readonly db: Db;
  readonly country: RegisterCountry;
  readonly language: Language;
  now(): Date;
  /** Runs `fn` in one transaction and, if it succeeds, schedules the debounced save. */
  write<T>(fn: () => T): T;
}

/** Gives handlers the open register, or fails with 'not-open' when it is locked or closed. */
export type ContextProvider = () => RegisterContext;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isoTime(d: Date): string {
  return d.toISOString();
}
