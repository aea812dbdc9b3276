import { Alert, Button, Group, List, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptOutListResult } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';

/** Opt-outs from a pasted list (a gateway's "STOP" replies): checked first, then recorded. */
export function OptOutsPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<OptOutListResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (apply: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('optOuts.pasteList', { text, apply, skipUnknown: apply });
      if (apply) {
        notifications.show({ color: 'teal', message: t('communication.optOuts.done', { count: r.recorded }) });
        setPreview(null);
        setText('');
      } else setPreview(r);
    } catch (e) {
      setError(errorText(e, 'communication'));
    } finally {
      setBusy(false);
    }
  };

  const newOnes = preview ? preview.entries.reduce((n, e) => n + e.members.length - e.already, 0) : 0;
  const skipped = preview ? preview.unknown.length + preview.invalid.length : 0;

  return (
    <Paper withBorder p="md" maw={900}>
      <Stack>
        <div>
          <Title order={3}>{t('communication.optOuts.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('communication.optOuts.intro')}
          </Text>
        </div>
        <Textarea
          label={t('communication.optOuts.paste')}
          description={t('communication.optOuts.pasteHelp')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPreview(null);
          }}
          autosize
          minRows={6}
          maxRows={16}
          data-testid="opt-out-text"
        />
        <Group>
          <Button onClick={() => void run(false)} loading={busy && !preview} disabled={!text.trim()}>
            {t('communication.optOuts.check')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {preview && (
          <Stack gap="sm" data-testid="opt-out-preview">
            {preview.entries.length > 0 && (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('communication.optOuts.value')}</Table.Th>
                    <Table.Th>{t('communication.optOuts.channel')}</Table.Th>
                    <Table.Th>{t('communication.optOuts.members')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.entries.map((e) => (
                    <Table.Tr key={`${e.channel}:${e.value}`}>
                      <Table.Td>{e.value}</Table.Td>
                      <Table.Td>{t(`communication.optOuts.channels.${e.channel}`)}</Table.Td>
                      <Table.Td>
                        {e.members.map((m) => `${m.firstName} ${m.lastName}`).join(', ')}
                        {e.already > 0 && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('communication.optOuts.already', { count: e.already })})
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.unknown.length > 0 && (
              <Alert color="orange" title={t('communication.optOuts.unknownTitle', { count: preview.unknown.length })} data-testid="opt-out-unknown">
                <List size="sm">
                  {preview.unknown.map((u) => (
                    <List.Item key={u}>{u}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {preview.invalid.length > 0 && (
              <Alert color="orange" title={t('communication.optOuts.invalidTitle', { count: preview.invalid.length })}>
                <List size="sm">
                  {preview.invalid.map((u) => (
                    <List.Item key={u}>{u}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group>
              <Button onClick={() => void run(true)} loading={busy} disabled={newOnes === 0} data-testid="opt-out-apply">
                {t('communication.optOuts.apply', { count: newOnes })}
              </Button>
              {skipped > 0 && <Text size="sm" c="dimmed">{t('communication.optOuts.skipped', { count: skipped })}</Text>}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
