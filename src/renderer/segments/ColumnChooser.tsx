import { Button, Checkbox, Divider, Popover, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEMBER_EXTRA_COLUMNS, type CustomFieldEntity } from '../../shared/contract';
import { BASE_COLUMNS, DEFAULT_COLUMNS, FIXED_COLUMNS, orderColumns, type ColumnId } from './columns';

/** Which columns the member list shows: the standard ones, more from the register, own fields. */
export function ColumnChooser({ value, onChange, fields }: { value: ColumnId[]; onChange: (c: ColumnId[]) => void; fields: CustomFieldEntity[] }) {
  const { t } = useTranslation();
  const toggle = (c: ColumnId, on: boolean) => onChange(orderColumns(on ? [...value, c] : value.filter((x) => x !== c)));
  const box = (c: ColumnId, label: string) => (
    <Checkbox key={c} label={label} checked={value.includes(c)} disabled={FIXED_COLUMNS.includes(c)}
      onChange={(e) => toggle(c, e.currentTarget.checked)} data-testid={`column-${c}`} />
  );
  const custom = fields.filter((f) => !f.archived);
  return (
    <Popover position="bottom-end" shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" data-testid="column-chooser">{t('segments.columns.button')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={480}>
          <Stack gap="xs" w={420}>
            <Text fw={600}>{t('segments.columns.title')}</Text>
            <Text size="sm" c="dimmed">{t('segments.columns.standard')}</Text>
            <SimpleGrid cols={2} spacing="xs">{BASE_COLUMNS.map((c) => box(c, t(`members.columns.${c}`)))}</SimpleGrid>
            <Divider />
            <Text size="sm" c="dimmed">{t('segments.columns.extra')}</Text>
            <SimpleGrid cols={2} spacing="xs">{MEMBER_EXTRA_COLUMNS.map((c) => box(c, t(`segments.columns.${c}`)))}</SimpleGrid>
            {custom.length > 0 && (
              <>
                <Divider />
                <Text size="sm" c="dimmed">{t('segments.columns.custom')}</Text>
                <SimpleGrid cols={2} spacing="xs">{custom.map((f) => box(`custom:${f.id}`, f.name))}</SimpleGrid>
              </>
            )}
            <Button variant="subtle" size="compact-sm" onClick={() => onChange(DEFAULT_COLUMNS)} style={{ alignSelf: 'start' }}>
              {t('segments.columns.reset')}
            </Button>
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
