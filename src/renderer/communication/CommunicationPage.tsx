import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../shared/contract';
import { monthOf, todayLocal } from './dates';
import { OptOutsPanel } from './OptOutsPanel';
import { PlanView } from './plan/PlanView';
import { SendOutPage } from './send-out/SendOutPage';
import { SettingsPanel } from './SettingsPanel';

const TABS = ['plan', 'optOuts', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** Send-outs: the plan (and one send-out at a time), opt-outs from lists, the settings. */
export function CommunicationPage({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('plan');
  // null: the plan; 'new' or an id: that send-out.
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const [month, setMonth] = useState(monthOf(todayLocal()));
  const [view, setView] = useState<'calendar' | 'list'>('calendar');

  return (
    <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Tabs.List aria-label={t('communication.tabsLabel')}>
        {TABS.map((id) => (
          <Tabs.Tab key={id} value={id} data-testid={`communication-tab-${id}`}>
            {t(`communication.tabs.${id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="plan" pt="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        {open === null ? (
          <PlanView onOpen={setOpen} onNew={() => setOpen('new')} month={month} onMonth={setMonth} view={view} onView={setView} />
        ) : (
          <SendOutPage key={String(open)} id={open === 'new' ? null : open} info={info} onBack={() => setOpen(null)} onSaved={setOpen} />
        )}
      </Tabs.Panel>
      <Tabs.Panel value="optOuts" pt="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        <OptOutsPanel />
      </Tabs.Panel>
      <Tabs.Panel value="settings" pt="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        <SettingsPanel currency={info.currency} />
      </Tabs.Panel>
    </Tabs>
  );
}
