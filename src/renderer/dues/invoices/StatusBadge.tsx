import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../../shared/contract';

/** Red for what is owed, green for settled, grey for what no longer counts. */
const COLORS: Record<InvoiceStatus, string> = {
  open: 'orange',
  partlyPaid: 'yellow',
  paid: 'teal',
  overPaid: 'blue',
  credited: 'gray',
  writtenOff: 'gray',
  carried: 'gray',
  creditNote: 'violet',
};

export function StatusBadge({ status, reminders = [] }: { status: InvoiceStatus; reminders?: number[] }) {
  const { t } = useTranslation();
  const last = reminders.length ? Math.max(...reminders) : 0;
  return (
    <Badge color={COLORS[status]} variant="light" data-status={status} style={{ textTransform: 'none' }}>
      {t(`dues.status.${status}`)}
      {last > 0 && (status === 'open' || status === 'partlyPaid') ? ` · ${t('dues.invoices.reminded', { round: last })}` : ''}
    </Badge>
  );
}
