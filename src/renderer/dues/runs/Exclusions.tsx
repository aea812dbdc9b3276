import { Accordion, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXCLUSION_REASONS, type InvoiceRunPreview, type PreviewExclusion } from '../../../shared/contract';

/**
 * Who is left out of the run, grouped by reason with a count each (from the preview's totals,
 * so a limited list still counts everyone), each reason explained and its members named.
 */
export function Exclusions({ preview }: { preview: InvoiceRunPreview }) {
  const { t } = useTranslation();
  const byReason = new Map<string, PreviewExclusion[]>();
  for (const e of preview.excluded) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e]);
  const reasons = EXCLUSION_REASONS.filter((r) => (preview.byReason[r] ?? 0) > 0);

  return (
    <Stack gap="xs" component="section" aria-labelledby="run-excluded-title">
      <Group gap="sm">
        <Title order={4} id="run-excluded-title">
          {t('duesRuns.excluded.title')}
        </Title>
        <Badge variant="light" color="gray">
          {t('duesRuns.excluded.count', { count: preview.excludedCount })}
        </Badge>
      </Group>
      {reasons.length === 0 ? (
        <Text size="sm">{t('duesRuns.excluded.none')}</Text>
      ) : (
        <Accordion multiple variant="separated" data-testid="run-excluded">
          {reasons.map((reason) => {
            const people = byReason.get(reason) ?? [];
            const count = preview.byReason[reason] ?? 0;
            return (
              <Accordion.Item key={reason} value={reason} data-reason={reason}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="sm">
                    <Text fw={600}>{t(`duesRuns.excluded.reasons.${reason}`)}</Text>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('duesRuns.excluded.count', { count })}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" c="dimmed" mb={6}>
                    {t(`duesRuns.excluded.help.${reason}`)}
                  </Text>
                  <Text size="sm" data-testid={`run-excluded-${reason}`}>
                    {people.map((p) => `${p.firstName} ${p.lastName} (${p.memberNumber})`).join(' · ')}
                  </Text>
                  {people.length < count && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('duesRuns.more', { shown: people.length, count })}
                    </Text>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
