/**
 * An honest estimate of how hard a passphrase is to guess, for the meter shown when a register
 * is created or its passphrase changed. The register file can be attacked offline (Argon2id slows
 * each guess down, nothing limits the number of guesses), so the thresholds are set for that.
 *
 * Method (a small cousin of zxcvbn): the passphrase is split into the cheapest sequence of
 * patterns — common words/passwords (by rank), dates and years, repeats, alphabet/digit runs,
 * keyboard rows, ordinary-looking words, single random characters — and the guesses of each
 * part are summed in bits. Every extra pattern can only lower the estimate, never raise it.
 * A word not in the list counts as ~10 + length bits (a word out of a vocabulary of tens of
 * thousands), not as random letters: four random words come out at roughly 55–65 bits.
 *
 * Scores (bits): 0 < 20 ≤ 1 < 30 ≤ 2 < 40 ≤ 3 < 50 ≤ 4.
 * Hints are i18n codes: 'too-short', 'add-words', 'common', 'repeated', 'sequence', 'date'.
 */

export type PassphraseHint = 'too-short' | 'add-words' | 'common' | 'repeated' | 'sequence' | 'date';

export interface PassphraseStrength {
  score: 0 | 1 | 2 | 3 | 4;
  hints: PassphraseHint[];
  /** The estimate behind the score, log2 of the guesses. */
  bits: number;
}

/** Most-guessed first: the rank is the position. Lowercase, without diacritics variants doubled. */
const COMMON_LIST = `
123456 password 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 1234 000000
password1 iloveyou 654321 666666 987654321 qwerty123 1q2w3e4r 123321 qwertyuiop 7777777 1qaz2wsx
qazwsx zaq12wsx asdfgh asdfghjkl zxcvbnm 112233 121212 123qwe 159753 55555 88888888 11111111
sommar hemligt hemlig losenord lösenord passord hemmelig sommer vinter varen våren hosten hösten
sverige norge danmark stockholm goteborg göteborg malmo malmö uppsala oslo bergen trondheim stavanger
fotboll fotball hockey innebandy handboll handball
dragon monkey letmein football baseball welcome admin administrator master shadow sunshine princess
trustno1 superman batman starwars whatever freedom charlie michael jordan hello secret access login
hejsan hejhej hallo heisann hei hej tjena tjenare godmorgen
karlek kärlek kjaerlighet kjærlighet alskar älskar elsker
mamma pappa mormor morfar farmor farfar mormor bestemor bestefar familj familie familjen familien
katt katten hund hunden hest hesten hast häst kanin fisk
blomma blomst solsken solskinn regnbage regnbåge stjarna stjärna stjerne jul julafton midsommar
godis choklad sjokolade glass pizza kaffe
forening förening foreningen föreningen forening medlem medlemmar medlemmer medlemskap medlemsregister
register registret kansli kansliet styrelse styrelsen styret styre ordforande ordförande leder
styreleder kassor kassör kassoren kassören kasserer kassereren sekreterare sekretær sekretaer
arsmote årsmöte årsmøte arsmøte aarsmote medlemsavgift kontingent avgift
idrott idrett idrottsklubb idrettslag klubb klubben laget lag korpen scout scouter speidar speider
kor koren kören kyrka kyrkan kirke kirken musik musikk teater
ideell ideella frivillig frivilliga dugnad bingo lotteri
anna maria karin kristina lena sara emma erik lars karl johan anders per mikael peter nils olof
ole kari ingrid liv astrid hans jan bjorn björn sven gustav oskar oscar elsa alice ebba
kalle anka kalleanka pelle svensson andersson johansson karlsson nilsson hansen olsen johansen larsen
jesus gud gudrun love loves life summer winter spring autumn monday friday
`;

const leetMap: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '€': 'e' };

const RANKS: Map<string, number> = (() => {
  const m = new Map<string, number>();
  let rank = 1;
  for (const w of COMMON_LIST.split(/\s+/)) {
    if (w && !m.has(w)) m.set(w, rank++);
  }
  return m;
})();
const MAX_WORD = 16;

const KEYBOARD_ROWS = ['1234567890+', 'qwertyuiopå', 'asdfghjklöä', 'asdfghjkløæ', 'zxcvbnm,.-', 'qwertzuiopü'];
const VOWELS = new Set([...'aeiouyåäöæøéèáüó']);

const log2 = Math.log2;
const CLASS_BITS = { digit: log2(10), lower: log2(26), upper: log2(26), symbol: log2(33), separator: 1, other: log2(100) };

function charBits(ch: string): number {
  if (ch >= '0' && ch <= '9') return CLASS_BITS.digit;
  if (ch >= 'a' && ch <= 'z') return CLASS_BITS.lower;
  if (ch >= 'A' && ch <= 'Z') return CLASS_BITS.upper;
  if (ch === ' ') return CLASS_BITS.separator;
  if (ch === '-' || ch === '_' || ch === '.' || ch === ',') return 2;
  if (/^\p{L}$/u.test(ch)) return /^[åäöæøÅÄÖÆØéü]$/.test(ch) ? 5 : CLASS_BITS.other;
  if (ch.charCodeAt(0) < 0x80) return CLASS_BITS.symbol;
  return CLASS_BITS.other;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Extra bits for the capitalisation of a segment: none, first letter, all caps ≈ 1 bit. */
function caseBits(chars: string[]): number {
  let upper = 0;
  let lower = 0;
  for (const c of chars) {
    if (c !== c.toLowerCase()) upper++;
    else if (c !== c.toUpperCase()) lower++;
  }
  if (upper === 0) return 0;
  if (lower === 0) return 1;
  if (upper === 1 && chars[0] !== chars[0].toLowerCase()) return 1;
  let sum = 0;
  for (let k = 1; k <= Math.min(upper, lower); k++) sum += binomial(upper + lower, k);
  return log2(sum);
}

const isLetter = (c: string): boolean => /^\p{L}$/u.test(c);

function isWordlike(word: string): boolean {
  let vowels = 0;
  let run = 0;
  for (const c of word) {
    if (VOWELS.has(c)) {
      vowels++;
      run = 0;
    } else if (++run > 4) return false;
  }
  return vowels / word.length >= 0.2;
}

function isDate(digits: string): boolean {
  const ok = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 0;
  const n = (a: number, b: number) => Number(digits.slice(a, b));
  if (digits.length === 6) return ok(n(0, 2), n(2, 4), n(4, 6)) || ok(n(4, 6), n(2, 4), n(0, 2));
  if (digits.length === 8) {
    const y1 = n(0, 4);
    const y2 = n(4, 8);
    return (y1 >= 1900 && y1 < 2040 && ok(y1, n(4, 6), n(6, 8))) || (y2 >= 1900 && y2 < 2040 && ok(y2, n(2, 4), n(0, 2)));
  }
  return false;
}

type Kind = 'common' | 'repeated' | 'sequence' | 'date' | 'word' | 'char';
interface Step {
  bits: number;
  from: number;
  kind: Kind;
}

const MAX_ANALYSED = 100;

/** `blockMemo` is null inside a repeated block (no nested repeats). */
function analyse(chars: string[], extraWords: Map<string, number>, blockMemo: Map<string, number> | null): { bits: number; kinds: Set<Kind>; words: number } {
  const n = chars.length;
  const low = chars.map((c) => c.toLowerCase());
  const unleet = low.map((c) => leetMap[c] ?? c);
  const best: Step[] = new Array(n + 1);
  best[0] = { bits: 0, from: -1, kind: 'char' };
  const offer = (i: number, j: number, bits: number, kind: Kind) => {
    const total = best[i].bits + bits;
    if (!best[j] || total < best[j].bits) best[j] = { bits: total, from: i, kind };
  };

  // Ordinary-looking words: maximal runs of letters (leetspeak read as letters).
  const wordAt = new Map<number, number>(); // start → end
  for (let i = 0; i < n; ) {
    if (!isLetter(unleet[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isLetter(unleet[j])) j++;
    if (j - i >= 3) wordAt.set(i, j);
    i = j;
  }

  for (let i = 0; i < n; i++) {
    if (!best[i]) continue;

    // single random character
    offer(i, i + 1, charBits(chars[i]), 'char');

    // common words and passwords, with leetspeak
    for (let len = 3; len <= Math.min(MAX_WORD, n - i); len++) {
      const seg = low.slice(i, i + len).join('');
      const plain = extraWords.get(seg) ?? RANKS.get(seg);
      const leeted = unleet.slice(i, i + len).join('');
      const viaLeet = leeted !== seg ? extraWords.get(leeted) ?? RANKS.get(leeted) : undefined;
      const substitutions = viaLeet === undefined ? 0 : low.slice(i, i + len).filter((c) => c in leetMap).length;
      const rank = plain ?? viaLeet;
      if (rank !== undefined) {
        offer(i, i + len, Math.max(1, log2(rank)) + caseBits(chars.slice(i, i + len)) + (plain === undefined ? substitutions : 0), 'common');
      }
    }

    // an ordinary-looking word of a large vocabulary
    const wEnd = wordAt.get(i);
    if (wEnd !== undefined) {
      const word = unleet.slice(i, wEnd).join('');
      if (isWordlike(word)) {
        const len = wEnd - i;
        const leets = low.slice(i, wEnd).filter((c) => c in leetMap).length;
        offer(i, wEnd, Math.min(len * CLASS_BITS.lower, 10 + len) + caseBits(chars.slice(i, wEnd)) + leets, 'word');
      }
    }

    // the same character again and again
    let j = i + 1;
    while (j < n && chars[j] === chars[i]) j++;
    if (j - i >= 3) offer(i, j, charBits(chars[i]) + log2(j - i), 'repeated');

    // a repeated block: "hejhej", "abcabcabc"
    if (blockMemo) {
      for (let b = 2; b <= Math.min(24, (n - i) >> 1); b++) {
        let end = i + b; // the repetition runs while chars[end] equals the char one block back
        while (end < n && chars[end] === chars[end - b]) end++;
        const k = Math.floor((end - i) / b);
        if (k < 2) continue;
        const block = chars.slice(i, i + b);
        const key = block.join('');
        let blockBits = blockMemo.get(key);
        if (blockBits === undefined) blockMemo.set(key, (blockBits = analyse(block, extraWords, null).bits));
        offer(i, i + k * b, blockBits + log2(k), 'repeated');
      }
    }

    // alphabet and digit runs: "abcd", "4321"
    const c0 = low[i].codePointAt(0)!;
    const alnum = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
    if (alnum(c0) && i + 1 < n) {
      const delta = low[i + 1].codePointAt(0)! - c0;
      if (delta === 1 || delta === -1) {
        let e = i + 1;
        while (e < n && alnum(low[e].codePointAt(0)!) && low[e].codePointAt(0)! - low[e - 1].codePointAt(0)! === delta) e++;
        if (e - i >= 3) offer(i, e, (c0 <= 57 ? CLASS_BITS.digit : CLASS_BITS.lower) + log2(e - i) + (delta < 0 ? 1 : 0), 'sequence');
      }
    }

    // keyboard rows: "qwert", "asdfghjklö", "poiuy"
    for (const row of KEYBOARD_ROWS) {
      for (const r of [row, [...row].reverse().join('')]) {
        let e = i;
        let pos = r.indexOf(low[i]);
        if (pos < 0) continue;
        while (e < n && r[pos] === low[e]) {
          e++;
          pos++;
        }
        if (e - i >= 4) offer(i, e, log2(KEYBOARD_ROWS.length * 2 * 11) + log2(e - i) + caseBits(chars.slice(i, e)), 'sequence');
      }
    }

    // years and dates
    const digits = (len: number) => (i + len <= n && low.slice(i, i + len).every((c) => c >= '0' && c <= '9') ? low.slice(i, i + len).join('') : null);
    const y = digits(4);
    if (y && Number(y) >= 1900 && Number(y) < 2040) offer(i, i + 4, log2(140), 'date');
    for (const len of [6, 8]) {
      const d = digits(len);
      if (d && isDate(d)) offer(i, i + len, log2(140 * 366), 'date');
    }
  }

  const kinds = new Set<Kind>();
  let words = 0;
  for (let j = n; j > 0; j = best[j].from) {
    kinds.add(best[j].kind);
    if (best[j].kind === 'word' || best[j].kind === 'common') words++;
  }
  return { bits: best[n].bits, kinds, words };
}

export function passphraseStrength(passphrase: string, context: string[] = []): PassphraseStrength {
  const all = Array.from((passphrase ?? '').normalize('NFC'));
  if (all.length === 0) return { score: 0, hints: ['too-short', 'add-words'], bits: 0 };

  // Words the attacker would try first: the association's name, the user's name, "kansli".
  const extraWords = new Map<string, number>();
  for (const phrase of ['kansli', ...context]) {
    for (const w of (phrase ?? '').toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
      if (w.length >= 3 && !extraWords.has(w)) extraWords.set(w, 1);
    }
  }

  // Only the first MAX_ANALYSED characters are analysed (bounded work for pasted junk); the rest
  // adds nothing, which errs on the safe side — 100 characters are plenty to score 4.
  const { bits: raw, kinds, words } = analyse(all.slice(0, MAX_ANALYSED), extraWords, new Map());
  const bits = Math.round(raw * 10) / 10;

  const score = (bits < 20 ? 0 : bits < 30 ? 1 : bits < 40 ? 2 : bits < 50 ? 3 : 4) as PassphraseStrength['score'];
  const hints: PassphraseHint[] = [];
  if (score < 4) {
    if (kinds.has('common')) hints.push('common');
    if (kinds.has('repeated')) hints.push('repeated');
    if (kinds.has('sequence')) hints.push('sequence');
    if (kinds.has('date')) hints.push('date');
    if (all.length < 12) hints.push('too-short');
    if (words < 4) hints.push('add-words');
  }
  return { score, hints, bits };
}
