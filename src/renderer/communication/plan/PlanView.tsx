import { Alert, Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendOutEntity } from '../../../shared/contract';
import { bridge, call } from '../../api';
import { useErrorText } from '../../components/ErrorAlert';
import { monthRange, todayLocal } from '../dates';
import { uiLanguage } from '../language';
import { MonthCalendar } from './MonthCalendar';
import { PlanList } from './PlanList';
import { PanelHeader } from '../../components/PanelHeader';

/** The plan: a month calendar or the whole list, a new send-out, and the plan as a calendar file. */
export function PlanView(props: { onOpen: (id: number) => void; onNew: () => void; month: string; onMonth: (m: string) => void; view: 'calendar' | 'list'; onView: (v: 'calendar' | 'list') => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [sendOuts, setSendOuts] = useState<SendOutEntity[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    call('sendOuts.list', {})
      .then((list) => {
        setSendOuts(list);
        setError(null);
      })
      .catch((e) => setError(errorText(e, 'communication')));
  }, [errorText]);
  useEffect(load, [load]);

  const exportPlan = async () => {
    const language = uiLanguage(i18n.language);
    try {
      const path = await bridge.host.pickSavePath({
        title: t('communication.plan.icsTitle'),
        defaultName: `${t('communication.plan.icsName')} ${todayLocal()}.ics`,
        filters: [{ name: t('communication.plan.icsFilter'), extensions: ['ics'] }],
      });
      if (!path) return;
      const r = await call('sendOuts.exportPlan', { path, language });
      notifications.show({ color: 'teal', message: t('communication.plan.icsDone', { count: r.events, path: r.path }) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e, 'communication') });
    }
  };

  const visible = sendOuts ?? [];
  const { from, to } = monthRange(props.month);
  const undated = visible.filter((s) => !s.plannedOn);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PanelHeader title={t('communication.plan.title')} intro={t('communication.plan.intro')} />
        <Group>
          <Button variant="default" onClick={() => void exportPlan()}>
            {t('communication.plan.ics')}
          </Button>
          <Button onClick={props.onNew} data-testid="new-send-out">
            {t('communication.plan.new')}
          </Button>
        </Group>
      </Group>
      <SegmentedControl
        w={320}
        value={props.view}
        onChange={(v) => props.onView(v as 'calendar' | 'list')}
        data={[
          { value: 'calendar', label: t('communication.plan.calendar') },
          { value: 'list', label: t('communication.plan.list') },
        ]}
        aria-label={t('communication.plan.viewLabel')}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {props.view === 'calendar' ? (
        <>
          <MonthCalendar month={props.month} sendOuts={visible.filter((s) => s.plannedOn && s.plannedOn >= from && s.plannedOn <= to)} onMonth={props.onMonth} onOpen={props.onOpen} />
          {undated.length > 0 && (
            <Stack gap={4}>
              <Title order={4}>{t('communication.plan.ideas')}</Title>
              <PlanList sendOuts={undated} onOpen={props.onOpen} />
            </Stack>
          )}
        </>
      ) : (
        <PlanList sendOuts={visible} onOpen={props.onOpen} />
      )}
    </Stack>
  );
}
