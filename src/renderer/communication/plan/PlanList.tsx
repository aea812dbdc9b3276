import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SendOutEntity } from '../../../shared/contract';
import { useFormat } from '../../member/format';
import { useAudienceText } from '../audience-text';
import { CHANNEL_COLOR, STATUS_COLOR } from '../colors';
import { ImportantMark } from '../ImportantMark';

/** Every send-out by date, undated ideas last. */
export function PlanList(props: { sendOuts: SendOutEntity[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const audienceText = useAudienceText();
  if (!props.sendOuts.length) return <Text c="dimmed">{t('communication.plan.empty')}</Text>;
  return (
    <Table striped highlightOnHover verticalSpacing="sm" data-testid="plan-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('communication.fields.plannedOn')}</Table.Th>
          <Table.Th>{t('communication.fields.channel')}</Table.Th>
          <Table.Th>{t('communication.fields.title')}</Table.Th>
          <Table.Th>{t('communication.fields.audience')}</Table.Th>
          <Table.Th>{t('communication.fields.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.sendOuts.map((s) => (
          <Table.Tr key={s.id} data-testid="plan-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.plannedOn ? fmt.date(s.plannedOn) : t('communication.plan.noDate')}</Table.Td>
            <Table.Td>
              <Badge color={CHANNEL_COLOR[s.channel]} variant="light">
                {t(`communication.channels.${s.channel}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <UnstyledButton onClick={() => props.onOpen(s.id)} td="underline" fw={500}>
                  {s.title}
                </UnstyledButton>
                {s.important && <ImportantMark />}
              </Group>
              {(s.duesYear || s.duesStep) && (
                <Text size="xs" c="dimmed">
                  {t('communication.dues.with', { what: s.duesStep ? t(`communication.dues.steps.${s.duesStep}`) : t('communication.dues.year'), year: s.duesYear ?? '' })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{audienceText(s.audience, s.audienceName)}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOR[s.status]} variant="light">
                {t(`communication.statuses.${s.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
