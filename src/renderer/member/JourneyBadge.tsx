import { Button, Popover, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JourneyExplanation, JourneyStage } from '../../shared/contract';
import { useFormat } from './format';

const COLORS: Record<JourneyStage, string> = { recruited: 'grape', new: 'blue', engaged: 'teal', 'at-risk': 'orange', lapsed: 'gray' };

/** The member's journey stage; a click (or Enter) explains why, with the facts it rests on. */
export function JourneyBadge({ journey }: { journey: JourneyExplanation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const f = journey.facts;
  const stage = t(`journey.${journey.stage}`);
  const reason = t(`journey.reasons.${journey.reason}`, {
    since: fmt.date(f.statusSince ?? f.joinedOn),
    lastContact: fmt.date(f.lastContactOn),
    lastRole: fmt.date(f.lastRoleOn),
    newSince: fmt.date(journey.thresholds.newSince),
    activeSince: fmt.date(journey.thresholds.activeSince),
  });
  const facts = (['statusSince', 'joinedOn', 'lastContactOn', 'lastRoleOn'] as const).map((k) => [k, f[k]] as const);

  return (
    <Popover width={380} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-sm" radius="xl" variant="light" color={COLORS[journey.stage]} data-testid="journey-badge" data-stage={journey.stage} title={reason}>
          {t('memberPage.journey.label')}: {stage} · {t('memberPage.journey.explain')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="journey-explanation">
        <Stack gap="xs">
          <Text fw={600}>{t('memberPage.journey.title', { stage })}</Text>
          <Text size="sm">{reason}</Text>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {facts.map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Td c="dimmed">{t(`memberPage.journey.facts.${k}`)}</Table.Td>
                  <Table.Td>{v ? fmt.date(v) : t('memberPage.journey.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
