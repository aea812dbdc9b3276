import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_KINDS, type CustomFieldEntity, type CustomFieldKind } from '../../shared/contract';
import { call } from '../api';
import { useFeatureError } from '../groups/featureError';

/** Creates a custom field or edits one (name and list options; the kind is fixed once made). */
export function FieldFormModal({ opened, editing, onClose, onSaved }: { opened: boolean; editing: CustomFieldEntity | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const explain = useFeatureError('setup');
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<CustomFieldKind>(editing?.kind ?? 'text');
  // One option per line: easier to read and to reorder than chips for most users.
  const [options, setOptions] = useState(editing?.options.join('\n') ?? '');
  const [errors, setErrors] = useState<{ name?: string; options?: string }>({});
  const [busy, setBusy] = useState(false);


  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setErrors({ name: t('setup.errors.required') });
    const list = kind === 'choice' ? options.split('\n').map((o) => o.trim()).filter(Boolean) : [];
    setBusy(true);
    try {
      const saved = editing
        ? await call('customFields.update', { id: editing.id, name, ...(kind === 'choice' ? { options: list } : {}) })
        : await call('customFields.create', { name, kind, options: list });
      notifications.show({ message: t(editing ? 'setup.fields.saved' : 'setup.fields.created', { name: saved.name }) });
      onSaved();
    } catch (err) {
      const { field, text } = explain(err);
      setErrors(field?.startsWith('options') ? { options: text } : { name: text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(editing ? 'setup.fields.editTitle' : 'setup.fields.newTitle')}>
      <form onSubmit={(e) => void submit(e)} data-testid="field-form">
        <Stack>
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('setup.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('setup.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
