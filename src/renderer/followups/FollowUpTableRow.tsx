import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpRow } from '../../shared/contract';
import { formatPhone } from '../../shared/nordic/phone';
import { daysBetween, todayIso, useDateFormat } from './dates';
import { MemberButton } from './MemberButton';

/** One follow-up due: when, who, what was done, the outcome and notes, and "mark done". */
export function FollowUpTableRow({ row, country, busy, onOpen, onDone }: {
  row: FollowUpRow;
  /** The register's country, for showing phone numbers. */
  country: string;
  busy: boolean;
  onOpen: (memberId: number) => void;
  onDone: (row: FollowUpRow) => void;
}) {
  const { t } = useTranslation();
  const date = useDateFormat();
  const late = daysBetween(row.followUpOn ?? todayIso(), todayIso());
  const name = `${row.firstName} ${row.lastName}`.trim();
  return (
    <Table.Tr data-testid="followup-row" data-overdue={late > 0 ? 'true' : 'false'}>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Text size="sm">{date(row.followUpOn)}</Text>
          {late > 0 ? (
            <Badge color="red" variant="light">{t('followups.overdue', { count: late })}</Badge>
          ) : (
            <Badge color="yellow" variant="light">{t('followups.today')}</Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <MemberButton id={row.memberId} memberNumber={row.memberNumber} firstName={row.firstName} lastName={row.lastName} onOpen={onOpen} labelKey="followups.openMember" />
        {row.mobile && <Text size="sm" c="dimmed">{formatPhone(row.mobile, country)}</Text>}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t('followups.contactOn', { kind: t(`contactKinds.${row.kind}`), date: date(row.on) })}</Text>
        {row.madeBy && <Text size="sm" c="dimmed">{t('followups.by', { name: row.madeBy })}</Text>}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.outcome ? t(`contactOutcomes.${row.outcome}`) : t('followups.noOutcome')}</Text>
      </Table.Td>
      <Table.Td maw={360}>
        {/* Notes are the secretary's own words: shown whole, line breaks kept. */}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{row.notes}</Text>
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" loading={busy} onClick={() => onDone(row)} aria-label={t('followups.markDoneLabel', { name })}>
          {t('followups.markDone')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
