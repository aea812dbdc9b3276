import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankFileInspection, BankFilePreview, CsvMapping, PaymentImportEntity, PaymentMethod, RegisterInfo } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { bridge, call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useMoney } from '../dues/money';
import { CsvMappingForm, type CsvColumns } from './CsvMapping';
import { PreviewSummary } from './PreviewSummary';

/** Pick a bank file → (a CSV's columns) → what importing will do → import. Nothing is booked before the last step. */
export function ImportPanel({ info, onImported, onReview }: { info: RegisterInfo; onImported: (r: PaymentImportEntity) => void; onReview: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const money = useMoney(info.currency);
  const [path, setPath] = useState<string | null>(null);
  const [inspection, setInspection] = useState<BankFileInspection | null>(null);
  const [columns, setColumns] = useState<CsvColumns | null>(null);
  const [method, setMethod] = useState<PaymentMethod>(info.country === 'NO' ? 'bank' : 'swish');
  const [csv, setCsv] = useState<CsvMapping | undefined>(undefined);
  const [preview, setPreview] = useState<BankFilePreview | null>(null);
  const [result, setResult] = useState<PaymentImportEntity | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const showPreview = (p: string, mapping: CsvMapping | undefined) =>
    run(async () => {
      setCsv(mapping);
      setPreview(await call('payments.preview', { path: p, csv: mapping, limit: 2000 }));
    });

  const pick = async () => {
    const p = await bridge.host.pickOpenPath({ title: t('payments.pickTitle'), filters: [{ name: 'BgMax, OCR, camt.054, camt.053, CSV, Excel', extensions: ['txt', 'dat', 'xml', 'csv', 'xlsx'] }] });
    if (!p) return;
    setPath(p);
    setPreview(null);
    setResult(null);
    setInspection(null);
    await run(async () => {
      const found = await call('payments.inspect', { path: p });
      setInspection(found);
      if (found.csv) setColumns(found.csv.suggested);
      else setPreview(await call('payments.preview', { path: p, limit: 2000 }));
    });
  };

  const headerRow = (row: number) =>
    run(async () => {
      const found = await call('payments.inspect', { path: path!, csv: { headerRow: row } });
      setInspection(found);
      if (found.csv) setColumns(found.csv.suggested);
    });

  const doImport = () =>
    run(async () => {
      const r = await call('payments.import', { path: path!, csv, hash: preview!.hash });
      setResult(r);
      setPreview(null);
      onImported(r);
    });

  return (
    <Stack gap="md" maw={1100}>
      <Text>{t('payments.intro')}</Text>
      <Group>
        <Button onClick={pick} loading={busy && !preview && !inspection} variant={preview || result ? 'default' : 'filled'}>
          {path ? t('payments.pickAgain') : t('payments.pick')}
        </Button>
        {inspection && <Text c="dimmed">{inspection.fileName}</Text>}
      </Group>
      {error && (
        <Alert color="red" role="alert" data-testid="payments-error" data-error-code={error.details?.fields?.[0]?.code ?? error.code}>
          {errorText(error, 'payments')}
        </Alert>
      )}
      {result && (
        <Alert color="teal" data-testid="payments-imported">
          <Stack gap="xs">
            <Text>{t('payments.imported', { booked: t('payments.importedParts.booked', { count: result.matched.count }), review: t('payments.importedParts.review', { count: result.review.count }) })}</Text>
            {result.review.count > 0 && (
              <Group>
                <Button onClick={onReview}>{t('payments.goToReview', { count: result.review.count })}</Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {inspection?.csv && columns && !result && (
        <CsvMappingForm info={inspection.csv} columns={columns} method={method} busy={busy} onColumns={setColumns} onMethod={setMethod} onHeaderRow={headerRow} onShow={(m) => showPreview(path!, m)} />
      )}
      {preview && (
        <>
          <PreviewSummary preview={preview} money={money} />
          <Group>
            <Button size="md" onClick={doImport} loading={busy} disabled={preview.alreadyImported !== null || preview.all.count === 0} data-testid="payments-import">
              {busy ? t('payments.importing') : t('payments.import', { count: preview.all.count - preview.duplicates.count })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
