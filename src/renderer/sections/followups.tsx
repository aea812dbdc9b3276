import { FollowUpsPage } from '../followups/FollowUpsPage';
import type { Section } from './index';

export const section: Section = {
  id: 'followups',
  order: 20,
  labelKey: 'followups.nav',
  Component: ({ info }) => <FollowUpsPage info={info} />,
};
