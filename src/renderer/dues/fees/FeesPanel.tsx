import { Alert, Button, Center, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuesYearSummary, MembershipTypeEntity, RegisterInfo } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { call, errorOf } from '../../api';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert';
import { draftOf, dropDraft, keepDraft } from '../drafts';
import { useFieldIssues } from '../../components/useFieldIssues';
import { FeeRowCard } from './FeeRowCard';
import { feesInput, issueForRow, rowIncluded, rowsForNextYear, rowsFromFees, type FeeRow } from './form';

/** What the fee tab keeps of unsaved work when it is left. */
interface FeesDraft {
  year: number;
  rows: FeeRow[];
  fromYear: number | null;
}

/**
 * The fee schedule of one dues year, per membership type. Next year starts from this year's
 * schedule (every date a year on) and exists once it is saved; changes affect later runs only.
 */
export function FeesPanel({ info }: { info: RegisterInfo }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const thisYear = new Date().getFullYear();
  const draftKey = `${info.path}:dues-fees`;
  // What was typed before the tab was left comes back (see drafts.ts).
  const [draft] = useState(() => draftOf<FeesDraft>(draftKey));
  const [years, setYears] = useState<DuesYearSummary[]>([]);
  const [types, setTypes] = useState<MembershipTypeEntity[] | null>(null);
  const [year, setYear] = useState(draft?.year ?? thisYear);
  const [rows, setRows] = useState<FeeRow[] | null>(draft?.fromYear != null ? draft.rows : null);
  /** The rows as stored, to tell unsaved changes. */
  const [storedRows, setStoredRows] = useState<FeeRow[]>([]);
  const [saved, setSaved] = useState(false);
  /** Rows copied from the year before, not yet saved. */
  const [fromYear, setFromYear] = useState<number | null>(draft?.fromYear ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = useFieldIssues('dues');

  const loadYears = useCallback(() => call('dues.years', {}).then(setYears), []);
  useEffect(() => {
    Promise.all([loadYears(), call('members.types', {}).then(setTypes)]).catch((e) => setError(errorOf(e)));
  }, [loadYears]);

  useEffect(() => {
    if (!types || fromYear !== null) return;
    let live = true;
    call('dues.fees', { year })
      .then((fees) => {
        if (!live) return;
        const stored = rowsFromFees(year, types, fees, i18n.language);
        const kept = draftOf<FeesDraft>(draftKey);
        setStoredRows(stored);
        setRows(kept && kept.year === year && kept.fromYear === null ? kept.rows : stored);
        setSaved(fees.length > 0);
        issues.set([]);
      })
      .catch((e) => live && setError(errorOf(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on the year and types only; language changes keep the typed text
  }, [year, types, fromYear]);

  if (error) return <ErrorAlert error={error} />;
  if (!types || !rows) return <Center h={200}><Loader /></Center>;

  const hasFees = (y: number) => years.some((s) => s.year === y && s.hasFees);
  const yearOptions = [...new Set([thisYear, year, ...years.map((s) => s.year)])].sort((a, b) => b - a);
  const currencyLabel = t(`dues.currencyShort.${info.currency}`);
  const typeById = new Map(types.map((ty) => [ty.id, ty]));
  const canStartNext = fromYear === null && rows.some(rowIncluded) && !hasFees(year + 1);

  const dirty = fromYear !== null || JSON.stringify(rows) !== JSON.stringify(storedRows);
  const changeRows = (next: FeeRow[], from = fromYear, y = year) => {
    setRows(next);
    keepDraft<FeesDraft>(draftKey, { year: y, rows: next, fromYear: from });
  };
  const discard = () => {
    dropDraft(draftKey);
    issues.set([]);
    if (fromYear !== null) return pickYear(fromYear);
    setRows(storedRows);
  };

  const pickYear = (y: number) => {
    dropDraft(draftKey);
    setFromYear(null);
    setRows(null);
    setYear(y);
  };

  const startNextYear = () => {
    changeRows(rowsForNextYear(rows), year, year + 1);
    setFromYear(year);
    setYear(year + 1);
    setSaved(false);
    issues.set([]);
  };

  const save = async () => {
    const { fees, typeIds, issues: local } = feesInput(rows);
    if (local.length) {
      issues.set(local);
      return;
    }
    setBusy(true);
    try {
      const stored = rowsFromFees(year, types, await call('dues.saveFees', { year, fees }), i18n.language);
      dropDraft(draftKey);
      setFromYear(null);
      setRows(stored);
      setStoredRows(stored);
      setSaved(true);
      issues.set([]);
      await loadYears();
      notifications.show({ color: 'teal', message: t('dues.fees.saved', { year }) });
    } catch (e) {
      const err = errorOf(e);
      const fields = err.code === 'validation' || err.code === 'not-found' ? err.details?.fields : undefined;
      if (fields?.length) issues.set(fields.map((f) => ({ field: issueForRow(f.field, typeIds), code: f.code })));
      notifications.show({ color: 'red', message: errorText(err, 'dues') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      data-testid="dues-fees-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="md" maw={1000} pb="xl">
        <Stack gap={4}>
          <Title order={2}>{t('dues.fees.title')}</Title>
          <Text c="dimmed">{t('dues.fees.intro')}</Text>
        </Stack>
        <Group align="flex-end">
          <Select
            label={t('dues.fees.year')}
            data={yearOptions.map((y) => ({ value: String(y), label: hasFees(y) || y === year ? String(y) : t('dues.fees.yearEmpty', { year: y }) }))}
            value={String(year)}
            onChange={(v) => v && pickYear(Number(v))}
            allowDeselect={false}
            w={220}
            name="feesYear"
          />
          {canStartNext && (
            <Button variant="light" onClick={startNextYear} data-testid="fees-next-year">
              {t('dues.fees.startNext', { next: year + 1, year })}
            </Button>
          )}
        </Group>
        {fromYear !== null ? (
          <Alert color="blue" data-testid="fees-copied">{t('dues.fees.copied', { year, from: fromYear })}</Alert>
        ) : (
          !saved && <Alert color="yellow">{t('dues.fees.none', { year })}</Alert>
        )}
        {rows.length === 0 && <Text>{t('dues.fees.noTypes')}</Text>}
        {rows.map((r, i) => {
          const type = typeById.get(r.typeId);
          return (
            type && (
              <FeeRowCard
                key={r.typeId}
                type={type}
                row={r}
                currencyLabel={currencyLabel}
                error={(field) => issues.at(field)}
                onChange={(row) => {
                  changeRows(rows.map((x, j) => (j === i ? row : x)));
                  for (const f of ['amount', 'dueOn', 'intro.from', 'intro.to', 'intro.amount']) issues.clear(`type:${r.typeId}.${f}`);
                }}
              />
            )
          );
        })}
        <Text size="sm" c="dimmed">{t('dues.fees.footnote')}</Text>
        <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)" style={{ zIndex: 1 }}>
          {dirty && (
            <>
              <Text size="sm" c="orange.8" data-testid="fees-unsaved">{t('dues.unsaved')}</Text>
              <Button variant="subtle" color="gray" onClick={discard}>{t('dues.discard')}</Button>
            </>
          )}
          <Button type="submit" size="md" loading={busy}>
            {t('dues.fees.save', { year })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
