import { Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeEntity } from '../../shared/contract';
import type { ImportFileInfo, ImportTarget } from '../../shared/contract/imports';
import { MappingPresets } from './MappingPresets';
import { typeName } from '../setup/typeName';

const IGNORE = '-';

/** Step 2: which field each column goes into (suggested from the header), and new members' type. */
export function MappingStep({ info, targets, mapping, onMapping, types, typeId, onType }: {
  info: ImportFileInfo;
  targets: { value: ImportTarget; label: string }[];
  mapping: (ImportTarget | null)[];
  onMapping: (m: (ImportTarget | null)[]) => void;
  types: MembershipTypeEntity[];
  typeId: number | null;
  onType: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const options = [{ value: IGNORE, label: t('import.ignore') }, ...targets];
  const set = (c: number, v: string | null) => onMapping(mapping.map((m, i) => (i === c ? (!v || v === IGNORE ? null : (v as ImportTarget)) : m)));
  const namesMapped = mapping.includes('firstName') && mapping.includes('lastName');
  return (
    <Stack gap="md">
      <MappingPresets headers={info.headers} mapping={mapping} onMapping={onMapping} />
      <Table striped data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.sample')}</Table.Th>
            <Table.Th>{t('import.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {info.headers.map((h, c) => (
            <Table.Tr key={c}>
              <Table.Td fw={500}>{h || `${t('import.column')} ${c + 1}`}</Table.Td>
              <Table.Td c="dimmed">{info.preview[0]?.[c] ?? ''}</Table.Td>
              <Table.Td>
                <Select aria-label={`${t('import.field')}: ${h || c + 1}`} data={options} value={mapping[c] ?? IGNORE} allowDeselect={false} onChange={(v) => set(c, v)} w={300} searchable />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!namesMapped && <Text c="red" role="alert">{t('import.namesNeeded')}</Text>}
      <Select
        label={t('import.membershipType')}
        data={[{ value: '', label: t('import.noType') }, ...types.filter((x) => !x.archived).map((x) => ({ value: String(x.id), label: typeName(t, x) }))]}
        value={typeId === null ? '' : String(typeId)}
        allowDeselect={false}
        onChange={(v) => onType(v ? Number(v) : null)}
        w={320}
      />
    </Stack>
  );
}
