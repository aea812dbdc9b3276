import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphrase-strength';

describe('passphraseStrength', () => {
  it('says too short for nothing', () => {
    expect(passphraseStrength('')).toEqual({ score: 0, hints: ['too-short', 'add-words'], bits: 0 });
  });

  it.each([
    ['123456', 'common'],
    ['qwerty', 'common'],
    ['password', 'common'],
    ['sommar', 'common'],
    ['hemligt', 'common'],
    ['passord', 'common'],
    ['lösenord', 'common'],
    ['Sommar2024!', 'common'],
    ['P4ssw0rd!', 'common'],
    ['Föreningen2025', 'common'],
    ['kassören', 'common'],
    ['Kansli2025', 'common'],
    ['aaaaaaaaaaaa', 'repeated'],
    ['hejhejhejhej', 'repeated'],
    ['abcdefghijkl', 'sequence'],
    ['76543210', 'sequence'],
    ['zyxwvutsr', 'sequence'],
    ['asdfghjklöä', 'sequence'],
    ['19880320', 'date'],
  ])('%j is very weak (%s)', (p, hint) => {
    const r = passphraseStrength(p);
    expect(r.score).toBe(0);
    expect(r.hints).toContain(hint);
  });

  it.each([
    'korv cykel moln trappa',
    'correct horse battery staple',
    'fjällräv tandborste gurka paraply',
    'Lampa-Regn-Fjäll-Sked-Ost',
    'g7$Kq!2vZp@9wL#4xT&b',
  ])('%j is strong', (p) => {
    expect(passphraseStrength(p)).toMatchObject({ score: 4, hints: [] });
  });

  it('grows with each random word and asks for more words below four', () => {
    const words = ['lampa', 'regn', 'fjäll', 'sked', 'ost'];
    const bits = words.map((_, i) => passphraseStrength(words.slice(0, i + 1).join(' ')).bits);
    for (let i = 1; i < bits.length; i++) expect(bits[i]).toBeGreaterThan(bits[i - 1]);
    const three = passphraseStrength('lampa regn fjäll');
    expect(three.score).toBe(3);
    expect(three.hints).toContain('add-words');
  });

  it('does not score random letters as words, nor words as random letters', () => {
    // 10 random letters ≈ 47 bits; a 10-letter word far less
    expect(passphraseStrength('xkqzpvmwtr').bits).toBeGreaterThan(40);
    expect(passphraseStrength('bokhyllan').bits).toBeLessThan(25);
    expect(passphraseStrength('Xk9#mP2q').score).toBeLessThan(4); // 8 characters are not enough offline
  });

  it('treats the context (association and user names) as the first guesses', () => {
    const without = passphraseStrength('skogsbrynet1');
    const withCtx = passphraseStrength('skogsbrynet1', ['IK Skogsbrynet', 'Anna Lind']);
    expect(withCtx.bits).toBeLessThan(without.bits);
    expect(withCtx.score).toBe(0);
    expect(withCtx.hints).toContain('common');
  });

  it('normalises to NFC, so å typed either way scores the same', () => {
    expect(passphraseStrength('blåbär hängmatta'.normalize('NFD'))).toEqual(passphraseStrength('blåbär hängmatta'));
  });

  it('copes with pasted junk', () => {
    passphraseStrength('x'.repeat(100_000));
    passphraseStrength(Array.from({ length: 5000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join(''));
    expect(passphraseStrength('x'.repeat(10_000)).score).toBe(0);
  });
});
