import { Alert, Badge, Checkbox, Group, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DUPLICATE_POLICIES, type DuplicatePolicy, type ImportPreview, type ImportRowResult, type ImportTarget } from '../../shared/contract/imports';

const ACTION_COLOR = { create: 'green', update: 'blue', skip: 'gray', invalid: 'red' } as const;

export interface CheckChoices {
  fixes: Map<string, string>;
  skip: Set<number>;
  policy: DuplicatePolicy;
  decisions: Map<number, DuplicatePolicy>;
}

/**
 * Step 3: every row checked. Rows with problems show why (column and reason) and can be corrected
 * in place or skipped; rows matching a member get a choice, for all or row by row.
 */
export function CheckStep({ preview, headers, mapping, labelOf, choices, onChoices }: {
  preview: ImportPreview;
  labelOf: (target: ImportTarget) => string;
  headers: string[];
  mapping: (ImportTarget | null)[];
  choices: CheckChoices;
  onChoices: (c: CheckChoices) => void;
}) {
  const { t } = useTranslation();
  const columns = mapping.flatMap((m, c) => (m ? [c] : []));
  const policies = DUPLICATE_POLICIES.map((p) => ({ value: p, label: t(`import.policies.${p}`) }));
  const issueText = (code: string) => t(`import.issues.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: code }) });
  const columnName = (c: number | null) => (c === null ? '' : headers[c] || `${t('import.column')} ${c + 1}`);

  const fix = (row: number, c: number, value: string) => {
    const fixes = new Map(choices.fixes);
    fixes.set(`${row}:${c}`, value);
    onChoices({ ...choices, fixes });
  };
  const setSkip = (row: number, on: boolean) => {
    const skip = new Set(choices.skip);
    if (on) skip.add(row);
    else skip.delete(row);
    onChoices({ ...choices, skip });
  };
  const decide = (row: number, p: DuplicatePolicy) => onChoices({ ...choices, decisions: new Map(choices.decisions).set(row, p) });

  const cell = (r: ImportRowResult, c: number) => {
    const flagged = r.issues.some((i) => i.column === c);
    const value = r.cells[c] ?? '';
    // 'pre': a phone number stays on one line, a quoted newline from the file still shows.
    if (!flagged) return <Text size="sm" style={{ whiteSpace: 'pre' }}>{value}</Text>;
    return (
      <TextInput
        key={`${r.row}:${c}:${value}`}
        aria-label={t('import.cellLabel', { row: r.row, column: columnName(c) })}
        defaultValue={value}
        error
        size="xs"
        onBlur={(e) => e.currentTarget.value !== value && fix(r.row, c, e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    );
  };

  return (
    <Stack gap="md">
      <Text fw={500} data-testid="import-summary">
        {t('import.summary', {
          create: t('import.counts.create', { count: preview.create }),
          update: t('import.counts.update', { count: preview.update }),
          skip: t('import.counts.skip', { count: preview.skip }),
          invalid: t('import.counts.invalid', { count: preview.invalid }),
        })}
      </Text>
      {preview.duplicates > 0 && (
        <Alert color="blue">
          <Group align="flex-end">
            <Text>{t('import.duplicatesFound', { count: preview.duplicates })}</Text>
            <Select label={t('import.policyAll')} data={policies} value={choices.policy} allowDeselect={false}
              onChange={(v) => v && onChoices({ ...choices, policy: v as DuplicatePolicy, decisions: new Map() })} w={280} />
          </Group>
        </Alert>
      )}
      {preview.rows.length < preview.total && <Text c="dimmed" size="sm">{t('import.onlyShown', { shown: preview.rows.length, count: preview.total })}</Text>}
      <ScrollArea type="auto">
        <Table striped verticalSpacing="xs" data-testid="import-check">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.row')}</Table.Th>
              <Table.Th />
              <Table.Th />
              <Table.Th>{t('import.problems')}</Table.Th>
              {columns.map((c) => <Table.Th key={c}>{labelOf(mapping[c]!)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.row} data-testid={`import-row-${r.row}`}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td style={{ minWidth: 160 }}><Badge color={ACTION_COLOR[r.action]} variant="light">{t(`import.actions.${r.action}`)}</Badge></Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('import.skipRow', { row: r.row })} checked={choices.skip.has(r.row)} onChange={(e) => setSkip(r.row, e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td style={{ minWidth: 260 }}>
                  <Stack gap={4}>
                    {r.issues.map((i, k) => (
                      <Text key={k} size="sm" c="red">{i.column !== null ? `${columnName(i.column)}: ` : ''}{issueText(i.code)}</Text>
                    ))}
                    {r.duplicate && (
                      <>
                        <Text size="sm">
                          {t('import.matches', {
                            number: r.duplicate.memberNumber,
                            name: `${r.duplicate.firstName} ${r.duplicate.lastName}`,
                            reasons: r.duplicate.reasons.map((x) => (x === 'same-member-number' ? t('import.sameMemberNumber') : t(`duplicates.reasons.${x}`))).join(', '),
                          })}
                        </Text>
                        <Select size="xs" aria-label={t('import.policyRow', { row: r.row })} data={policies}
                          value={choices.decisions.get(r.row) ?? choices.policy} allowDeselect={false}
                          onChange={(v) => v && decide(r.row, v as DuplicatePolicy)} w={240} />
                      </>
                    )}
                  </Stack>
                </Table.Td>
                {columns.map((c) => <Table.Td key={c}>{cell(r, c)}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
