import { Alert, Button, Divider, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STRIKE_OFF_REASONS, type RegisterInfo, type StrikeOffEntity, type StrikeOffProposal, type StrikeOffReason } from '../../../shared/contract';
import { bridge, call, errorOf } from '../../api';
import { todayIso } from '../../bulk/today';
import { useFormat } from '../../member/format';
import { useMoney } from '../money';
import { ConfirmDialog } from '../runs/ConfirmDialog';
import { useRunsErrors } from '../runs/errors';
import { YearField } from '../runs/YearField';
import { useDuesYear, validYear } from '../runs/useDuesYear';
import { ProposalTable } from './ProposalTable';
import { StruckOffList } from './StruckOffList';
import { PanelHeader } from '../../components/PanelHeader';

type Proposal = { kind: 'ready'; proposal: StrikeOffProposal } | { kind: 'noRound' } | { kind: 'loading' };

/**
 * Strike-off after the last reminder round: the proposal (members still owing), the PDF list for
 * the board, the board's decision (date, reason, note) confirmed with the count, and the year's
 * strike-offs with Undo.
 */
export function StrikeOffPanel({ info }: { info: RegisterInfo }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(info.currency);
  const { date } = useFormat();
  const errors = useRunsErrors();
  const [year, setYear] = useDuesYear(info.path);
  const [state, setState] = useState<Proposal>({ kind: 'loading' });
  // Who the treasurer took out of the decision: kept across reloads, so approving some never
  // quietly re-chooses the ones left out.
  const [unchosen, setUnchosen] = useState<Set<number>>(new Set());
  const [entries, setEntries] = useState<StrikeOffEntity[]>([]);
  const [on, setOn] = useState(todayIso);
  const [reason, setReason] = useState<StrikeOffReason>('unpaid');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [pdfBusy, setPdfBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; path?: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; text: string } | null>(null);
  const [version, setVersion] = useState(0);

  const proposal = state.kind === 'ready' ? state.proposal : null;
  const chosen = new Set((proposal?.rows ?? []).map((r) => r.member.memberId).filter((id) => !unchosen.has(id)));
  const setChosen = (next: Set<number>) => setUnchosen(new Set((proposal?.rows ?? []).map((r) => r.member.memberId).filter((id) => !next.has(id))));

  useEffect(() => {
    if (!validYear(year)) return;
    let live = true;
    call('dues.strikeOffProposal', { year }).then(
      (proposal) => {
        if (!live) return;
        setState({ kind: 'ready', proposal });
      },
      (e: unknown) => {
        if (!live) return;
        const err = errorOf(e);
        if (err.details?.reason === 'no-reminder-round-run') setState({ kind: 'noRound' });
        else {
          setState({ kind: 'loading' });
          setFailure(errors.error(e));
        }
      },
    );
    call('dues.strikeOffs', { year }).then(
      (list) => live && setEntries(list),
      () => live && setEntries([]),
    );
    return () => {
      live = false;
    };
  }, [year, version, errors]);

  const reload = () => setVersion((v) => v + 1);

  const savePdf = async () => {
    setNotice(null);
    setFailure(null);
    const path = await bridge.host.pickSavePath({
      title: t('duesRuns.strikeOff.pdfTitle'),
      defaultName: `${t('duesRuns.strikeOff.pdfName', { year })}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!path) return;
    setPdfBusy(true);
    try {
      const language = (['sv', 'nb', 'en'] as const).find((l) => l === i18n.language);
      const written = await call('dues.strikeOffPdf', { year, path, language });
      setNotice({ text: t('duesRuns.strikeOff.pdfDone', { count: written.people, path: written.path }), path: written.path });
    } catch (e) {
      setFailure(errors.error(e));
    } finally {
      setPdfBusy(false);
    }
  };

  const strikeOff = async () => {
    setBusy(true);
    setFieldError(null);
    try {
      const done = await call('dues.strikeOff', { year, memberIds: [...chosen], on, reason, note: note.trim() || null });
      setNotice({ text: t('duesRuns.strikeOff.done', { count: done.members.length }) });
      setNote('');
      reload();
    } catch (e) {
      const field = errorOf(e).details?.fields?.[0];
      if (field) setFieldError({ field: field.field, text: errors.code(field.code) });
      else setFailure(errors.error(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Stack gap="lg" p="md" maw={1000}>
      <PanelHeader title={t('duesRuns.strikeOff.title', { year })} intro={t('duesRuns.strikeOff.intro')} />
      <YearField year={year} onYear={setYear} />

      {failure && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)} closeButtonLabel={t('duesRuns.letters.dismiss')}>
          {failure}
        </Alert>
      )}
      {notice && (
        <Alert color="teal" role="status" data-testid="strike-off-notice" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('duesRuns.letters.dismiss')}>
          <Stack gap="xs" align="start">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {notice.text}
            </Text>
            {notice.path && (
              <Button size="xs" variant="default" onClick={() => void bridge.host.showInFolder(notice.path!)}>
                {t('duesRuns.letters.showInFolder')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}

      {state.kind === 'noRound' && <Alert color="gray">{t('duesRuns.strikeOff.noRound', { year })}</Alert>}

      {proposal && (
        <Stack gap="md">
          <Text fw={600} size="lg" data-testid="strike-off-summary">
            {proposal.rows.length === 0
              ? t('duesRuns.strikeOff.empty', { round: proposal.afterRound })
              : t('duesRuns.strikeOff.proposal', { round: proposal.afterRound, count: proposal.rows.length, owed: money(proposal.owedTotal) })}
          </Text>
          {proposal.rows.length > 0 && (
            <>
              <ProposalTable proposal={proposal} chosen={chosen} onChosen={setChosen} />
              <Group>
                <Button variant="light" onClick={() => void savePdf()} loading={pdfBusy}>
                  {t('duesRuns.strikeOff.pdf')}
                </Button>
              </Group>
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={4}>{t('duesRuns.strikeOff.approveTitle')}</Title>
                  <Group align="start" gap="md">
                    <TextInput
                      type="date"
                      label={t('duesRuns.strikeOff.on')}
                      value={on}
                      onChange={(e) => setOn(e.currentTarget.value)}
                      error={fieldError?.field === 'on' ? fieldError.text : undefined}
                      w={190}
                      required
                    />
                    <Select
                      label={t('duesRuns.strikeOff.reason')}
                      value={reason}
                      onChange={(v) => v && setReason(v as StrikeOffReason)}
                      allowDeselect={false}
                      data={STRIKE_OFF_REASONS.map((r) => ({ value: r, label: t(`duesRuns.strikeOff.reasons.${r}`) }))}
                      w={220}
                    />
                    <TextInput label={t('duesRuns.strikeOff.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} style={{ flex: 1 }} miw={220} />
                  </Group>
                  {fieldError && fieldError.field !== 'on' && (
                    <Text c="red" size="sm" role="alert">
                      {fieldError.text}
                    </Text>
                  )}
                  <Group>
                    <Button color="red" onClick={() => setConfirming(true)} disabled={chosen.size === 0 || !on}>
                      {t('duesRuns.strikeOff.approve', { count: chosen.size })}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            </>
          )}
        </Stack>
      )}

      <ConfirmDialog
        opened={confirming}
        title={t('duesRuns.strikeOff.confirmTitle')}
        confirm={t('duesRuns.strikeOff.confirm', { count: chosen.size })}
        color="red"
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void strikeOff()}
      >
        {t('duesRuns.strikeOff.confirmBody', { count: chosen.size, date: date(on), reason: t(`duesRuns.strikeOff.reasons.${reason}`) })}
      </ConfirmDialog>

      <Divider />
      <StruckOffList
        year={year}
        entries={entries}
        onChanged={(message, fail) => {
          if (message) setNotice({ text: message });
          setFailure(fail);
          reload();
        }}
      />
    </Stack>
  );
}
