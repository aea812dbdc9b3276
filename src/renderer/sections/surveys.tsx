import { SurveysPage } from '../surveys/SurveysPage';
import type { Section } from './index';

export const section: Section = {
  id: 'surveys',
  // After communication and the treasurer's screens, before import (a tool rather than member work).
  order: 49,
  labelKey: 'surveys.nav',
  Component: ({ info }) => <SurveysPage info={info} />,
};
