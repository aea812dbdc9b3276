import { Badge, Button, Center, Divider, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunicationSettings, RegisterInfo, SendOutEntity, SendOutFileEntry } from '../../../shared/contract';
import { call, errorOf } from '../../api';
import { useErrorText } from '../../components/ErrorAlert';
import { useOpenMember } from '../../followups/useOpenMember';
import { CHANNEL_COLOR, STATUS_COLOR } from '../colors';
import { ImportantMark } from '../ImportantMark';
import { DetailsFields, OptionFields } from './DetailsFields';
import { draftOf, newDraft, sameDraft, type Draft } from './draft';
import { ExportsPanel } from './ExportsPanel';
import { NewsletterEditor } from './NewsletterEditor';
import { RecipientsPanel } from './RecipientsPanel';
import { SentPanel } from './SentPanel';
import { SmsComposer } from './SmsComposer';
import { TextComposer } from './TextComposer';
import { useIssues } from './useIssues';
import { useRecipients } from './useRecipients';

type Saved = SendOutEntity & { files: SendOutFileEntry[] };

/** One send-out: what and to whom on the left, who it reaches, its files and "sent" on the right. */
export function SendOutPage(props: { id: number | null; info: RegisterInfo; onBack: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const issues = useIssues();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [draft, setDraft] = useState<Draft | null>(props.id === null ? newDraft() : null);
  const [settings, setSettings] = useState<CommunicationSettings | null>(null);
  const [busy, setBusy] = useState(false);
  // Bumped after an export or "sent", so the recipients (frequency window) are asked again.
  const [version, setVersion] = useState(0);

  const load = useCallback(
    async (id: number) => {
      try {
        const s = await call('sendOuts.get', { id });
        setSaved(s);
        setDraft(draftOf(s));
      } catch (e) {
        notifications.show({ color: 'red', message: errorText(e, 'communication') });
      }
    },
    [errorText],
  );
  useEffect(() => {
    if (props.id === null) return;
    let live = true;
    call('sendOuts.get', { id: props.id }).then(
      (s) => {
        if (!live) return;
        setSaved(s);
        setDraft(draftOf(s));
      },
      (e) => notifications.show({ color: 'red', message: errorText(e, 'communication') }),
    );
    return () => {
      live = false;
    };
  }, [props.id, errorText]);
  useEffect(() => {
    call('sendOuts.settings', {}).then(setSettings, () => undefined);
  }, []);

  const recipients = useRecipients(draft ?? newDraft(), saved?.id ?? null, version);
  const { open, drawer } = useOpenMember(props.info, () => setVersion((v) => v + 1));

  if (!draft || (props.id !== null && !saved)) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }

  const locked = saved?.status === 'sent';
  // The newsletter's editor and preview need the whole width; the panels go below, side by side.
  const wide = draft.channel === 'newsletter';
  const dirty = !saved || !sameDraft(draftOf(saved), draft);
  const change = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = async (e?: React.FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    issues.clear();
    try {
      const s = await call('sendOuts.save', { ...(saved ? { id: saved.id } : {}), ...draft });
      notifications.show({ color: 'teal', message: t('communication.editor.saved') });
      // A new send-out opens as saved (the page is mounted again for it).
      if (!saved) props.onSaved(s.id);
      else await load(s.id);
    } catch (err) {
      const apiError = errorOf(err);
      if (!issues.take(apiError)) notifications.show({ color: 'red', message: errorText(apiError, 'communication') });
    } finally {
      setBusy(false);
    }
  };

  const remove = () =>
    saved &&
    modals.openConfirmModal({
      title: t('communication.editor.delete'),
      children: <Text size="sm">{t('communication.editor.deleteConfirm', { title: saved.title })}</Text>,
      labels: { confirm: t('communication.editor.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('sendOuts.delete', { id: saved.id })
          .then(() => props.onBack())
          .catch((err) => notifications.show({ color: 'red', message: errorText(err, 'communication') })),
    });

  const body = (() => {
    const error = issues.at('body');
    switch (draft.channel) {
      case 'sms':
        return (
          <SmsComposer
            value={draft.body}
            onChange={(b) => change({ body: b })}
            summary={recipients.summary}
            pricePerSegment={settings?.smsPricePerSegment ?? 0}
            currency={props.info.currency}
            locked={locked}
            error={error}
          />
        );
      case 'newsletter':
        return <NewsletterEditor value={draft.body} onChange={(b) => change({ body: b })} locked={locked} error={error} />;
      default:
        return <TextComposer value={draft.body} onChange={(b) => change({ body: b })} label={t(`communication.compose.${draft.channel}`)} locked={locked} error={error} />;
    }
  })();

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="subtle" onClick={props.onBack} data-testid="back-to-plan">
            ← {t('communication.editor.back')}
          </Button>
          <Title order={2} data-testid="send-out-title">
            {saved ? saved.title : t('communication.editor.newTitle')}
          </Title>
          {saved && (
            <>
              <Badge color={CHANNEL_COLOR[saved.channel]} variant="light">
                {t(`communication.channels.${saved.channel}`)}
              </Badge>
              <Badge color={STATUS_COLOR[saved.status]} data-testid="send-out-status">
                {t(`communication.statuses.${saved.status}`)}
              </Badge>
              {saved.important && <ImportantMark />}
            </>
          )}
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: wide ? 12 : 7 }}>
          <form onSubmit={(e) => void save(e)} aria-label={t('communication.editor.formLabel')}>
            <Paper withBorder p="md">
              <Stack gap="md">
                <DetailsFields draft={draft} onChange={change} locked={locked} issues={issues} />
                {body}
                <Divider label={t('communication.editor.options')} labelPosition="left" />
                <OptionFields draft={draft} onChange={change} locked={locked} frequencyDefault={recipients.summary?.frequencyDefault ?? settings?.frequencyLimit ?? 2} />
                {!locked && (
                  <Group justify="space-between">
                    <Button type="submit" loading={busy} disabled={!dirty && !!saved} data-testid="save-send-out">
                      {t('communication.editor.save')}
                    </Button>
                    {saved && (
                      <Button variant="subtle" color="red" onClick={remove}>
                        {t('communication.editor.delete')}
                      </Button>
                    )}
                  </Group>
                )}
                {locked && <Text c="dimmed">{t('communication.editor.locked')}</Text>}
                {saved?.status === 'exported' && dirty && <Text size="sm" c="orange.8">{t('communication.editor.staleFiles')}</Text>}
              </Stack>
            </Paper>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: wide ? 12 : 5 }}>
          <SimpleGrid cols={{ base: 1, lg: wide ? 3 : 1 }} spacing="md">
            <RecipientsPanel summary={recipients.summary} error={recipients.error} busy={recipients.busy} onOpenMember={open} />
            {saved && (
              <ExportsPanel
                send={saved}
                dirty={dirty}
                bccDefault={settings?.bccChunkSize ?? 50}
                currency={props.info.currency}
                onExported={() => {
                  void load(saved.id);
                  setVersion((v) => v + 1);
                }}
              />
            )}
            {saved && (
              <SentPanel
                send={saved}
                dirty={dirty}
                onChanged={() => {
                  void load(saved.id);
                  setVersion((v) => v + 1);
                }}
              />
            )}
          </SimpleGrid>
        </Grid.Col>
      </Grid>
      {drawer}
    </Stack>
  );
}
