import { Group, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KID_MODES, OCR_LEVELS, type RegisterCountry } from '../../../shared/contract';
import { bind, type SettingsBinding } from './fieldProps';

/**
 * How members pay: Sweden bankgiro / plusgiro / Swish with OCR references at the level agreed with
 * Bankgirot; Norway an account with KID. RF references (ISO 11649) are the alternative in both.
 */
export function PaymentFields({ b, country }: { b: SettingsBinding; country: RegisterCountry }) {
  const { t } = useTranslation();
  const national = country === 'SE' ? 'ocr' : 'kid';
  return (
    <Stack gap="sm">
      <Title order={4}>{t('dues.settings.paymentHeading')}</Title>
      {country === 'SE' ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('dues.settings.bankgiro')} description={t('dues.settings.bankgiroHint')} placeholder="123-4567" {...bind(b, 'bankgiro')} />
          <TextInput label={t('dues.settings.plusgiro')} description={t('dues.settings.plusgiroHint')} placeholder="12 34 56-7" {...bind(b, 'plusgiro')} />
          <TextInput label={t('dues.settings.swishNumber')} description={t('dues.settings.swishHint')} placeholder="123 456 78 90" {...bind(b, 'swishNumber')} />
        </SimpleGrid>
      ) : (
        <TextInput label={t('dues.settings.bankAccount')} description={t('dues.settings.bankAccountHint')} placeholder="1234.56.78903" maw={320} {...bind(b, 'bankAccount')} />
      )}

      <Radio.Group
        label={t('dues.settings.referenceKind')}
        value={b.form.referenceKind}
        onChange={(v) => b.set('referenceKind', v as typeof national | 'rf')}
        error={b.error('referenceKind')}
        name="referenceKind"
      >
        <Group mt={4}>
          <Radio value={national} label={t(`dues.settings.referenceKinds.${national}`)} />
          <Radio value="rf" label={t('dues.settings.referenceKinds.rf')} />
        </Group>
      </Radio.Group>

      {b.form.referenceKind === 'ocr' && (
        <Stack gap={6}>
          <Text size="sm" fw={500}>{t('dues.settings.ocrLevel')}</Text>
          <SegmentedControl
            aria-label={t('dues.settings.ocrLevel')}
            value={b.form.ocrLevel}
            onChange={(v) => b.set('ocrLevel', v as (typeof OCR_LEVELS)[number])}
            data={OCR_LEVELS.map((l) => ({ value: l, label: t(`dues.settings.ocrLevels.${l}`) }))}
            maw={640}
          />
          <Text size="xs" c="dimmed">{t(`dues.settings.ocrLevelHelp.${b.form.ocrLevel}`)}</Text>
          {b.form.ocrLevel === 'fixed' && (
            <TextInput label={t('dues.settings.ocrLength')} description={t('dues.settings.lengthHint')} inputMode="numeric" w={260} required {...bind(b, 'ocrLength')} />
          )}
        </Stack>
      )}
      {b.form.referenceKind === 'kid' && (
        <Group align="flex-start">
          <Select
            label={t('dues.settings.kidMode')}
            data={KID_MODES.map((m) => ({ value: m, label: t(`dues.settings.kidModes.${m}`) }))}
            value={b.form.kidMode}
            onChange={(v) => v && b.set('kidMode', v as (typeof KID_MODES)[number])}
            allowDeselect={false}
            w={260}
            name="kidMode"
          />
          <TextInput label={t('dues.settings.kidLength')} description={t('dues.settings.kidLengthHint')} inputMode="numeric" w={320} {...bind(b, 'kidLength')} />
        </Group>
      )}

      <Title order={5} mt="xs">{t('dues.settings.international')}</Title>
      <Text size="xs" c="dimmed">{t('dues.settings.internationalHint')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
        <TextInput label={t('dues.settings.iban')} placeholder={country === 'SE' ? 'SE45 5000 0000 0583 9825 7466' : 'NO93 8601 1117 947'} {...bind(b, 'iban')} />
        <TextInput label={t('dues.settings.bic')} placeholder={country === 'SE' ? 'ESSESESS' : 'DNBANOKK'} {...bind(b, 'bic')} />
      </SimpleGrid>
    </Stack>
  );
}
