import { Alert, Badge, Button, Group, Loader, Paper, ScrollArea, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEFT_OUT_REASONS, ROUTES, type RecipientSummary } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localeOf } from '../../i18n';
import { useFormat } from '../../member/format';

const SHOWN = 20;

/** Who gets it, by route; who is left out and why; who shares someone else's message. */
export function RecipientsPanel(props: { summary: RecipientSummary | null; error: ApiError | null; busy: boolean; onOpenMember: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [all, setAll] = useState(false);
  const s = props.summary;
  const n = (x: number) => x.toLocaleString(localeOf(i18n.language));
  const name = (p: { firstName: string; lastName: string; memberId: number }) => (
    <UnstyledButton td="underline" onClick={() => props.onOpenMember(p.memberId)}>
      {p.firstName} {p.lastName}
    </UnstyledButton>
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recipients-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id="recipients-title">
            {t('communication.recipients.title')}
          </Title>
          {props.busy && <Loader size="sm" aria-label={t('common.loading')} />}
        </Group>
        <ErrorAlert error={props.error} />
        {s && (
          <>
            <Group gap="lg" data-testid="recipient-counts">
              {ROUTES.filter((r) => s.messages[r] > 0).map((r) => (
                <div key={r}>
                  <Text size="xl" fw={700} data-testid={`count-${r}`}>
                    {n(s.messages[r])}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t(`communication.recipients.routes.${r}`, { count: s.messages[r] })}
                  </Text>
                </div>
              ))}
              {ROUTES.every((r) => s.messages[r] === 0) && (
                <Alert color="orange" data-testid="no-recipients">
                  {t('communication.errors.no-recipients')}
                </Alert>
              )}
            </Group>
            <Text size="sm">
              {t('communication.recipients.summary', { people: n(s.people), count: s.audience, leftOut: n(s.leftOut.total) })}
            </Text>
            <Text size="sm" c="dimmed" data-testid="frequency-rule">
              {s.frequencyLimit > 0
                ? t('communication.recipients.limit', { count: s.frequencyLimit, from: fmt.date(s.window.from), to: fmt.date(s.window.to) })
                : t('communication.recipients.noLimit')}
            </Text>
            {s.leftOut.total > 0 && (
              <Stack gap={6}>
                <Title order={4}>{t('communication.recipients.leftOut', { count: s.leftOut.total })}</Title>
                <Group gap={6}>
                  {LEFT_OUT_REASONS.filter((r) => s.leftOut.counts[r]).map((r) => (
                    <Badge key={r} variant="light" color={r === 'opted-out' || r === 'frequency-limit' ? 'orange' : 'gray'} data-testid={`reason-${r}`}>
                      {t(`communication.reasons.${r}`)}: {n(s.leftOut.counts[r]!)}
                    </Badge>
                  ))}
                </Group>
                <ScrollArea.Autosize mah={360}>
                  <Table striped data-testid="left-out">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('communication.recipients.member')}</Table.Th>
                        <Table.Th>{t('communication.recipients.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {s.leftOut.rows.slice(0, all ? undefined : SHOWN).map((r) => (
                        <Table.Tr key={r.memberId} data-testid="left-out-row">
                          <Table.Td>
                            {name(r)} <Text span size="xs" c="dimmed">({r.memberNumber})</Text>
                          </Table.Td>
                          <Table.Td>
                            {r.reason === 'frequency-limit'
                              ? t('communication.reasons.frequencyDetail', { count: r.messages ?? 0 })
                              : t(`communication.reasons.${r.reason}`)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
                {!all && s.leftOut.rows.length > SHOWN && (
                  <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
                    {t('communication.recipients.showAll', { count: s.leftOut.rows.length })}
                  </Button>
                )}
                {s.leftOut.rows.length < s.leftOut.total && (
                  <Text size="xs" c="dimmed">
                    {t('communication.recipients.firstRows', { shown: n(s.leftOut.rows.length), total: n(s.leftOut.total) })}
                  </Text>
                )}
              </Stack>
            )}
            {s.combined.total > 0 && (
              <Stack gap={4}>
                <Title order={4}>{t('communication.recipients.combined', { count: s.combined.total })}</Title>
                {s.combined.rows.slice(0, SHOWN).map((c) => (
                  <Text key={c.memberId} size="sm" data-testid="combined-row">
                    {name(c)} — {t(`communication.recipients.shares.${c.route}`, { name: `${c.with.firstName} ${c.with.lastName}` })}
                  </Text>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
