import { ExportsPage } from '../exports/ExportsPage';
import type { Section } from './index';

export const section: Section = {
  id: 'exports',
  order: 60,
  labelKey: 'exports.nav',
  Component: () => <ExportsPage />,
};
