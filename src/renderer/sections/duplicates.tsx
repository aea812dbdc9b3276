import { DuplicatesPage } from '../duplicates/DuplicatesPage';
import type { Section } from './index';

export const section: Section = {
  id: 'duplicates',
  order: 40,
  labelKey: 'duplicates.nav',
  Component: ({ info }) => <DuplicatesPage info={info} />,
};
