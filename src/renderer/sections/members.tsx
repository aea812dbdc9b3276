import { MembersPage } from '../pages/MembersPage';
import type { Section } from './index';

export const section: Section = {
  id: 'members',
  order: 0,
  labelKey: 'shell.members',
  Component: ({ info }) => <MembersPage info={info} />,
};
