import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoicePersonRef, MandateAdviceResult, MandateEntity, MandatesList } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { ConfirmDialog } from '../dues/runs/ConfirmDialog';
import { useFormat } from '../member/format';
import { pickBankFile, pickSavePath } from './files';
import { RequestMandateModal } from './RequestMandateModal';
import { SavedFile } from '../components/SavedFile';
import { Failure } from './Failure';

const STATE_COLORS: Record<MandateEntity['status'], string> = { requested: 'yellow', active: 'teal', cancelled: 'gray', rejected: 'red' };

/**
 * Autogiro mandates: who has one and in what state, what waits for the next file, Bankgirot's
 * answer; request and cancel; write the mandate file; read the mandate advice.
 */
export function MandatesCard({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errorText = useErrorText();
  const [list, setList] = useState<MandatesList | null>(null);
  const [requestFor, setRequestFor] = useState<{ member: InvoicePersonRef | null } | null>(null);
  const [cancelling, setCancelling] = useState<MandateEntity | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ text: string; path: string } | null>(null);
  const [advice, setAdvice] = useState<MandateAdviceResult | null>(null);

  useEffect(() => {
    call('directDebit.mandates', {}).then(setList, () => setList(null));
  }, [version]);

  const act = async (fn: () => Promise<void>) => {
    setFailure(null);
    setSaved(null);
    setAdvice(null);
    try {
      await fn();
    } catch (err) {
      setFailure(errorText(err, 'treasury'));
    }
  };

  const makeFile = () =>
    act(async () => {
      const path = await pickSavePath(t, 'autogiro-medgivanden', 'txt', 'Autogiro');
      if (!path) return;
      const r = await call('directDebit.mandateFile', { path });
      setSaved({ text: t('treasury.mandates.fileDone', { created: r.created, cancelled: r.cancelled, path: r.path }), path: r.path });
      onChanged();
    });

  const readAdvice = () =>
    act(async () => {
      const path = await pickBankFile(t);
      if (!path) return;
      setAdvice(await call('directDebit.importMandateAdvice', { path }));
      onChanged();
    });

  const cancel = async () => {
    if (!cancelling) return;
    setBusy(true);
    await act(async () => {
      await call('directDebit.cancelMandate', { memberId: cancelling.memberId });
      onChanged();
    });
    setBusy(false);
    setCancelling(null);
  };

  const waiting = list?.mandates.filter((m) => m.pending !== null).length ?? 0;
  const name = (m: InvoicePersonRef) => `${m.firstName} ${m.lastName}`;
  const state = (m: MandateEntity) => {
    if (m.pending) return t(`treasury.mandates.pending.${m.pending}`);
    if (m.status === 'requested' && m.sentOn) return t('treasury.mandates.awaiting');
    return null;
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="start">
          <Stack gap={2} maw={720}>
            <Title order={4}>{t('treasury.mandates.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('treasury.mandates.intro')}
            </Text>
          </Stack>
          <Button onClick={() => setRequestFor({ member: null })}>{t('treasury.mandates.request')}</Button>
        </Group>

        {list && list.withoutMandate.length > 0 && (
          <Alert color="orange" data-testid="without-mandate">
            <Stack gap="xs">
              <Text size="sm">{t('treasury.mandates.withoutMandate', { count: list.withoutMandate.length })}</Text>
              <Group gap="xs">
                {list.withoutMandate.map((m) => (
                  <Button key={m.memberId} size="xs" variant="white" onClick={() => setRequestFor({ member: m })}>
                    {t('treasury.mandates.requestFor', { name: name(m) })}
                  </Button>
                ))}
              </Group>
            </Stack>
          </Alert>
        )}

        {list && list.mandates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('treasury.mandates.none')}
          </Text>
        ) : (
          <Table striped withTableBorder data-testid="mandates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('treasury.member')}</Table.Th>
                <Table.Th>{t('treasury.mandates.payerNumber')}</Table.Th>
                <Table.Th>{t('treasury.status')}</Table.Th>
                <Table.Th>{t('treasury.mandates.answer')}</Table.Th>
                <Table.Th>{t('treasury.mandates.sentOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list?.mandates.map((m) => (
                <Table.Tr key={m.memberId} data-member={m.memberNumber} data-status={m.status}>
                  <Table.Td>{name(m)}</Table.Td>
                  <Table.Td>{m.payerNumber}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Badge color={STATE_COLORS[m.status]} variant="light" style={{ textTransform: 'none' }}>
                        {t(`treasury.mandates.states.${m.status}`)}
                      </Badge>
                      {state(m) && (
                        <Text size="xs" c="dimmed">
                          {state(m)}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {m.statusCode && (
                      <Text size="sm">
                        {t(`treasury.mandates.codes.${m.statusCode}`, { defaultValue: m.statusCode })} · {fmt.date(m.statusOn)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(m.sentOn)}</Table.Td>
                  <Table.Td>
                    {(m.status === 'requested' || m.status === 'active') && m.pending !== 'cancel' && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setCancelling(m)} aria-label={`${t('treasury.mandates.cancel')}: ${name(m)}`}>
                        {t('treasury.mandates.cancel')}
                      </Button>
                    )}
                    {(m.status === 'cancelled' || m.status === 'rejected') && (
                      <Button size="compact-sm" variant="subtle" onClick={() => setRequestFor({ member: m })} aria-label={t('treasury.mandates.requestFor', { name: name(m) })}>
                        {t('treasury.mandates.request')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        <Group align="center" gap="md">
          <Button variant="light" onClick={() => void makeFile()} disabled={waiting === 0}>
            {t('treasury.mandates.makeFile')}
          </Button>
          <Text size="sm" c="dimmed">
            {waiting ? t('treasury.mandates.makeFileHelp', { count: waiting }) : t('treasury.mandates.nothingWaiting')}
          </Text>
        </Group>
        <Group>
          <Button variant="light" onClick={() => void readAdvice()}>
            {t('treasury.mandates.importAdvice')}
          </Button>
        </Group>
        {saved && <SavedFile text={saved.text} path={saved.path} testId="mandate-file-done" />}
        {advice && (
          <Alert color="teal" role="status" data-testid="advice-done">
            <Text size="sm">{t('treasury.mandates.adviceDone', { activated: advice.activated, rejected: advice.rejected, cancelled: advice.cancelled, unchanged: advice.unchanged })}</Text>
            {advice.unknown.length > 0 && <Text size="sm">{t('treasury.mandates.unknown', { list: advice.unknown.join(', ') })}</Text>}
          </Alert>
        )}
        <Failure text={failure} />
      </Stack>

      <RequestMandateModal
        opened={requestFor !== null}
        member={requestFor?.member ?? null}
        onClose={() => setRequestFor(null)}
        onDone={() => {
          setRequestFor(null);
          onChanged();
        }}
      />
      <ConfirmDialog
        opened={cancelling !== null}
        title={t('treasury.mandates.cancelTitle')}
        confirm={t('treasury.mandates.cancelConfirm')}
        color="red"
        busy={busy}
        onCancel={() => setCancelling(null)}
        onConfirm={() => void cancel()}
      >
        {cancelling ? t('treasury.mandates.cancelBody', { name: name(cancelling) }) : ''}
      </ConfirmDialog>
    </Paper>
  );
}
