import type { ExportFormat, ExportKind } from '../../shared/contract/exports';
import type { Language } from '../../shared/contract';

/** Printed and exported texts (headings, column names): the UI's i18n lives in the renderer. */
export interface ExportTexts {
  columns: Record<string, string>;
  status: Record<string, string>;
  stage: Record<string, string>;
  yes: string;
  no: string;
  kinds: Record<ExportKind, string>;
  everyone: string;
  page: (n: number, of: number) => string;
  memberList: string;
  roll: string;
  rollOn: (date: string) => string;
  rollPaid: (year: number) => string;
  rollNumber: string;
  name: string;
  signature: string;
  people: (n: number) => string;
  and: string;
}

export const EXPORT_TEXTS: Record<Language, ExportTexts> = {
  sv: {
    columns: {
      memberNumber: 'Medlemsnr', firstName: 'Förnamn', lastName: 'Efternamn', email: 'E-post', mobile: 'Mobil',
      street: 'Gatuadress', postcode: 'Postnummer', city: 'Ort', country: 'Land', membershipType: 'Medlemstyp',
      status: 'Status', joinedOn: 'Gick med', birthDate: 'Födelsedatum', age: 'Ålder', consentSms: 'Samtycke sms',
      consentEmail: 'Samtycke e-post', consentPost: 'Samtycke post', householdId: 'Hushåll', statusSince: 'Status sedan',
      lastContactOn: 'Senaste kontakt', journeyStage: 'Medlemsresa',
    },
    status: { active: 'Aktiv', left: 'Utträdd', struck_off: 'Avförd' },
    stage: { recruited: 'Värvad', new: 'Ny', engaged: 'Engagerad', 'at-risk': 'I riskzonen', lapsed: 'Avslutad' },
    yes: 'Ja', no: 'Nej',
    kinds: { contactList: 'Kontaktlista', memberList: 'Medlemslista', roll: 'Röstlängd', labels: 'Adressetiketter', vcard: 'Kontakter' },
    everyone: 'Alla medlemmar',
    page: (n, of) => `Sida ${n} av ${of}`,
    memberList: 'Medlemslista', roll: 'Röstlängd', rollOn: (d) => `Röstberättigade medlemmar ${d}`, rollPaid: (y) => `betald avgift ${y}`,
    rollNumber: 'Nr', name: 'Namn', signature: 'Namnteckning', people: (n) => `${n} ${n === 1 ? 'person' : 'personer'}`, and: 'och',
  },
  nb: {
    columns: {
      memberNumber: 'Medlemsnr', firstName: 'Fornavn', lastName: 'Etternavn', email: 'E-post', mobile: 'Mobil',
      street: 'Gateadresse', postcode: 'Postnummer', city: 'Poststed', country: 'Land', membershipType: 'Medlemstype',
      status: 'Status', joinedOn: 'Innmeldt', birthDate: 'Fødselsdato', age: 'Alder', consentSms: 'Samtykke SMS',
      consentEmail: 'Samtykke e-post', consentPost: 'Samtykke post', householdId: 'Husstand', statusSince: 'Status siden',
      lastContactOn: 'Siste kontakt', journeyStage: 'Medlemsreise',
    },
    status: { active: 'Aktiv', left: 'Utmeldt', struck_off: 'Strøket' },
    stage: { recruited: 'Vervet', new: 'Ny', engaged: 'Engasjert', 'at-risk': 'I faresonen', lapsed: 'Avsluttet' },
    yes: 'Ja', no: 'Nei',
    kinds: { contactList: 'Kontaktliste', memberList: 'Medlemsliste', roll: 'Manntall', labels: 'Adresseetiketter', vcard: 'Kontakter' },
    everyone: 'Alle medlemmer',
    page: (n, of) => `Side ${n} av ${of}`,
    memberList: 'Medlemsliste', roll: 'Manntall', rollOn: (d) => `Stemmeberettigede medlemmer ${d}`, rollPaid: (y) => `betalt kontingent ${y}`,
    rollNumber: 'Nr', name: 'Navn', signature: 'Signatur', people: (n) => `${n} ${n === 1 ? 'person' : 'personer'}`, and: 'og',
  },
  en: {
    columns: {
      memberNumber: 'Member no.', firstName: 'First name', lastName: 'Last name', email: 'Email', mobile: 'Mobile',
      street: 'Street address', postcode: 'Postcode', city: 'City', country: 'Country', membershipType: 'Membership type',
      status: 'Status', joinedOn: 'Joined', birthDate: 'Date of birth', age: 'Age', consentSms: 'SMS consent',
      consentEmail: 'Email consent', consentPost: 'Post consent', householdId: 'Household', statusSince: 'Status since',
      lastContactOn: 'Last contact', journeyStage: 'Member journey',
    },
    status: { active: 'Active', left: 'Left', struck_off: 'Struck off' },
    stage: { recruited: 'Recruited', new: 'New', engaged: 'Engaged', 'at-risk': 'At risk', lapsed: 'Lapsed' },
    yes: 'Yes', no: 'No',
    kinds: { contactList: 'Contact list', memberList: 'Member list', roll: 'Voting roll', labels: 'Address labels', vcard: 'Contacts' },
    everyone: 'All members',
    page: (n, of) => `Page ${n} of ${of}`,
    memberList: 'Member list', roll: 'Voting roll', rollOn: (d) => `Members entitled to vote on ${d}`, rollPaid: (y) => `dues paid for ${y}`,
    rollNumber: 'No.', name: 'Name', signature: 'Signature', people: (n) => `${n} ${n === 1 ? 'person' : 'people'}`, and: 'and',
  },
};

export const DATE_LOCALE: Record<Language, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

/** "2026-03-01" in the language's long form, e.g. "1 mars 2026". */
export function longDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

export const EXTENSION: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', pdf: 'pdf', vcf: 'vcf' };
