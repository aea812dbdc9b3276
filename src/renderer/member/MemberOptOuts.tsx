import { Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPT_OUT_CHANNELS, type MemberPageEntity, type OptOutChannel, type OptOutEntity } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useFormat } from './format';

/** The member's "no send-outs by SMS / e-mail / post", recorded here or from a pasted list. */
export function MemberOptOuts({ page }: { page: MemberPageEntity }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fmt = useFormat();
  const memberId = page.member.id;
  const [optOuts, setOptOuts] = useState<OptOutEntity[] | null>(null);
  const [busy, setBusy] = useState<OptOutChannel | null>(null);

  const load = useCallback(() => {
    call('optOuts.member', { memberId }).then(setOptOuts, (e) => notifications.show({ color: 'red', message: errorText(e, 'communication') }));
  }, [memberId, errorText]);
  useEffect(load, [load]);

  const set = async (channel: OptOutChannel, optedOut: boolean) => {
    setBusy(channel);
    try {
      setOptOuts(await call('optOuts.set', { memberId, channel, optedOut }));
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e, 'communication') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="sm" data-testid="member-opt-outs">
      <Stack gap={6}>
        <Title order={5}>{t('communication.member.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('communication.member.intro')}
        </Text>
        <Group gap="lg">
          {OPT_OUT_CHANNELS.map((channel) => {
            const o = optOuts?.find((x) => x.channel === channel);
            return (
              <Stack key={channel} gap={0}>
                <Checkbox
                  label={t(`communication.member.channels.${channel}`)}
                  checked={Boolean(o)}
                  disabled={optOuts === null || busy !== null}
                  onChange={(e) => void set(channel, e.currentTarget.checked)}
                  name={`optOut-${channel}`}
                />
                {o && (
                  <Text size="xs" c="dimmed" ml={30}>
                    {t(`communication.member.since.${o.source}`, { date: fmt.date(o.on) })}
                  </Text>
                )}
              </Stack>
            );
          })}
        </Group>
      </Stack>
    </Paper>
  );
}
