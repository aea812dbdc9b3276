import type { ImportMemberField, ImportTarget } from '../../shared/contract/imports';
import { foldForSearch } from '../../shared/text/fold';

/**
 * Column names as the field writes them, Swedish, Norwegian and English, folded (lower case,
 * no accents, no spaces or punctuation) so "E-post", "Epost" and "e post" are one.
 */
const NAMES: Record<ImportMemberField, string[]> = {
  firstName: ['förnamn', 'fornavn', 'first name', 'firstname', 'given name', 'tilltalsnamn'],
  lastName: ['efternamn', 'etternavn', 'last name', 'lastname', 'surname', 'family name'],
  birthDate: ['födelsedatum', 'fødselsdato', 'födelsedag', 'fødselsdag', 'birth date', 'date of birth', 'birthdate', 'dob', 'född', 'født'],
  identityNumber: ['personnummer', 'personnr', 'pnr', 'fødselsnummer', 'fødselsnr', 'fnr', 'identity number', 'national id', 'personal number', 'ssn'],
  street: ['adress', 'gatuadress', 'utdelningsadress', 'address', 'street', 'street address', 'gateadresse', 'postadresse', 'adresse'],
  postcode: ['postnr', 'postnummer', 'postkod', 'zip', 'zip code', 'postal code', 'postcode'],
  city: ['ort', 'postort', 'poststed', 'sted', 'stad', 'city', 'town'],
  country: ['land', 'country', 'landskod', 'landkode'],
  email: ['e-post', 'epost', 'e-postadress', 'epostadresse', 'e-mail', 'email', 'mail', 'mejl'],
  mobile: ['mobil', 'mobiltelefon', 'mobilnummer', 'mobilnr', 'mobile', 'mobile phone', 'cell', 'telefon', 'tlf', 'phone', 'telefonnummer'],
  consentSms: ['sms', 'samtycke sms', 'samtykke sms', 'consent sms', 'sms ok'],
  consentEmail: ['samtycke e-post', 'samtykke e-post', 'consent email', 'consent e-mail', 'nyhetsbrev', 'newsletter'],
  consentPost: ['samtycke post', 'samtykke post', 'consent post', 'post ok', 'brevpost'],
  // "Medl.nr" folds to "medlnr"; a bare "Nr" could be anything and is left to the user.
  memberNumber: ['medlemsnummer', 'medlemsnr', 'medlnr', 'medlemsnum', 'member number', 'membership number', 'member no', 'member nr', 'member id'],
  joinedOn: ['inträdesdatum', 'inträde', 'invald', 'medlem sedan', 'medlem siden', 'innmeldt', 'innmeldingsdato', 'innmeldt dato', 'joined', 'join date', 'member since', 'joined on', 'startdatum'],
};

const fold = (s: string) => foldForSearch(s).replace(/[^a-z0-9]/g, '');

const LOOKUP = new Map<string, ImportTarget>();
for (const [target, names] of Object.entries(NAMES) as [ImportMemberField, string[]][]) {
  for (const n of names) if (!LOOKUP.has(fold(n))) LOOKUP.set(fold(n), target);
}

/**
 * One suggestion per column; a field is suggested for its first matching column only. The
 * register's own fields and groups are suggested for a column with their name.
 */
export function suggestMapping(headers: string[], own: { target: ImportTarget; name: string }[] = []): (ImportTarget | null)[] {
  const used = new Set<ImportTarget>();
  const byName = new Map(own.map((o) => [fold(o.name), o.target]));
  return headers.map((h) => {
    const t = LOOKUP.get(fold(h)) ?? byName.get(fold(h)) ?? null;
    if (!t || used.has(t)) return null;
    used.add(t);
    return t;
  });
}
