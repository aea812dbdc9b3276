import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/contract';
import { setLanguage } from '../i18n';

/** Switches the interface language at once; inside a register the choice is also saved in it. */
export function LanguagePicker({ onChange }: { onChange?: (lang: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('app.language')}
      size="xs"
      value={i18n.language}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      onChange={(v) => {
        setLanguage(v as Language);
        onChange?.(v as Language);
      }}
    />
  );
}
