import { Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeEntity } from '../../../shared/contract';
import { typeName } from '../../setup/typeName';
import type { FeeRow } from './form';

/** One membership type's fee for the year: amount, due date, free, per household, and an introductory fee. */
export function FeeRowCard(props: {
  type: MembershipTypeEntity;
  row: FeeRow;
  currencyLabel: string;
  onChange: (row: FeeRow) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { row, type } = props;
  const set = (patch: Partial<FeeRow>) => props.onChange({ ...row, ...patch });
  const err = (name: string) => props.error(`type:${row.typeId}.${name}`);
  const name = typeName(t, type);
  const idBase = `fee-${row.typeId}`;

  return (
    <Paper withBorder p="md" data-testid={`fee-row-${type.name}`} aria-labelledby={`${idBase}-name`} component="section">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={5} id={`${idBase}-name`}>{name}</Title>
          <Text size="sm" c="dimmed">{t('dues.fees.memberCount', { count: type.memberCount })}</Text>
        </Group>
        {!type.paysDues && <Text size="sm" c="dimmed">{t('dues.fees.typeNotPaying')}</Text>}
        <Group align="flex-start" gap="lg">
          <TextInput
            label={t('dues.fees.amount', { currency: props.currencyLabel })}
            aria-label={`${t('dues.fees.amount', { currency: props.currencyLabel })} – ${name}`}
            value={row.free ? '' : row.amount}
            onChange={(e) => set({ amount: e.currentTarget.value })}
            disabled={row.free}
            placeholder={row.free ? t('dues.fees.freePlaceholder') : t('dues.fees.noFeePlaceholder')}
            error={err('amount')}
            inputMode="decimal"
            w={170}
            name={`${idBase}-amount`}
          />
          <TextInput
            label={t('dues.fees.dueOn')}
            aria-label={`${t('dues.fees.dueOn')} – ${name}`}
            type="date"
            value={row.dueOn}
            onChange={(e) => set({ dueOn: e.currentTarget.value })}
            error={err('dueOn')}
            w={180}
            name={`${idBase}-dueOn`}
          />
          <Stack gap={8} pt={26}>
            <Checkbox label={t('dues.fees.free')} checked={row.free} onChange={(e) => set({ free: e.currentTarget.checked })} name={`${idBase}-free`} />
            <Checkbox
              label={t('dues.fees.perHousehold')}
              checked={row.perHousehold}
              onChange={(e) => set({ perHousehold: e.currentTarget.checked })}
              disabled={row.free}
              name={`${idBase}-perHousehold`}
            />
          </Stack>
        </Group>
        {!row.free && (
          <Stack gap="xs">
            <Checkbox
              label={t('dues.fees.introFee')}
              description={t('dues.fees.introFeeHint')}
              checked={row.intro}
              onChange={(e) => set({ intro: e.currentTarget.checked })}
              name={`${idBase}-intro`}
            />
            {row.intro && (
              <Group align="flex-start" gap="lg" pl={32}>
                <TextInput
                  label={t('dues.fees.introFrom')}
                  type="date"
                  value={row.introFrom}
                  onChange={(e) => set({ introFrom: e.currentTarget.value })}
                  error={err('intro.from')}
                  w={180}
                  name={`${idBase}-introFrom`}
                />
                <TextInput
                  label={t('dues.fees.introTo')}
                  type="date"
                  value={row.introTo}
                  onChange={(e) => set({ introTo: e.currentTarget.value })}
                  error={err('intro.to')}
                  w={180}
                  name={`${idBase}-introTo`}
                />
                <TextInput
                  label={t('dues.fees.introAmount', { currency: props.currencyLabel })}
                  value={row.introAmount}
                  onChange={(e) => set({ introAmount: e.currentTarget.value })}
                  error={err('intro.amount')}
                  inputMode="decimal"
                  w={230}
                  name={`${idBase}-introAmount`}
                />
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
