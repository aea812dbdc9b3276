import { PaymentsPage } from '../payments/PaymentsPage';
import type { Section } from './index';

export const section: Section = {
  id: 'payments',
  // Right after dues (45): the treasurer invoices there and sees the money come in here.
  order: 46,
  labelKey: 'payments.nav',
  Component: ({ info }) => <PaymentsPage info={info} />,
};
