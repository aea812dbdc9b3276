import type { FeatureStrings } from '../features';

/** Dues (issue 5): the treasurer's settings, fee schedule, invoices, log, and the member's account. */
export default {
  key: 'dues',
  en: {
    nav: 'Dues',
    tabsLabel: 'Dues screens',
    tabs: { settings: 'Settings', fees: 'Fees', run: 'Invoice run', reminders: 'Reminders', strikeOff: 'Strike-off', invoices: 'Invoices', log: 'Log' },
    placeholder: 'This screen is being built.',
  },
  sv: {
    nav: 'Avgifter',
    tabsLabel: 'Avgiftsflikar',
    tabs: { settings: 'Inställningar', fees: 'Avgifter', run: 'Fakturering', reminders: 'Påminnelser', strikeOff: 'Avförande', invoices: 'Fakturor', log: 'Logg' },
    placeholder: 'Den här skärmen byggs just nu.',
  },
  nb: {
    nav: 'Kontingent',
    tabsLabel: 'Kontingentfaner',
    tabs: { settings: 'Innstillinger', fees: 'Satser', run: 'Fakturering', reminders: 'Purringer', strikeOff: 'Stryking', invoices: 'Fakturaer', log: 'Logg' },
    placeholder: 'Denne skjermen bygges nå.',
  },
} satisfies FeatureStrings;
