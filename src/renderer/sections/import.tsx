import { ImportPage } from '../import/ImportPage';
import type { Section } from './index';

export const section: Section = {
  id: 'import',
  order: 50,
  labelKey: 'import.nav',
  Component: ({ info }) => <ImportPage info={info} />,
};
