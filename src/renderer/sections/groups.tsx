import { GroupsPage } from '../groups/GroupsPage';
import type { Section } from './index';

export const section: Section = {
  id: 'groups',
  order: 10,
  labelKey: 'groups.nav',
  Component: () => <GroupsPage />,
};
