import { Stack, Textarea } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTemplate } from '../../../shared/text/merge-fields';
import { SEND_OUT_MERGE_FIELDS } from '../../../shared/contract';
import { insertAtCursor, MergeFieldButtons } from './MergeFieldButtons';

/** The text of an e-mail or a letter, with merge fields. */
export function TextComposer(props: { value: string; onChange: (v: string) => void; label: string; locked: boolean; error?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const issue = checkTemplate(props.value, SEND_OUT_MERGE_FIELDS);
  return (
    <Stack gap="xs">
      <MergeFieldButtons disabled={props.locked} onInsert={(f) => insertAtCursor(ref.current, props.value, `{${f}}`, props.onChange)} />
      <Textarea
        ref={ref}
        label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={24}
        disabled={props.locked}
        error={props.error ?? (issue ? t(`communication.errors.${issue.code}`) : undefined)}
        name="body"
      />
    </Stack>
  );
}
