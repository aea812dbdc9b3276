import { HouseholdsPage } from '../households/HouseholdsPage';
import type { Section } from './index';

export const section: Section = {
  id: 'households',
  order: 30,
  labelKey: 'households.nav',
  Component: ({ info }) => <HouseholdsPage info={info} />,
};
