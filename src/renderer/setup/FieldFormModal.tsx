import { Select, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_KINDS, type CustomFieldEntity, type CustomFieldKind } from '../../shared/contract';
import { call } from '../api';
import { errorField, useErrorText } from '../components/ErrorAlert';
import { SetupFormModal } from './SetupFormModal';

/** Creates a custom field or edits one (name and list options; the kind is fixed once made). */
export function FieldFormModal({ opened, editing, onClose, onSaved }: { opened: boolean; editing: CustomFieldEntity | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<CustomFieldKind>(editing?.kind ?? 'text');
  // One option per line: easier to read and to reorder than chips for most users.
  const [options, setOptions] = useState(editing?.options.join('\n') ?? '');
  const [errors, setErrors] = useState<{ name?: string; options?: string }>({});

  const submit = async () => {
    if (!name.trim()) return setErrors({ name: t('setup.errors.required') });
    const list = kind === 'choice' ? options.split('\n').map((o) => o.trim()).filter(Boolean) : [];
    try {
      const saved = editing
        ? await call('customFields.update', { id: editing.id, name, ...(kind === 'choice' ? { options: list } : {}) })
        : await call('customFields.create', { name, kind, options: list });
      notifications.show({ message: t(editing ? 'setup.fields.saved' : 'setup.fields.created', { name: saved.name }) });
      onSaved();
    } catch (err) {
      const field = errorField(err);
      const text = errorText(err, 'setup');
      setErrors(field?.startsWith('options') ? { options: text } : { name: text });
    }
  };

  return (
    <SetupFormModal opened={opened} onClose={onClose} title={t(editing ? 'setup.fields.editTitle' : 'setup.fields.newTitle')} testId="field-form" onSubmit={submit}>
      <TextInput
        label={t('setup.fields.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        maxLength={100}
        withAsterisk
        data-autofocus
      />
      <Select
        label={t('setup.fields.kind')}
        data={CUSTOM_FIELD_KINDS.map((k) => ({ value: k, label: t(`setup.fields.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as CustomFieldKind)}
        allowDeselect={false}
        disabled={!!editing}
        description={editing ? t('setup.fields.kindFixed') : undefined}
      />
      {kind === 'choice' && (
        <Textarea
          label={t('setup.fields.options')}
          description={t('setup.fields.optionsHint')}
          value={options}
          onChange={(e) => setOptions(e.currentTarget.value)}
          error={errors.options}
          autosize
          minRows={4}
          maxRows={12}
          withAsterisk
        />
      )}
    </SetupFormModal>
  );
}
