import { ActionIcon, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SendOutEntity } from '../../../shared/contract';
import { localeOf } from '../../i18n';
import { CHANNEL_COLOR } from '../colors';
import { addMonths, monthWeeks, todayLocal } from '../dates';
import { ImportantMark } from '../ImportantMark';

/** A month of the plan, Monday first; each send-out a button on its day. */
export function MonthCalendar(props: { month: string; sendOuts: SendOutEntity[]; onMonth: (month: string) => void; onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const today = todayLocal();
  const weeks = monthWeeks(props.month);
  const byDay = new Map<string, SendOutEntity[]>();
  for (const s of props.sendOuts) if (s.plannedOn) byDay.set(s.plannedOn, [...(byDay.get(s.plannedOn) ?? []), s]);
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${props.month}-15T12:00:00Z`));
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dayLabel = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });

  return (
    <Stack gap="xs" data-testid="plan-calendar">
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" onClick={() => props.onMonth(addMonths(props.month, -1))} aria-label={t('communication.plan.previousMonth')}>
            ‹
          </ActionIcon>
          <Title order={3} style={{ minWidth: 200, textAlign: 'center', textTransform: 'capitalize' }} aria-live="polite" data-testid="plan-month">
            {monthName}
          </Title>
          <ActionIcon variant="default" size="lg" onClick={() => props.onMonth(addMonths(props.month, 1))} aria-label={t('communication.plan.nextMonth')}>
            ›
          </ActionIcon>
        </Group>
        <Button variant="subtle" onClick={() => props.onMonth(today.slice(0, 7))}>
          {t('communication.plan.thisMonth')}
        </Button>
      </Group>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {weeks[0].map((d) => (
          <Text key={d} size="sm" fw={600} c="dimmed" ta="center" style={{ textTransform: 'capitalize' }}>
            {weekday.format(new Date(`${d}T12:00:00Z`))}
          </Text>
        ))}
        {weeks.flat().map((d) => {
          const inMonth = d.startsWith(props.month);
          const items = byDay.get(d) ?? [];
          return (
            <Paper
              key={d}
              withBorder
              p={4}
              mih={92}
              bg={d === today ? 'var(--mantine-color-blue-0)' : inMonth ? undefined : 'var(--mantine-color-gray-0)'}
              aria-label={`${dayLabel.format(new Date(`${d}T12:00:00Z`))}${items.length ? ` – ${t('communication.plan.count', { count: items.length })}` : ''}`}
              role="group"
            >
              <Text size="sm" c={inMonth ? undefined : 'dimmed'} fw={d === today ? 700 : 400}>
                {Number(d.slice(8))}
              </Text>
              <Stack gap={2}>
                {items.map((s) => (
                  <UnstyledButton key={s.id} onClick={() => props.onOpen(s.id)} data-testid="plan-item" title={s.important ? `${s.title} (${t('communication.plan.important')})` : s.title}>
                    <Box>
                      <Badge
                        color={CHANNEL_COLOR[s.channel]}
                        variant={s.status === 'sent' ? 'outline' : s.status === 'idea' ? 'light' : 'filled'}
                        fullWidth
                        size="md"
                        radius="sm"
                        leftSection={s.important ? <ImportantMark compact /> : undefined}
                        styles={{ label: { textTransform: 'none', textAlign: 'left' } }}
                      >
                        {t(`communication.channels.${s.channel}`)}: {s.title}
                      </Badge>
                    </Box>
                  </UnstyledButton>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
