import { SetupPage } from '../setup/SetupPage';
import type { Section } from './index';

export const section: Section = {
  id: 'setup',
  order: 90,
  labelKey: 'setup.nav',
  Component: () => <SetupPage />,
};
