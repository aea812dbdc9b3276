import { describe, expect, it } from 'vitest';
import { folderInside } from './paths';

describe('folderInside', () => {
  it('joins with the picked path’s own separator, without doubling it', () => {
    expect(folderInside('/home/åsa/Dokument', 'Fakturor 2026')).toBe('/home/åsa/Dokument/Fakturor 2026');
    expect(folderInside('/home/åsa/Dokument/', 'Fakturor 2026')).toBe('/home/åsa/Dokument/Fakturor 2026');
    expect(folderInside('C:\\Users\\Åsa\\Documents', 'Fakturor 2026')).toBe('C:\\Users\\Åsa\\Documents\\Fakturor 2026');
    expect(folderInside('C:\\', 'Fakturor')).toBe('C:\\Fakturor');
    expect(folderInside('/', 'Fakturor')).toBe('/Fakturor');
  });

  it('keeps the name one folder: separators and characters Windows refuses are replaced', () => {
    expect(folderInside('/tmp', 'Påminnelse 1/2026: "sista"?')).toBe('/tmp/Påminnelse 1-2026- -sista--');
    expect(folderInside('/tmp', '../..')).toBe('/tmp/..-');
    expect(folderInside('/tmp', '...')).toBe('/tmp/Kansli');
  });
});
