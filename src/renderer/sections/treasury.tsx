import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../shared/contract';
import { DirectDebitPanel } from '../treasury/DirectDebitPanel';
import { ReportsPanel } from '../treasury/ReportsPanel';
import { SiePanel } from '../treasury/SiePanel';
import type { Section } from './index';

type Tab = 'autogiro' | 'avtalegiro' | 'reports' | 'sie';

/** The treasurer's books: the country's direct debit, the reports, and the SIE file for the bookkeeping program. */
function TreasurySection({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const debit: Tab = info.country === 'NO' ? 'avtalegiro' : 'autogiro';
  const tabs: Tab[] = [debit, 'reports', 'sie'];
  const [tab, setTab] = useState<Tab>(debit);
  return (
    // Panels mount when opened, so a payment booked in one tab shows in the reports.
    <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Tabs.List aria-label={t('treasury.tabsLabel')}>
        {tabs.map((id) => (
          <Tabs.Tab key={id} value={id} data-testid={`treasury-tab-${id}`}>
            {t(`treasury.tabs.${id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((id) => (
        <Tabs.Panel key={id} value={id} pt="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
          {id === 'reports' ? <ReportsPanel info={info} /> : id === 'sie' ? <SiePanel info={info} /> : <DirectDebitPanel info={info} />}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

export const section: Section = {
  id: 'treasury',
  // After the dues (45) and the bank files: the treasurer's books come last among the money screens.
  order: 48,
  labelKey: 'treasury.nav',
  Component: ({ info }) => <TreasurySection info={info} />,
};
