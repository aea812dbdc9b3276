import { Alert, Button, Checkbox, Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity, SegmentEntity } from '../../shared/contract';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_KINDS, LABEL_SHEETS, type ExportFormat, type ExportKind, type ExportResult, type LabelSheet } from '../../shared/contract/exports';
import { bridge, call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { SavedFile } from '../components/SavedFile';
import { ColumnPicker } from './ColumnPicker';
import { FORMATS, runExport } from './runExport';

const EXTENSIONS: Record<ExportFormat, string[]> = { csv: ['csv'], xlsx: ['xlsx'], pdf: ['pdf'], vcf: ['vcf'] };

/** Today in the computer's own time zone, as the date field wants it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Choose what, for whom, which columns and file type; then a save dialog, the export, and "show in folder". */
export function ExportForm({ onExported }: { onExported: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [segments, setSegments] = useState<SegmentEntity[]>([]);
  const [fields, setFields] = useState<CustomFieldEntity[]>([]);
  const [kind, setKind] = useState<ExportKind>('contactList');
  const [segmentId, setSegmentId] = useState<string>('');
  const [columns, setColumns] = useState<string[]>(DEFAULT_EXPORT_COLUMNS);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [on, setOn] = useState(today);
  const [sheet, setSheet] = useState<LabelSheet>('3x8');
  const [perHousehold, setPerHousehold] = useState(true);
  // Dues years with invoices: the roll may then require the year's dues paid.
  const [duesYears, setDuesYears] = useState<number[]>([]);
  const [paidFor, setPaidFor] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
    call('customFields.list', {}).then(setFields, () => setFields([]));
    call('dues.years', {}).then(
      (years) => setDuesYears(years.filter((y) => y.invoices > 0).map((y) => y.year).sort((a, b) => b - a)),
      () => setDuesYears([]),
    );
  }, []);

  const chooseKind = (k: ExportKind) => {
    setKind(k);
    setFormat(FORMATS[k][0]);
  };

  const needsColumns = kind === 'contactList' || kind === 'memberList';
  const language = (['sv', 'nb', 'en'] as const).find((l) => l === i18n.language) ?? 'sv';
  const segment = segmentId ? { id: Number(segmentId) } : undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (needsColumns && !columns.length) return;
    setFailure(null);
    setDone(null);
    try {
      const { name } = await call('exports.defaultName', { kind, format, segment, on: kind === 'roll' ? on : undefined, language });
      const path = await bridge.host.pickSavePath({
        title: t('exports.pickTitle'),
        defaultName: name,
        filters: [{ name: t(`exports.formats.${format}`), extensions: EXTENSIONS[format] }],
      });
      if (!path) return;
      setBusy(true);
      const result = await runExport(path, { kind, segment, columns, format, on, paidFor: paidFor ?? undefined, sheet, perHousehold, language });
      setDone(result);
      onExported();
    } catch (err) {
      setFailure(errorText(err, 'exports'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={t('exports.title')}>
      <Stack gap="md" maw={820}>
        <Radio.Group label={t('exports.what')} value={kind} onChange={(v) => chooseKind(v as ExportKind)}>
          <Stack gap={6} mt="xs">
            {EXPORT_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`exports.kinds.${k}`)} description={k === kind ? t(`exports.kindHelp.${k}`) : undefined} />
            ))}
          </Stack>
        </Radio.Group>

        <Select
          label={t('exports.who')}
          value={segmentId}
          onChange={(v) => setSegmentId(v ?? '')}
          allowDeselect={false}
          data={[{ value: '', label: t('exports.everyone') }, ...segments.map((s) => ({ value: String(s.id), label: s.name }))]}
          maw={400}
        />

        {kind === 'roll' && <TextInput type="date" label={t('exports.rollOn')} value={on} onChange={(e) => setOn(e.currentTarget.value)} required maw={220} />}
        {kind === 'roll' && duesYears.length > 0 && (
          <Group align="end">
            <Checkbox
              label={t('exports.rollPaidOnly')}
              checked={paidFor !== null}
              onChange={(e) => setPaidFor(e.currentTarget.checked ? (duesYears.find((y) => String(y) === on.slice(0, 4)) ?? duesYears[0]) : null)}
              mb={8}
            />
            {paidFor !== null && (
              <Select
                label={t('exports.rollPaidYear')}
                value={String(paidFor)}
                onChange={(v) => v && setPaidFor(Number(v))}
                allowDeselect={false}
                data={duesYears.map((y) => String(y))}
                w={140}
              />
            )}
          </Group>
        )}

        {needsColumns && <ColumnPicker value={columns} onChange={setColumns} fields={fields} />}

        {kind === 'labels' && (
          <Group align="end">
            <Select
              label={t('exports.sheet')}
              value={sheet}
              onChange={(v) => v && setSheet(v as LabelSheet)}
              allowDeselect={false}
              data={LABEL_SHEETS.map((s) => ({ value: s, label: t(`exports.sheets.${s}`) }))}
              w={300}
            />
            <Checkbox label={t('exports.perHousehold')} checked={perHousehold} onChange={(e) => setPerHousehold(e.currentTarget.checked)} mb={8} />
          </Group>
        )}

        {FORMATS[kind].length > 1 && (
          <Radio.Group label={t('exports.format')} value={format} onChange={(v) => setFormat(v as ExportFormat)}>
            <Group mt="xs">
              {FORMATS[kind].map((f) => (
                <Radio key={f} value={f} label={t(`exports.formats.${f}`)} />
              ))}
            </Group>
          </Radio.Group>
        )}

        <Group>
          <Button type="submit" loading={busy} disabled={needsColumns && !columns.length}>
            {t('exports.export')}
          </Button>
        </Group>

        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {done && <SavedFile text={t('exports.done', { count: done.people, path: done.path })} path={done.path} testId="export-done" />}
      </Stack>
    </form>
  );
}
