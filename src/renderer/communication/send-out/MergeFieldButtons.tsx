import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEND_OUT_MERGE_FIELDS, type SendOutMergeField } from '../../../shared/contract';

/** "Insert: [First name] [Last name] …" — puts {firstName} where the cursor is. */
export function MergeFieldButtons(props: { onInsert: (field: SendOutMergeField) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Text size="sm" c="dimmed">
        {t('communication.compose.insert')}
      </Text>
      {SEND_OUT_MERGE_FIELDS.map((f) => (
        <Button key={f} size="compact-sm" variant="light" onClick={() => props.onInsert(f)} disabled={props.disabled} title={`{${f}}`}>
          {t(`communication.mergeFields.${f}`)}
        </Button>
      ))}
    </Group>
  );
}

/** Inserts `text` at the textarea's selection and puts the cursor after it. */
export function insertAtCursor(el: HTMLTextAreaElement | null, value: string, text: string, onChange: (v: string) => void) {
  const start = el?.selectionStart ?? value.length;
  const end = el?.selectionEnd ?? value.length;
  onChange(value.slice(0, start) + text + value.slice(end));
  requestAnimationFrame(() => {
    if (!el) return;
    el.focus();
    el.setSelectionRange(start + text.length, start + text.length);
  });
}
