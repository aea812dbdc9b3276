import { Alert, Button, Checkbox, Divider, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceRunEntity, InvoiceRunPreview, MembershipTypeEntity, RegisterInfo } from '../../../shared/contract';
import { call } from '../../api';
import { todayIso } from '../../bulk/today';
import type { DuesTab } from '../../sections/dues';
import { typeName as typeLabel } from '../../setup/typeName';
import { LettersButton } from '../letters/LettersButton';
import { LettersJobs } from '../letters/LettersJobCard';
import { useMoney } from '../money';
import { BlockingList } from './BlockingList';
import { ConfirmDialog } from './ConfirmDialog';
import { CreditNotes } from './CreditNotes';
import { useRunsErrors } from './errors';
import { Exclusions } from './Exclusions';
import { PreviewInvoices } from './PreviewInvoices';
import { RunsList, useRunLetters } from './RunsList';
import { useDuesYear, validYear } from './useDuesYear';
import { YearField } from './YearField';
import { PanelHeader } from '../../components/PanelHeader';

/** How many invoices and exclusions the preview lists by name (the totals always count everyone). */
const PREVIEW_LIMIT = 300;

/**
 * The invoice run: choose the year and invoice date, look at the preview (who gets what, who is
 * left out and why, what must be filled in first), create the invoices after a confirmation
 * with the count and total, then make the letters. The year's runs and credit notes below.
 */
export function InvoiceRunPanel({ info, goTo }: { info: RegisterInfo; goTo?: (tab: DuesTab) => void }) {
  const { t } = useTranslation();
  const money = useMoney(info.currency);
  const errors = useRunsErrors();
  const [year, setYear] = useDuesYear(info.path);
  const [invoiceDate, setInvoiceDate] = useState(todayIso);
  const [includeCredited, setIncludeCredited] = useState(false);
  const [preview, setPreview] = useState<InvoiceRunPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [created, setCreated] = useState<InvoiceRunEntity | null>(null);
  const [runs, setRuns] = useState<InvoiceRunEntity[]>([]);
  const [types, setTypes] = useState<MembershipTypeEntity[]>([]);
  const [version, setVersion] = useState(0);
  const runLetters = useRunLetters();

  useEffect(() => {
    call('membershipTypes.list', { includeArchived: true }).then(setTypes, () => setTypes([]));
  }, []);

  useEffect(() => {
    if (!validYear(year)) return;
    let live = true;
    call('dues.runs', { year }).then(
      (r) => live && setRuns(r),
      () => live && setRuns([]),
    );
    return () => {
      live = false;
    };
  }, [year, version]);

  const typeName = useCallback(
    (id: number) => {
      const type = types.find((x) => x.id === id);
      return type ? typeLabel(t, type) : `#${id}`;
    },
    [types, t],
  );

  // A preview is for the year and date it was made with: any change asks for a new one.
  const changed = (apply: () => void) => {
    apply();
    setPreview(null);
    setFailure(null);
  };

  const showPreview = async () => {
    setLoading(true);
    setFailure(null);
    setCreated(null);
    try {
      setPreview(await call('dues.preview', { year, invoiceDate, includeCredited, limit: PREVIEW_LIMIT }));
    } catch (e) {
      setPreview(null);
      setFailure(errors.error(e));
    } finally {
      setLoading(false);
    }
  };

  const run = async () => {
    setRunning(true);
    try {
      const made = await call('dues.run', { year, invoiceDate, includeCredited });
      setCreated(made);
      setPreview(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setFailure(errors.error(e));
    } finally {
      setRunning(false);
      setConfirming(false);
    }
  };

  const canRun = preview !== null && preview.blocking.length === 0 && preview.invoiceCount > 0;

  return (
    <Stack gap="lg" p="md" maw={1100}>
      <PanelHeader title={t('duesRuns.run.title')} intro={t('duesRuns.run.intro')} />

      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void showPreview();
          }}
          aria-label={t('duesRuns.run.title')}
        >
          <Stack gap="sm">
            <Group align="end" gap="md">
              <YearField year={year} onYear={(y) => changed(() => setYear(y))} />
              <TextInput
                type="date"
                label={t('duesRuns.run.invoiceDate')}
                value={invoiceDate}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  changed(() => setInvoiceDate(v));
                }}
                w={190}
                required
              />
              <Button type="submit" loading={loading} disabled={!validYear(year) || !invoiceDate}>
                {preview ? t('duesRuns.run.refresh') : t('duesRuns.run.preview')}
              </Button>
            </Group>
            <Checkbox label={t('duesRuns.run.includeCredited')} checked={includeCredited} onChange={(e) => {
              const v = e.currentTarget.checked;
              changed(() => setIncludeCredited(v));
            }} />
          </Stack>
        </form>
      </Paper>

      {failure && (
        <Alert color="red" role="alert" data-testid="run-failure">
          {failure}
        </Alert>
      )}

      {created && (
        <Alert color="teal" role="status" data-testid="run-created">
          <Stack gap="xs" align="start">
            <Text>{t('duesRuns.run.created', { count: created.invoices, first: created.firstNumber, last: created.lastNumber })}</Text>
            <LettersButton target={runLetters(created, runs.length > 1)} />
          </Stack>
        </Alert>
      )}

      {preview && (
        <Stack gap="lg" data-testid="run-preview">
          {preview.blocking.length > 0 && <BlockingList issues={preview.blocking} typeName={typeName} goTo={goTo} />}
          <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
            <Group justify="space-between" align="center">
              <Stack gap={2}>
                <Text size="lg" fw={700} data-testid="run-summary">
                  {t('duesRuns.run.summary', { count: preview.invoiceCount, total: money(preview.total) })}
                </Text>
                {preview.carriedTotal > 0 && <Text size="sm">{t('duesRuns.run.carried', { amount: money(preview.carriedTotal) })}</Text>}
                {preview.notPrintableCount > 0 && <Text size="sm">{t('duesRuns.run.notPrintable', { count: preview.notPrintableCount })}</Text>}
              </Stack>
              <Button size="md" onClick={() => setConfirming(true)} disabled={!canRun}>
                {t('duesRuns.run.create')}
              </Button>
            </Group>
          </Paper>
          <PreviewInvoices preview={preview} />
          <Exclusions preview={preview} />
        </Stack>
      )}

      <ConfirmDialog
        opened={confirming}
        title={t('duesRuns.run.confirmTitle')}
        confirm={t('duesRuns.run.confirm', { count: preview?.invoiceCount ?? 0 })}
        busy={running}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run()}
      >
        {t('duesRuns.run.confirmBody', { count: preview?.invoiceCount ?? 0, total: money(preview?.total ?? 0) })}
      </ConfirmDialog>

      <Divider />
      <LettersJobs match={(k) => k.startsWith('run:')} />
      <RunsList year={year} runs={runs} currency={info.currency} />
      <Divider />
      {validYear(year) && <CreditNotes year={year} currency={info.currency} version={version} />}
    </Stack>
  );
}
