import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportLogEntry, LoggedExportKind } from '../../shared/contract/exports';
import { call, errorOf } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import type { ApiError } from '../../shared/result';
import { localeOf } from '../i18n';
import { FORMATS } from './runExport';

const PAGE = 50;

/** Files for a year, a period or the bank rather than an audience: their "who" is the file name's year, not "all members". */
const NO_AUDIENCE = new Set<LoggedExportKind>(['duesLetters', 'strikeOffList', 'directDebitFile', 'paymentReport', 'bookkeeping']);

/** The format beside the kind, unless the kind comes in one format only (a vCard is always .vcf). */
const showFormat = (kind: LoggedExportKind) => !(kind in FORMATS) || FORMATS[kind as keyof typeof FORMATS].length > 1;

function who(e: ExportLogEntry, t: (key: string) => string): ReactNode {
  if (e.scope === 'segment') return e.segmentName ?? '';
  if (e.scope === 'filter') return t('exports.log.unsaved');
  // The send-out plan's calendar (logged as a send-out file with the column 'plan') lists send-outs, not members.
  const plan = e.kind === 'sendOut' && e.columns.includes('plan');
  if (!NO_AUDIENCE.has(e.kind) && !plan) return t('exports.everyone');
  // The dash is for the eye (with the words on hover); a screen reader reads the words instead.
  const words = t('exports.log.noAudience');
  return (
    <>
      <span aria-hidden="true" title={words}>—</span>
      <VisuallyHidden>{words}</VisuallyHidden>
    </>
  );
}

/** The export log, newest first; `version` changes after each export so the list follows. */
export function ExportLog({ version }: { version: number }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<ExportLogEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldNames, setFieldNames] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    call('customFields.list', { includeArchived: true }).then(
      (fields) => setFieldNames(new Map(fields.map((f) => [`custom:${f.id}`, f.name]))),
      () => undefined, // the ids stay readable without names
    );
  }, [version]);

  useEffect(() => {
    let live = true;
    call('exports.log', { offset: 0, limit })
      .then((r) => {
        if (!live) return;
        setEntries(r.entries);
        setTotal(r.total);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorOf(e)));
    return () => {
      live = false;
    };
  }, [version, limit]);

  const when = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  // Custom fields are logged by id (a field may be renamed or removed later); label sheets as "sheet:3x8".
  const columnName = (c: string) =>
    c.startsWith('custom:') ? (fieldNames.get(c) ?? c) : c.startsWith('sheet:') ? t(`exports.sheets.${c.slice(6)}`, { defaultValue: c.slice(6) }) : t(`exports.column.${c}`, { defaultValue: c });

  return (
    <Stack gap="xs" component="section" aria-labelledby="export-log-title">
      <Title order={3} id="export-log-title">
        {t('exports.log.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('exports.log.intro')}
      </Text>
      <ErrorAlert error={error} />
      {entries.length === 0 ? (
        <Text>{t('exports.log.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="export-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exports.log.when')}</Table.Th>
              <Table.Th>{t('exports.log.what')}</Table.Th>
              <Table.Th>{t('exports.log.segment')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('exports.log.people')}</Table.Th>
              <Table.Th>{t('exports.log.columns')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when.format(new Date(e.at))}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t(`exports.kinds.${e.kind}`)}
                    {showFormat(e.kind) && ` · ${t(`exports.formats.${e.format}`)}`}
                  </Text>
                  {/* The file name only: the folder may name the user and is not kept. */}
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} title={t('exports.log.file')}>
                    {e.fileName}
                  </Text>
                </Table.Td>
                <Table.Td>{who(e, t)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{e.people.toLocaleString(localeOf(i18n.language))}</Table.Td>
                <Table.Td>
                  <Text size="xs">{e.columns.map(columnName).join(', ')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > entries.length && (
        <Group>
          <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)}>
            {t('exports.log.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
