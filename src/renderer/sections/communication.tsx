import { CommunicationPage } from '../communication/CommunicationPage';
import type { Section } from './index';

export const section: Section = {
  id: 'communication',
  // After dues (45: send-outs often go with the invoice and the reminders), before import (50).
  order: 47,
  labelKey: 'communication.nav',
  Component: ({ info }) => <CommunicationPage info={info} />,
};
