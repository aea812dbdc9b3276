import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity } from '../../shared/contract';
import { EXPORT_COLUMNS } from '../../shared/contract/exports';

/** Which columns a contact list or printed list holds: the register's own, then the association's own fields. */
export function ColumnPicker({ value, onChange, fields }: { value: string[]; onChange: (v: string[]) => void; fields: CustomFieldEntity[] }) {
  const { t } = useTranslation();
  // Keep the order of the offer, not the order of clicking: the file's columns follow it.
  const all = [...EXPORT_COLUMNS, ...fields.map((f) => `custom:${f.id}`)];
  const set = (next: string[]) => onChange(all.filter((c) => next.includes(c)));
  return (
    <Checkbox.Group label={t('exports.columns')} value={value} onChange={set} error={value.length ? undefined : t('exports.columnsHint')}>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="xs" verticalSpacing={6} mt="xs">
        {EXPORT_COLUMNS.map((c) => (
          <Checkbox key={c} value={c} label={t(`exports.column.${c}`)} />
        ))}
        {fields.map((f) => (
          <Checkbox key={f.id} value={`custom:${f.id}`} label={f.name} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
