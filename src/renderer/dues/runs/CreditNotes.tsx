import { Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceRow } from '../../../shared/contract';
import { call } from '../../api';
import { useFormat } from '../../member/format';
import { LettersButton } from '../letters/LettersButton';
import { LettersJobs } from '../letters/LettersJobCard';
import { useMoney } from '../money';
import { useRunsErrors } from './errors';

/**
 * The year's credit notes (made on the Invoices tab) and their letters: choose some or all, then
 * make the letters the same way as for a run.
 */
export function CreditNotes({ year, currency, version }: { year: number; currency: 'SEK' | 'NOK'; version: number }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const { date } = useFormat();
  const errors = useRunsErrors();
  const [rows, setRows] = useState<InvoiceRow[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('dues.invoices', { year, kind: 'creditNote', limit: 1000 }).then(
      (r) => {
        if (!live) return;
        setRows(r.rows);
        setChosen(new Set());
        setFailure(null);
      },
      (e: unknown) => live && setFailure(errors.error(e)),
    );
    return () => {
      live = false;
    };
  }, [year, version, errors]);

  const toggle = (id: number, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const ids = rows.filter((r) => chosen.has(r.id)).map((r) => r.id);
  const single = ids.length === 1 ? rows.find((r) => r.id === ids[0]) : undefined;
  const what = single ? t('duesRuns.letters.names.credit', { number: single.number }) : t('duesRuns.letters.names.credits', { year });

  return (
    <Stack gap="xs" component="section" aria-labelledby="credit-notes-title">
      <Title order={3} id="credit-notes-title">
        {t('duesRuns.credits.title', { year })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('duesRuns.credits.intro')}
      </Text>
      {failure && <Text c="red">{failure}</Text>}
      {rows.length === 0 ? (
        <Text size="sm">{t('duesRuns.credits.empty')}</Text>
      ) : (
        <>
          <Table withTableBorder verticalSpacing="xs" data-testid="credit-notes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('duesRuns.credits.chooseAll')}
                    checked={ids.length === rows.length}
                    indeterminate={ids.length > 0 && ids.length < rows.length}
                    onChange={(e) => setChosen(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                  />
                </Table.Th>
                <Table.Th>{t('duesRuns.credits.number')}</Table.Th>
                <Table.Th>{t('duesRuns.member')}</Table.Th>
                <Table.Th>{t('duesRuns.runs.date')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('duesRuns.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Checkbox aria-label={t('duesRuns.credits.choose', { number: r.number })} checked={chosen.has(r.id)} onChange={(e) => toggle(r.id, e.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>
                    {r.member.firstName} {r.member.lastName} ({r.member.memberNumber})
                  </Table.Td>
                  <Table.Td>{date(r.issuedOn)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(r.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <LettersButton
              variant="light"
              disabled={ids.length === 0}
              label={t('duesRuns.letters.makeChosen', { count: Math.max(1, ids.length) })}
              target={{ source: { kind: 'invoices', invoiceIds: ids.length ? ids : [rows[0].id] }, sourceKey: `credits:${year}`, what }}
            />
          </Group>
        </>
      )}
      <LettersJobs match={(k) => k === `credits:${year}`} />
    </Stack>
  );
}
