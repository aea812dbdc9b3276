import { Checkbox, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRealIsoDate, type CustomFieldEntity, type CustomValue, type CustomValueEntity } from '../../shared/contract';
import type { FieldIssue } from '../../shared/result';

/** What the inputs hold: text for everything typed, a boolean for yes/no. */
export type CustomDraft = Record<number, string | boolean>;

export function draftOf(fields: CustomFieldEntity[], values: CustomValueEntity[]): CustomDraft {
  const out: CustomDraft = {};
  for (const f of fields) {
    const v = values.find((x) => x.fieldId === f.id)?.value ?? null;
    out[f.id] = f.kind === 'boolean' ? v === true : v === null ? '' : String(v);
  }
  return out;
}

/**
 * The typed values that changed, or the fields whose text is of the wrong kind — checked here
 * first so that a bad value stops the whole save before anything is written.
 */
export function changedValues(
  fields: CustomFieldEntity[],
  stored: CustomValueEntity[],
  draft: CustomDraft,
): { values: { fieldId: number; value: CustomValue }[]; issues: FieldIssue[] } {
  const values: { fieldId: number; value: CustomValue }[] = [];
  const issues: FieldIssue[] = [];
  for (const f of fields) {
    const raw = draft[f.id];
    let value: CustomValue;
    if (f.kind === 'boolean') value = raw === true;
    else {
      const text = String(raw ?? '').trim();
      if (text === '') value = null;
      else if (f.kind === 'number') {
        const n = Number(text.replace(/\s/g, '').replace(',', '.'));
        if (!Number.isFinite(n)) issues.push({ field: `custom.${f.id}`, code: 'custom-value-not-number' });
        value = n;
      } else if (f.kind === 'date') {
        if (!isRealIsoDate(text)) issues.push({ field: `custom.${f.id}`, code: 'custom-value-not-date' });
        value = text;
      } else value = text;
    }
    const before = stored.find((x) => x.fieldId === f.id)?.value ?? null;
    const same = before === value || (f.kind === 'boolean' && before === null && value === false);
    if (!same) values.push({ fieldId: f.id, value });
  }
  return { values, issues };
}

/** The association's own fields on the member form, each with the input its kind needs. */
export function CustomFieldInputs(props: {
  fields: CustomFieldEntity[];
  draft: CustomDraft;
  onChange: (fieldId: number, value: string | boolean) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  if (props.fields.length === 0) return null;
  return (
    <>
      <Title order={5} mt="sm">{t('memberPage.custom.title')}</Title>
      <SimpleGrid cols={2} data-testid="custom-fields">
        {props.fields.map((f) => {
          const name = `custom.${f.id}`;
          const value = props.draft[f.id];
          if (f.kind === 'boolean')
            return (
              <Checkbox key={f.id} mt="lg" label={f.name} checked={value === true} onChange={(e) => props.onChange(f.id, e.currentTarget.checked)} error={props.error(name)} name={name} />
            );
          if (f.kind === 'choice')
            return (
              <Select key={f.id} label={f.name} data={f.options} value={value ? String(value) : null} onChange={(v) => props.onChange(f.id, v ?? '')} clearable error={props.error(name)} name={name} />
            );
          return (
            <TextInput
              key={f.id}
              label={f.name}
              value={String(value ?? '')}
              onChange={(e) => props.onChange(f.id, e.currentTarget.value)}
              error={props.error(name)}
              name={name}
              // A plain text box for numbers, so what was typed is kept and judged at the field.
              inputMode={f.kind === 'number' ? 'decimal' : undefined}
              type={f.kind === 'date' ? 'date' : 'text'}
            />
          );
        })}
      </SimpleGrid>
    </>
  );
}
