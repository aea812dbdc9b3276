import { Checkbox, Group, Kbd, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, AnswerValue, SurveyQuestion } from '../../shared/contract';
import { pickText } from './text';

const isTyping = (el: EventTarget) => el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && (el.type === 'text' || el.type === 'search'));

/** Moves the focus to the next question's first field, or calls `onLast` after the last one. */
function focusNext(from: HTMLElement, onLast?: () => void) {
  const next = from.closest('[data-question]')?.nextElementSibling;
  const field = next?.querySelector<HTMLElement>('input:checked, input, textarea');
  if (field) field.focus();
  else onLast?.();
}

/**
 * The questions of a survey as a form for the keyboard: in a question, the digit keys pick its
 * options (1 = the first) and the scale's step; Enter goes on to the next question, and after the
 * last one saves. Text questions take typing as usual (Enter in a long text is a new line).
 */
export function AnswerForm(props: {
  questions: SurveyQuestion[];
  value: Answers;
  onChange: (answers: Answers) => void;
  /** Refusals per question id, already translated. */
  errors: Record<string, string>;
  onLast?: () => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const set = (q: SurveyQuestion, v: AnswerValue | undefined) => {
    const next = { ...props.value };
    if (v === undefined || (Array.isArray(v) && !v.length) || v === '') delete next[String(q.id)];
    else next[String(q.id)] = v;
    props.onChange(next);
  };

  const onKey = (q: SurveyQuestion) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement) && !e.ctrlKey) {
      e.preventDefault();
      focusNext(e.target as HTMLElement, props.onLast);
      return;
    }
    if (isTyping(e.target) || e.ctrlKey || e.altKey || e.metaKey || !/^[1-9]$/.test(e.key)) return;
    const n = Number(e.key);
    const current = props.value[String(q.id)];
    if (q.kind === 'scale') {
      if (n <= 5) set(q, n);
    } else if (q.options[n - 1]) {
      const key = q.options[n - 1].key;
      if (q.kind === 'multiple' || q.kind === 'channels') {
        const list = Array.isArray(current) ? current : [];
        set(q, list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);
      } else set(q, key);
    } else return;
    e.preventDefault();
  };

  return (
    <Stack gap="md" data-testid="answer-form">
      {props.questions.map((q, i) => {
        const label = `${i + 1}. ${pickText(q.text, lang)}`;
        const error = props.errors[String(q.id)];
        const v = props.value[String(q.id)];
        const optionLabel = (n: number, text: string) => (
          <Group gap={6} wrap="nowrap">
            <Kbd size="xs">{n}</Kbd>
            <span>{text}</span>
          </Group>
        );
        let field: React.ReactNode;
        switch (q.kind) {
          case 'single':
          case 'frequency':
            field = (
              <Radio.Group label={label} withAsterisk={q.required} error={error} value={typeof v === 'string' ? v : ''} onChange={(x) => set(q, x)} description={t('surveys.answer.oneHint')}>
                <Group mt={6} gap="lg">
                  {q.options.map((o, n) => (
                    <Radio key={o.key} value={o.key} label={optionLabel(n + 1, pickText(o.text, lang))} aria-label={pickText(o.text, lang)} disabled={props.disabled} />
                  ))}
                </Group>
              </Radio.Group>
            );
            break;
          case 'multiple':
          case 'channels':
            field = (
              <Checkbox.Group label={label} withAsterisk={q.required} error={error} value={Array.isArray(v) ? v : []} onChange={(x) => set(q, x)} description={t('surveys.answer.manyHint')}>
                <Group mt={6} gap="lg">
                  {q.options.map((o, n) => (
                    <Checkbox key={o.key} value={o.key} label={optionLabel(n + 1, pickText(o.text, lang))} aria-label={pickText(o.text, lang)} disabled={props.disabled} />
                  ))}
                </Group>
              </Checkbox.Group>
            );
            break;
          case 'scale':
            field = (
              <Radio.Group label={label} withAsterisk={q.required} error={error} value={typeof v === 'number' ? String(v) : ''} onChange={(x) => set(q, Number(x))} description={t('surveys.answer.scaleHint')}>
                <Group mt={6} gap="lg">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <Radio key={n} value={String(n)} label={String(n)} disabled={props.disabled} />
                  ))}
                </Group>
              </Radio.Group>
            );
            break;
          case 'short':
            field = <TextInput label={label} withAsterisk={q.required} error={error} value={typeof v === 'string' ? v : ''} onChange={(e) => set(q, e.currentTarget.value)} maxLength={500} disabled={props.disabled} />;
            break;
          case 'long':
            field = (
              <Textarea label={label} withAsterisk={q.required} error={error} value={typeof v === 'string' ? v : ''} onChange={(e) => set(q, e.currentTarget.value)} autosize minRows={2} maxLength={4000} disabled={props.disabled} />
            );
            break;
        }
        return (
          <div key={q.id} data-question={q.id} onKeyDown={onKey(q)}>
            {field}
          </div>
        );
      })}
      {!props.questions.length && <Text c="dimmed">{t('surveys.answer.noQuestions')}</Text>}
    </Stack>
  );
}
