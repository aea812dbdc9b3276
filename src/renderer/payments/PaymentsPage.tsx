import { Badge, Tabs } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { ImportPanel } from './ImportPanel';
import { ImportsPanel } from './ImportsPanel';
import { ReviewPanel } from './ReviewPanel';

const TABS = ['import', 'review', 'imports'] as const;
type Tab = (typeof TABS)[number];

/** Payments from the bank: import a file, review what did not match, the imports (with undo). */
export function PaymentsPage({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('import');
  const [toReview, setToReview] = useState(0);
  const refresh = useCallback(() => {
    call('payments.review', { limit: 10_000 }).then((r) => setToReview(r.length), () => undefined);
  }, []);
  useEffect(refresh, [refresh]);

  return (
    // Panels mount when opened, so each reads fresh data.
    <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Tabs.List aria-label={t('payments.tabsLabel')}>
        {TABS.map((id) => (
          <Tabs.Tab
            key={id}
            value={id}
            data-testid={`payments-tab-${id}`}
            rightSection={id === 'review' && toReview > 0 ? <Badge color="orange" size="sm" circle={toReview < 10}>{toReview}</Badge> : undefined}
          >
            {t(`payments.tabs.${id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="import" pt="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        <ImportPanel info={info} onImported={refresh} onReview={() => setTab('review')} />
      </Tabs.Panel>
      <Tabs.Panel value="review" pt="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        <ReviewPanel info={info} onChanged={refresh} />
      </Tabs.Panel>
      <Tabs.Panel value="imports" pt="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        <ImportsPanel info={info} onChanged={refresh} />
      </Tabs.Panel>
    </Tabs>
  );
}
