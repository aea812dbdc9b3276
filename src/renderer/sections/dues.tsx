import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../shared/contract';
import { FeesPanel } from '../dues/fees/FeesPanel';
import { DuesLogPanel } from '../dues/invoices/DuesLogPanel';
import { InvoicesPanel } from '../dues/invoices/InvoicesPanel';
import { RemindersPanel } from '../dues/reminders/RemindersPanel';
import { InvoiceRunPanel } from '../dues/runs/InvoiceRunPanel';
import { DuesSettingsPanel } from '../dues/settings/DuesSettingsPanel';
import { StrikeOffPanel } from '../dues/strike-off/StrikeOffPanel';
import type { Section } from './index';

/** The treasurer's year, in the order it is worked through: set up once, then run, remind, strike off. */
const TABS = ['settings', 'fees', 'run', 'reminders', 'strikeOff', 'invoices', 'log'] as const;
type Tab = (typeof TABS)[number];
export type DuesTab = Tab;

/** Every tab's panel gets the open register (country, currency, language). */
export interface DuesPanelProps {
  info: RegisterInfo;
  /** Opens another tab (e.g. the run's "fill in first" links to the settings). */
  goTo?: (tab: DuesTab) => void;
}

const PANELS: Record<Tab, (p: DuesPanelProps) => React.ReactNode> = {
  settings: (p) => <DuesSettingsPanel {...p} />,
  fees: (p) => <FeesPanel {...p} />,
  run: (p) => <InvoiceRunPanel {...p} />,
  reminders: (p) => <RemindersPanel {...p} />,
  strikeOff: (p) => <StrikeOffPanel {...p} />,
  invoices: (p) => <InvoicesPanel {...p} />,
  log: (p) => <DuesLogPanel {...p} />,
};

function DuesSection({ info }: DuesPanelProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('settings');
  return (
    // Panels mount when opened, so each tab reads fresh data (a run made in one shows in the others).
    <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Tabs.List aria-label={t('dues.tabsLabel')}>
        {TABS.map((id) => (
          <Tabs.Tab key={id} value={id} data-testid={`dues-tab-${id}`}>
            {t(`dues.tabs.${id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {TABS.map((id) => (
        <Tabs.Panel key={id} value={id} pt="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
          {PANELS[id]({ info, goTo: setTab })}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

export const section: Section = {
  id: 'dues',
  // After the member screens (members, groups, follow-ups, households, duplicates), before import.
  order: 45,
  labelKey: 'dues.nav',
  Component: ({ info }) => <DuesSection info={info} />,
};
