import type { DuesStep, Language, Role, SendOutChannel, SendOutEntity, SendOutFileKind, SendOutStatus } from '../../shared/contract';

/** What the core itself writes into send-out files (headings, file names, the calendar). */
export interface CommunicationTexts {
  files: Record<SendOutFileKind | 'labels' | 'plan', string>;
  channels: Record<SendOutChannel, string>;
  statuses: Record<SendOutStatus, string>;
  duesSteps: Record<DuesStep, string>;
  roles: Record<Role, string>;
  sms: { number: string; name: string; message: string };
  email: { email: string; firstName: string; lastName: string; fullName: string; memberNumber: string };
  bccChunk: (n: number, of: number, count: number) => string;
  allMembers: string;
  audience: string;
  status: string;
  /** A send-out marked important: a word after its title, and a line of its own. */
  important: { tag: string; line: string };
  dues: (year: number | null, step: DuesStep | null) => string;
}

const ROLES_SV: Record<Role, string> = {
  chair: 'Ordförande', 'vice-chair': 'Vice ordförande', treasurer: 'Kassör', secretary: 'Sekreterare',
  'member-responsible': 'Medlemsansvarig', 'local-leader': 'Lokal ledare', deputy: 'Suppleant', member: 'Ledamot',
};
const ROLES_NB: Record<Role, string> = {
  chair: 'Leder', 'vice-chair': 'Nestleder', treasurer: 'Kasserer', secretary: 'Sekretær',
  'member-responsible': 'Medlemsansvarlig', 'local-leader': 'Lokal leder', deputy: 'Varamedlem', member: 'Styremedlem',
};
const ROLES_EN: Record<Role, string> = {
  chair: 'Chair', 'vice-chair': 'Vice chair', treasurer: 'Treasurer', secretary: 'Secretary',
  'member-responsible': 'Membership officer', 'local-leader': 'Local leader', deputy: 'Deputy', member: 'Member',
};

export const COMMUNICATION_TEXTS: Record<Language, CommunicationTexts> = {
  sv: {
    files: {
      smsCsv: 'SMS', smsNumbers: 'SMS-nummer', emailCsv: 'E-postlista', bcc: 'Hemlig kopia (BCC)', letters: 'Brev',
      newsletterHtml: 'Nyhetsbrev', newsletterPdf: 'Nyhetsbrev för utskrift', labels: 'Etiketter', plan: 'Utskicksplan',
    },
    channels: { newsletter: 'Nyhetsbrev', sms: 'SMS', email: 'E-post', letter: 'Brev' },
    statuses: { idea: 'Idé', planned: 'Planerad', ready: 'Klar', exported: 'Exporterad', sent: 'Skickad' },
    duesSteps: { invoice: 'avgiftsavin', reminder1: 'påminnelse 1', reminder2: 'påminnelse 2', reminder3: 'påminnelse 3', strikeOff: 'avförandet' },
    roles: ROLES_SV,
    sms: { number: 'Nummer', name: 'Namn', message: 'Meddelande' },
    email: { email: 'E-post', firstName: 'Förnamn', lastName: 'Efternamn', fullName: 'Namn', memberNumber: 'Medlemsnr' },
    bccChunk: (n, of, count) => `Grupp ${n} av ${of} (${count} ${count === 1 ? 'adress' : 'adresser'})`,
    allMembers: 'Alla medlemmar',
    audience: 'Mottagare',
    status: 'Status',
    important: { tag: 'viktigt', line: 'Viktigt utskick' },
    dues: (year, step) => `Med ${step ? COMMUNICATION_TEXTS.sv.duesSteps[step] : 'avgiftsåret'}${year ? ` ${year}` : ''}`,
  },
  nb: {
    files: {
      smsCsv: 'SMS', smsNumbers: 'SMS-numre', emailCsv: 'E-postliste', bcc: 'Blindkopi (BCC)', letters: 'Brev',
      newsletterHtml: 'Nyhetsbrev', newsletterPdf: 'Nyhetsbrev for utskrift', labels: 'Etiketter', plan: 'Utsendelsesplan',
    },
    channels: { newsletter: 'Nyhetsbrev', sms: 'SMS', email: 'E-post', letter: 'Brev' },
    statuses: { idea: 'Idé', planned: 'Planlagt', ready: 'Klar', exported: 'Eksportert', sent: 'Sendt' },
    duesSteps: { invoice: 'kontingentfakturaen', reminder1: 'purring 1', reminder2: 'purring 2', reminder3: 'purring 3', strikeOff: 'strykingen' },
    roles: ROLES_NB,
    sms: { number: 'Nummer', name: 'Navn', message: 'Melding' },
    email: { email: 'E-post', firstName: 'Fornavn', lastName: 'Etternavn', fullName: 'Navn', memberNumber: 'Medlemsnr' },
    bccChunk: (n, of, count) => `Gruppe ${n} av ${of} (${count} ${count === 1 ? 'adresse' : 'adresser'})`,
    allMembers: 'Alle medlemmer',
    audience: 'Mottakere',
    status: 'Status',
    important: { tag: 'viktig', line: 'Viktig utsendelse' },
    dues: (year, step) => `Med ${step ? COMMUNICATION_TEXTS.nb.duesSteps[step] : 'kontingentåret'}${year ? ` ${year}` : ''}`,
  },
  en: {
    files: {
      smsCsv: 'SMS', smsNumbers: 'SMS numbers', emailCsv: 'E-mail list', bcc: 'BCC lists', letters: 'Letters',
      newsletterHtml: 'Newsletter', newsletterPdf: 'Newsletter for print', labels: 'Labels', plan: 'Send-out plan',
    },
    channels: { newsletter: 'Newsletter', sms: 'SMS', email: 'E-mail', letter: 'Letter' },
    statuses: { idea: 'Idea', planned: 'Planned', ready: 'Ready', exported: 'Exported', sent: 'Sent' },
    duesSteps: { invoice: 'the dues invoice', reminder1: 'reminder 1', reminder2: 'reminder 2', reminder3: 'reminder 3', strikeOff: 'the strike-off' },
    roles: ROLES_EN,
    sms: { number: 'Number', name: 'Name', message: 'Message' },
    email: { email: 'E-mail', firstName: 'First name', lastName: 'Last name', fullName: 'Name', memberNumber: 'Member no.' },
    bccChunk: (n, of, count) => `Group ${n} of ${of} (${count} ${count === 1 ? 'address' : 'addresses'})`,
    allMembers: 'All members',
    audience: 'Audience',
    status: 'Status',
    important: { tag: 'important', line: 'Important send-out' },
    dues: (year, step) => `With ${step ? COMMUNICATION_TEXTS.en.duesSteps[step] : 'the dues year'}${year ? ` ${year}` : ''}`,
  },
};

export const FILE_EXTENSION: Record<SendOutFileKind, 'csv' | 'txt' | 'pdf' | 'html'> = {
  smsCsv: 'csv',
  smsNumbers: 'txt',
  emailCsv: 'csv',
  bcc: 'txt',
  letters: 'pdf',
  newsletterHtml: 'html',
  newsletterPdf: 'pdf',
};

/** The audience in words: "Alla medlemmar", "Styrelsen", "Styrelsen (Kassör)", "Lokal ledare". */
export function audienceText(s: SendOutEntity, language: Language): string {
  const t = COMMUNICATION_TEXTS[language];
  if (s.audience.kind === 'all') return t.allMembers;
  if (s.audience.kind === 'roles') return s.audience.roles.map((r) => t.roles[r]).join(', ');
  const roles = s.audience.kind === 'group' && s.audience.roles ? ` (${s.audience.roles.map((r) => t.roles[r]).join(', ')})` : '';
  return `${s.audienceName ?? '?'}${roles}`;
}
