import type { Language, LocalText, PreferredChannel, PreferredFrequency, QuestionKind, ResponseSource } from '../../shared/contract';

const ORDER: Language[] = ['sv', 'nb', 'en'];

/** The text in `language`, else in the register's language, else the first language it has. */
export function pick(text: LocalText, language: Language, fallback: Language = language): string {
  const own = text[language]?.trim();
  if (own) return own;
  const second = text[fallback]?.trim();
  if (second) return second;
  for (const l of ORDER) {
    const t = text[l]?.trim();
    if (t) return t;
  }
  return '';
}

/** Every non-empty wording of a text (for matching a form tool's column or answer to it). */
export function wordings(text: LocalText): string[] {
  return ORDER.map((l) => text[l]?.trim() ?? '').filter(Boolean);
}

const all = (sv: string, nb: string, en: string): LocalText => ({ sv, nb, en });

/** The special questions' options: fixed keys, Kansli's own words. */
export const CHANNEL_TEXTS: Record<PreferredChannel, LocalText> = {
  sms: all('Sms', 'SMS', 'Text message (SMS)'),
  email: all('E-post', 'E-post', 'E-mail'),
  letter: all('Brev', 'Brev', 'Letter'),
  phone: all('Telefon', 'Telefon', 'Phone call'),
};

export const FREQUENCY_TEXTS: Record<PreferredFrequency, LocalText> = {
  weekly: all('Varje vecka', 'Hver uke', 'Every week'),
  monthly: all('En gång i månaden', 'En gang i måneden', 'Once a month'),
  quarterly: all('En gång i kvartalet', 'En gang i kvartalet', 'Once a quarter'),
  important: all('Bara viktiga nyheter', 'Bare viktige nyheter', 'Only important news'),
};

/** Printed and exported words (the form, the report, the CSV); the UI's own live in the renderer. */
export interface SurveyTexts {
  name: string;
  memberNumber: string;
  answeredOn: string;
  source: string;
  status: string;
  current: string;
  replaced: string;
  unmatched: string;
  sources: Record<ResponseSource, string>;
  required: string;
  chooseOne: string;
  chooseMany: string;
  scaleHint: string;
  thanks: string;
  responseRate: string;
  asked: string;
  responded: string;
  responses: string;
  segment: string;
  everyone: string;
  answeredBy: (n: number) => string;
  mean: (v: string) => string;
  more: (n: number) => string;
  noAnswers: string;
  report: string;
  form: string;
  filter: string;
  kinds: Record<QuestionKind, string>;
}

export const SURVEY_TEXTS: Record<Language, SurveyTexts> = {
  sv: {
    name: 'Namn', memberNumber: 'Medlemsnummer', answeredOn: 'Besvarad', source: 'Källa', status: 'Status',
    current: 'Gällande', replaced: 'Ersatt av nyare svar', unmatched: 'Inte kopplad till medlem',
    sources: { paper: 'Papper', phone: 'Telefon', form: 'Formulär' },
    required: 'obligatorisk', chooseOne: 'Kryssa i ett alternativ', chooseMany: 'Kryssa i ett eller flera alternativ',
    scaleHint: '1 = inte alls, 5 = mycket', thanks: 'Tack för att du svarar! Lämna eller skicka formuläret till föreningen.',
    responseRate: 'Svarsfrekvens', asked: 'Tillfrågade', responded: 'Svarat', responses: 'Svar', segment: 'Urval',
    everyone: 'Alla aktiva medlemmar', answeredBy: (n) => `${n} har svarat`, mean: (v) => `Medelvärde ${v}`,
    more: (n) => `… och ${n} svar till`, noAnswers: 'Inga svar ännu', report: 'Enkätresultat', form: 'Enkät', filter: 'Urval',
    kinds: { single: 'Ett val', multiple: 'Flera val', scale: 'Skala 1–5', short: 'Kort text', long: 'Lång text', channels: 'Kanaler', frequency: 'Hur ofta' },
  },
  nb: {
    name: 'Navn', memberNumber: 'Medlemsnummer', answeredOn: 'Besvart', source: 'Kilde', status: 'Status',
    current: 'Gjeldende', replaced: 'Erstattet av nyere svar', unmatched: 'Ikke koblet til medlem',
    sources: { paper: 'Papir', phone: 'Telefon', form: 'Skjema' },
    required: 'obligatorisk', chooseOne: 'Kryss av for ett alternativ', chooseMany: 'Kryss av for ett eller flere alternativer',
    scaleHint: '1 = ikke i det hele tatt, 5 = svært mye', thanks: 'Takk for at du svarer! Lever eller send skjemaet til foreningen.',
    responseRate: 'Svarprosent', asked: 'Spurt', responded: 'Svart', responses: 'Svar', segment: 'Utvalg',
    everyone: 'Alle aktive medlemmer', answeredBy: (n) => `${n} har svart`, mean: (v) => `Gjennomsnitt ${v}`,
    more: (n) => `… og ${n} svar til`, noAnswers: 'Ingen svar ennå', report: 'Resultater fra spørreundersøkelsen', form: 'Spørreundersøkelse', filter: 'Utvalg',
    kinds: { single: 'Ett valg', multiple: 'Flere valg', scale: 'Skala 1–5', short: 'Kort tekst', long: 'Lang tekst', channels: 'Kanaler', frequency: 'Hvor ofte' },
  },
  en: {
    name: 'Name', memberNumber: 'Member number', answeredOn: 'Answered', source: 'Source', status: 'Status',
    current: 'Current', replaced: 'Replaced by a newer answer', unmatched: 'Not matched to a member',
    sources: { paper: 'Paper', phone: 'Phone', form: 'Form' },
    required: 'required', chooseOne: 'Tick one box', chooseMany: 'Tick one or more boxes',
    scaleHint: '1 = not at all, 5 = very much', thanks: 'Thank you for answering! Hand in or post the form to the association.',
    responseRate: 'Response rate', asked: 'Asked', responded: 'Answered', responses: 'Responses', segment: 'Segment',
    everyone: 'All active members', answeredBy: (n) => `${n} answered`, mean: (v) => `Mean ${v}`,
    more: (n) => `… and ${n} more answers`, noAnswers: 'No answers yet', report: 'Survey results', form: 'Survey', filter: 'Segment',
    kinds: { single: 'One choice', multiple: 'Several choices', scale: 'Scale 1–5', short: 'Short text', long: 'Long text', channels: 'Channels', frequency: 'How often' },
  },
};
