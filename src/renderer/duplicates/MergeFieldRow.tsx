import { Radio, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MergeFieldChoice } from '../../shared/contract';
import { sameValue, useMergeValueText } from './mergeValues';

/** One field of the merge: the two members' values to choose between, and the result. */
export function MergeFieldRow({ choice, country, onChoose }: { choice: MergeFieldChoice; country: string; onChoose: (c: 'keep' | 'other') => void }) {
  const { t } = useTranslation();
  const text = useMergeValueText(country);
  const label = t(`duplicates.fields.${choice.field}`);
  const result = choice.chosen === 'keep' ? choice.keep : choice.other;
  const same = sameValue(choice.keep, choice.other);
  return (
    <Table.Tr data-testid={`merge-field-${choice.field}`}>
      <Table.Th scope="row" fw={500}>{label}</Table.Th>
      {same ? (
        <Table.Td colSpan={2}>
          <Text size="sm" c="dimmed">{text(choice.field, choice.keep)} · {t('duplicates.same')}</Text>
        </Table.Td>
      ) : (
        (['keep', 'other'] as const).map((side) => (
          <Table.Td key={side}>
            <Radio
              name={`merge-${choice.field}`}
              value={side}
              checked={choice.chosen === side}
              onChange={() => onChoose(side)}
              label={text(choice.field, choice[side])}
              aria-label={t('duplicates.chooseValue', { field: label, value: text(choice.field, choice[side]) })}
            />
          </Table.Td>
        ))
      )}
      <Table.Td data-testid="merge-result">
        <Text size="sm" fw={600}>{text(choice.field, result)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
