import { Badge, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MandateEntity } from '../../shared/contract';
import { call } from '../api';
import { useFormat } from '../member/format';

/**
 * The member's Autogiro mandate on the member page's dues tab: its state and Bankgirot's last
 * answer (managed in Bokföring → Autogiro). Nothing when the member has none.
 */
export function MemberMandate({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [m, setM] = useState<MandateEntity | null>(null);
  useEffect(() => {
    call('directDebit.mandate', { memberId }).then(setM, () => setM(null));
  }, [memberId]);
  if (!m) return null;
  return (
    <Group gap="xs" data-testid="member-mandate" data-status={m.status}>
      <Text size="sm" fw={500}>
        {t('treasury.mandates.one')}:
      </Text>
      <Badge variant="light" color={m.status === 'active' ? 'teal' : m.status === 'requested' ? 'yellow' : 'gray'} style={{ textTransform: 'none' }}>
        {t(`treasury.mandates.states.${m.status}`)}
      </Badge>
      {m.statusCode && (
        <Text size="sm" c="dimmed">
          {t(`treasury.mandates.codes.${m.statusCode}`, { defaultValue: m.statusCode })} · {fmt.date(m.statusOn)}
        </Text>
      )}
      {!m.statusCode && m.pending && (
        <Text size="sm" c="dimmed">
          {t(`treasury.mandates.pending.${m.pending}`)}
        </Text>
      )}
    </Group>
  );
}
