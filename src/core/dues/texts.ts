import type { Language } from '../../shared/contract';

/**
 * Texts the core writes onto invoices and the board's list, in the register's language (the
 * UI's i18n lives in the renderer). Stored on the invoice lines when made.
 */
export interface DuesTexts {
  typeNames: Record<string, string>;
  fee: (year: number, type: string) => string;
  intro: (year: number, type: string) => string;
  household: (year: number, type: string, names: string) => string;
  carried: (year: number, number: string) => string;
  reminderFee: (round: number) => string;
  and: string;
  defaultLetter: string;
  /**
   * A round's text, copied onto the round when the year's rounds are made (rounds.ts) and edited
   * there: changing these changes only rounds made later, never a text already stored. The
   * letter's fixed intro states the facts (invoice, what is left, new due date, part paid), so
   * these greet and ask, and say nothing the intro says ("not received" is wrong after a part).
   */
  defaultReminder: (round: number) => string;
  strikeOffTitle: string;
  strikeOffSubtitle: (year: number, round: number, people: number) => string;
  strikeOffHeader: string[];
}

export const DUES_TEXTS: Record<Language, DuesTexts> = {
  sv: {
    typeNames: { full: 'Fullvärdig', supporting: 'Stödmedlem', family: 'Familj', youth: 'Ungdom', honorary: 'Hedersmedlem' },
    fee: (y, t) => `Medlemsavgift ${y} – ${t}`,
    intro: (y, t) => `Introduktionsavgift ${y} – ${t}`,
    household: (y, t, names) => `Medlemsavgift ${y} – ${t}, hushållet: ${names}`,
    carried: (y, n) => `Obetald medlemsavgift ${y} (faktura ${n})`,
    reminderFee: (r) => `Påminnelseavgift (påminnelse ${r})`,
    and: 'och',
    defaultLetter:
      'Hej {firstName}!\n\nTack för att du är medlem i {association}. Här kommer avgiften för {year}. Det här är på gång:\n{activities}\n\nHör gärna av dig om du vill vara med!',
    defaultReminder: (r) =>
      r === 1
        ? 'Hej {firstName}!\n\nEn vänlig påminnelse om medlemsavgiften för {year}. Betala gärna så snart du kan – vi vill gärna ha kvar dig som medlem. Har du betalat nyligen kan du bortse från den här påminnelsen.'
        : 'Hej {firstName}!\n\nBetala senast på förfallodagen, annars kan styrelsen besluta att avföra dig ur medlemsregistret. Har du betalat nyligen kan du bortse från den här påminnelsen.',
    strikeOffTitle: 'Förslag till avförande',
    strikeOffSubtitle: (y, r, n) => `Medlemmar som inte betalat avgiften för ${y} efter påminnelse ${r} · ${n} ${n === 1 ? 'person' : 'personer'}`,
    strikeOffHeader: ['Medlemsnr', 'Namn', 'Fakturor', 'Skuld', 'Påminnelse'],
  },
  nb: {
    typeNames: { full: 'Ordinær', supporting: 'Støttemedlem', family: 'Familie', youth: 'Ungdom', honorary: 'Æresmedlem' },
    fee: (y, t) => `Kontingent ${y} – ${t}`,
    intro: (y, t) => `Introduksjonskontingent ${y} – ${t}`,
    household: (y, t, names) => `Kontingent ${y} – ${t}, husstanden: ${names}`,
    carried: (y, n) => `Ubetalt kontingent ${y} (faktura ${n})`,
    reminderFee: (r) => `Purregebyr (purring ${r})`,
    and: 'og',
    defaultLetter:
      'Hei {firstName}!\n\nTakk for at du er medlem i {association}. Her kommer kontingenten for {year}. Dette skjer fremover:\n{activities}\n\nTa gjerne kontakt om du vil være med!',
    defaultReminder: (r) =>
      r === 1
        ? 'Hei {firstName}!\n\nEn vennlig påminnelse om kontingenten for {year}. Betal gjerne så snart du kan – vi vil gjerne beholde deg som medlem. Har du betalt nylig, kan du se bort fra denne purringen.'
        : 'Hei {firstName}!\n\nBetal innen forfallsdatoen, ellers kan styret vedta å stryke deg fra medlemsregisteret. Har du betalt nylig, kan du se bort fra denne purringen.',
    strikeOffTitle: 'Forslag til stryking',
    strikeOffSubtitle: (y, r, n) => `Medlemmer som ikke har betalt kontingenten for ${y} etter purring ${r} · ${n} ${n === 1 ? 'person' : 'personer'}`,
    strikeOffHeader: ['Medlemsnr', 'Navn', 'Fakturaer', 'Skyldig', 'Purring'],
  },
  en: {
    typeNames: { full: 'Full', supporting: 'Supporting', family: 'Family', youth: 'Youth', honorary: 'Honorary' },
    fee: (y, t) => `Membership fee ${y} – ${t}`,
    intro: (y, t) => `Introductory fee ${y} – ${t}`,
    household: (y, t, names) => `Membership fee ${y} – ${t}, household: ${names}`,
    carried: (y, n) => `Unpaid membership fee ${y} (invoice ${n})`,
    reminderFee: (r) => `Reminder fee (reminder ${r})`,
    and: 'and',
    defaultLetter:
      'Dear {firstName},\n\nThank you for being a member of {association}. Here is the membership fee for {year}. Coming up:\n{activities}\n\nDo get in touch if you would like to take part!',
    defaultReminder: (r) =>
      r === 1
        ? 'Dear {firstName},\n\nA friendly reminder about your membership fee for {year}. Please pay as soon as you can – we would like to keep you as a member. If you have paid recently, please disregard this reminder.'
        : 'Dear {firstName},\n\nPlease pay by the due date, or the board may strike you off the register. If you have paid recently, please disregard this reminder.',
    strikeOffTitle: 'Proposal to strike off',
    strikeOffSubtitle: (y, r, n) => `Members who have not paid the fee for ${y} after reminder ${r} · ${n} ${n === 1 ? 'person' : 'people'}`,
    strikeOffHeader: ['Member no.', 'Name', 'Invoices', 'Owed', 'Reminder'],
  },
};

/** "Anna, Per och Lisa". */
export function listNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/** A type's name in the language: built-in types by code, the association's own by their name. */
export function typeName(texts: DuesTexts, code: string | null, name: string): string {
  return (code && texts.typeNames[code]) || name;
}
