import { Button, Group, NumberInput, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_DELIMITERS, IMPORT_ENCODINGS, type ImportDelimiter, type ImportEncoding, type ImportFileInfo } from '../../shared/contract/imports';

export interface FileSettings {
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
  headerRow?: number;
}

/** Step 1: the file, how it was read (encoding, separator, header row; each changeable) and its first rows. */
export function FileStep({ info, busy, onPick, onSettings }: { info: ImportFileInfo | null; busy: boolean; onPick: () => void; onSettings: (s: FileSettings) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Group>
        <Button onClick={onPick} loading={busy}>{t('import.pick')}</Button>
        {info && <Text data-testid="import-file-line">{t('import.fileLine', { name: info.fileName, count: info.rowCount })}</Text>}
      </Group>
      {info && (
        <>
          {info.format === 'xlsx' ? (
            <Text c="dimmed">{t('import.excel')}</Text>
          ) : (
            <Group align="flex-end">
              <Select
                label={t('import.encoding')}
                data={IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`import.encodings.${e}`) }))}
                value={info.encoding}
                allowDeselect={false}
                onChange={(v) => v && onSettings({ encoding: v as ImportEncoding })}
                w={400}
              />
              <Select
                label={t('import.delimiter')}
                data={IMPORT_DELIMITERS.map((d) => ({ value: d, label: t(`import.delimiters.${d}`) }))}
                value={info.delimiter}
                allowDeselect={false}
                onChange={(v) => v && onSettings({ delimiter: v as ImportDelimiter })}
                w={200}
              />
            </Group>
          )}
          <NumberInput
            label={t('import.headerRow')}
            value={info.headerRow}
            min={1}
            max={Math.max(1, Math.min(50, info.top.length))}
            onChange={(v) => typeof v === 'number' && v >= 1 && onSettings({ headerRow: v })}
            w={260}
          />
          <ScrollArea type="auto">
            <Table withTableBorder withColumnBorders striped data-testid="import-file-preview">
              <Table.Caption>{t('import.previewCaption')}</Table.Caption>
              <Table.Tbody>
                {info.top.map((row, i) => (
                  <Table.Tr key={i} fw={i + 1 === info.headerRow ? 700 : undefined}>
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                    {row.map((cell, c) => (
                      <Table.Td key={c} style={{ whiteSpace: 'pre-wrap' }}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </>
      )}
    </Stack>
  );
}
