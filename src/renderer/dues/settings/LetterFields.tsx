import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DUES_MERGE_FIELDS, type DuesMergeField } from '../../../shared/contract';
import { mergeFields } from '../../../shared/text/merge-fields';
import { bind, type SettingsBinding } from './fieldProps';

/**
 * The board's personal letter printed on every invoice: buttons put a merge field where the
 * cursor is, and the text is shown merged for an example member as it is typed.
 */
export function LetterFields({ b }: { b: SettingsBinding }) {
  const { t } = useTranslation();
  const letter = useRef<HTMLTextAreaElement>(null);

  const insert = (field: DuesMergeField) => {
    const el = letter.current;
    const text = b.form.letterText;
    const token = `{${field}}`;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    b.set('letterText', text.slice(0, start) + token + text.slice(end));
    // Back in the text, after the field, so typing goes on where it was.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const values: Record<DuesMergeField, string> = {
    firstName: t('dues.settings.sample.firstName'),
    lastName: t('dues.settings.sample.lastName'),
    memberNumber: '123',
    activities: b.form.activitiesText.trim(),
    year: String(new Date().getFullYear()),
    association: b.form.associationName.trim(),
  };
  const merged = mergeFields(b.form.letterText, values);

  return (
    <Stack gap="sm">
      <Title order={4}>{t('dues.settings.letterHeading')}</Title>
      <Text size="sm" c="dimmed">{t('dues.settings.letterIntro')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Textarea ref={letter} label={t('dues.settings.letterText')} autosize minRows={6} maxRows={16} {...bind(b, 'letterText')} />
          <Text size="sm" fw={500} id="merge-field-buttons">{t('dues.settings.insertField')}</Text>
          <Group gap={6} role="group" aria-labelledby="merge-field-buttons">
            {DUES_MERGE_FIELDS.map((f) => (
              <Button key={f} size="compact-sm" variant="light" onClick={() => insert(f)} data-testid={`merge-${f}`}>
                {t(`dues.settings.mergeFields.${f}`)}
              </Button>
            ))}
          </Group>
          <Textarea
            label={t('dues.settings.activitiesText')}
            description={t('dues.settings.activitiesHint')}
            autosize
            minRows={3}
            maxRows={10}
            {...bind(b, 'activitiesText')}
          />
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={500}>{t('dues.settings.preview', { name: `${values.firstName} ${values.lastName}` })}</Text>
          <Paper withBorder p="md" bg="var(--mantine-color-gray-0)" data-testid="letter-preview" aria-live="polite">
            {merged.ok ? (
              merged.text.trim() ? (
                <Text style={{ whiteSpace: 'pre-wrap' }}>{merged.text}</Text>
              ) : (
                <Text c="dimmed">{t('dues.settings.previewEmpty')}</Text>
              )
            ) : (
              <Text c="red">{t(`dues.errors.${merged.issue.code}`)} ({merged.issue.token})</Text>
            )}
          </Paper>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
