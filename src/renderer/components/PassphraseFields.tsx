import { Group, List, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '../../shared/passphrase-strength';

const COLORS = ['red', 'orange', 'yellow', 'teal', 'green'];
export const MIN_SCORE = 2;

/** A new passphrase typed twice, with a strength meter and hints in plain words. */
export function PassphraseFields(props: {
  value: string;
  repeat: string;
  onChange: (value: string) => void;
  onRepeat: (value: string) => void;
  label?: string;
  repeatLabel?: string;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const strength = passphraseStrength(props.value);
  const levels = t('strength.levels', { returnObjects: true }) as string[];
  const mismatch = props.repeat !== '' && props.repeat !== props.value;
  return (
    <Stack gap="xs">
      <PasswordInput
        label={props.label ?? t('create.passphrase')}
        description={t('create.passphraseHint')}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={!props.showErrors ? undefined : !props.value ? t('errors.required') : strength.score < MIN_SCORE ? t('create.tooWeak') : undefined}
        required
        autoComplete="new-password"
        data-testid="passphrase"
      />
      {props.value && (
        <Stack gap={4} aria-live="polite">
          <Group justify="space-between">
            <Text size="sm">{t('strength.label')}</Text>
            <Text size="sm" fw={600} data-testid="strength">
              {levels[strength.score]}
            </Text>
          </Group>
          <Progress value={(strength.score + 1) * 20} color={COLORS[strength.score]} aria-hidden />
          {strength.hints.length > 0 && (
            <List size="sm" c="dimmed">
              {strength.hints.map((h: string) => (
                <List.Item key={h}>{t(`strength.hints.${h}`, { defaultValue: h })}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
      <PasswordInput
        label={props.repeatLabel ?? t('create.passphraseRepeat')}
        value={props.repeat}
        onChange={(e) => props.onRepeat(e.currentTarget.value)}
        error={(mismatch || (props.showErrors && props.repeat !== props.value)) ? t('create.mismatch') : undefined}
        required
        autoComplete="new-password"
        data-testid="passphrase-repeat"
      />
    </Stack>
  );
}

export function passphraseAcceptable(value: string, repeat: string): boolean {
  return value === repeat && passphraseStrength(value).score >= MIN_SCORE;
}
