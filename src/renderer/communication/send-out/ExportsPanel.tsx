import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FILE_KINDS_BY_CHANNEL, type SendOutEntity, type SendOutExportResult, type SendOutFileEntry, type SendOutFileKind } from '../../../shared/contract';
import { bridge, call } from '../../api';
import { useErrorText } from '../../components/ErrorAlert';
import { useMoney } from '../../dues/money';
import { useFormat } from '../../member/format';
import { uiLanguage } from '../language';
import { BccModal } from './BccModal';

const EXTENSION: Record<SendOutFileKind, string> = {
  smsCsv: 'csv', smsNumbers: 'txt', emailCsv: 'csv', bcc: 'txt', letters: 'pdf', newsletterHtml: 'html', newsletterPdf: 'pdf',
};

/** The files a gateway, a mail tool or the printer needs; each written whole or not at all. */
export function ExportsPanel(props: {
  send: SendOutEntity & { files: SendOutFileEntry[] };
  dirty: boolean;
  bccDefault: number;
  currency: 'SEK' | 'NOK';
  onExported: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const money = useMoney(props.currency);
  const fmt = useFormat();
  const [busy, setBusy] = useState<SendOutFileKind | null>(null);
  const [done, setDone] = useState<SendOutExportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [chunk, setChunk] = useState<number>(props.bccDefault);
  const [bccOpen, setBccOpen] = useState(false);
  const s = props.send;
  const kinds = FILE_KINDS_BY_CHANNEL[s.channel].filter((k) => k !== 'letters' || s.channel === 'letter' || s.paperForOthers);
  const locked = s.status === 'sent';

  const run = async (kind: SendOutFileKind) => {
    setFailure(null);
    setDone(null);
    const language = uiLanguage(i18n.language);
    try {
      const { name } = await call('sendOuts.defaultName', { id: s.id, kind, language });
      const path = await bridge.host.pickSavePath({
        title: t(`communication.files.kinds.${kind}`),
        defaultName: name,
        filters: [{ name: t(`communication.files.filters.${EXTENSION[kind]}`), extensions: [EXTENSION[kind]] }],
      });
      if (!path) return;
      setBusy(kind);
      const r = await call('sendOuts.export', { id: s.id, kind, path, language, ...(kind === 'bcc' ? { bccChunkSize: chunk } : {}) });
      setDone(r);
      props.onExported();
    } catch (e) {
      setFailure(errorText(e, 'communication'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="files-title">
      <Stack gap="sm">
        <Title order={3} id="files-title">
          {t('communication.files.title')}
        </Title>
        {props.dirty ? (
          <Alert color="yellow">{t('communication.files.saveFirst')}</Alert>
        ) : locked ? (
          <Text c="dimmed">{t('communication.files.sentLocked')}</Text>
        ) : (
          kinds.map((k) => (
            <Group key={k} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text fw={500}>{t(`communication.files.kinds.${k}`)}</Text>
                <Text size="sm" c="dimmed">
                  {t(`communication.files.help.${k}`)}
                </Text>
                {k === 'bcc' && (
                  <Group gap="xs" mt={4} align="flex-end">
                    <NumberInput label={t('communication.files.chunkSize')} value={chunk} onChange={(v) => typeof v === 'number' && setChunk(v)} min={1} max={1000} w={160} size="xs" />
                    <Button size="xs" variant="light" onClick={() => setBccOpen(true)}>
                      {t('communication.files.showBcc')}
                    </Button>
                  </Group>
                )}
              </div>
              <Button variant="light" onClick={() => void run(k)} loading={busy === k} disabled={busy !== null && busy !== k} data-testid={`export-${k}`} style={{ flexShrink: 0 }}>
                {t('communication.files.save')}
              </Button>
            </Group>
          ))
        )}
        {failure && (
          <Alert color="red" role="alert" data-testid="export-error">
            {failure}
          </Alert>
        )}
        {done && (
          <Alert color="teal" role="status" data-testid="export-done">
            <Stack gap={4}>
              {done.messages > 0 && <Text size="sm">{t('communication.files.done', { messages: t('communication.files.doneMessages', { count: done.messages }), people: t('communication.files.doneMembers', { count: done.people }) })}</Text>}
              {done.sms && (
                <Text size="sm" data-testid="export-sms-stats">
                  {t('communication.files.smsStats', { count: done.sms.segments, max: done.sms.maxSegments })}
                  {done.sms.ucs2Messages > 0 && ` ${t('communication.files.ucs2Stats', { count: done.sms.ucs2Messages })}`}
                  {done.sms.cost > 0 && ` ${t('communication.files.cost', { cost: money(done.sms.cost) })}`}
                </Text>
              )}
              {done.paths.map((p) => (
                <Stack key={p} gap={2} align="flex-start">
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {p}
                  </Text>
                  <Button size="compact-xs" variant="white" onClick={() => void bridge.host.showInFolder(p)}>
                    {t('communication.files.showInFolder')}
                  </Button>
                </Stack>
              ))}
            </Stack>
          </Alert>
        )}
        {s.files.length > 0 && (
          <Stack gap={4}>
            <Title order={5}>{t('communication.files.written')}</Title>
            {/* Stacked lines, not a table: the panel is narrow and file names are long. */}
            <Stack gap={6} data-testid="file-log">
              {s.files.map((f) => (
                <div key={f.id}>
                  <Text size="sm" fw={500}>
                    {t(`communication.files.kinds.${f.kind}`)}
                    {f.messages > 0 && <Text span size="sm" c="dimmed">{` · ${t('communication.files.messages', { count: f.messages })}`}</Text>}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {fmt.time(f.at)} · {f.fileName || t('communication.files.onScreen')}
                  </Text>
                </div>
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
      <BccModal opened={bccOpen} onClose={() => setBccOpen(false)} id={s.id} chunkSize={chunk} onShown={props.onExported} />
    </Paper>
  );
}
