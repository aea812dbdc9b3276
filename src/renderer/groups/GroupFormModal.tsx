import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_KINDS, type GroupEntity, type GroupKind } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';

/** Creates a group, or renames one / changes its kind (`editing` given). */
export function GroupFormModal({
  opened,
  editing,
  onClose,
  onSaved,
}: {
  opened: boolean;
  editing: GroupEntity | null;
  onClose: () => void;
  onSaved: (g: GroupEntity) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<GroupKind>(editing?.kind ?? 'board');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);


  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('groups.errors.required'));
    setBusy(true);
    try {
      const g = editing ? await call('groups.update', { id: editing.id, name, kind }) : await call('groups.create', { name, kind });
      notifications.show({ message: t(editing ? 'groups.saved' : 'groups.created', { name: g.name }) });
      onSaved(g);
    } catch (err) {
      setError(errorText(err, 'groups'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(editing ? 'groups.editTitle' : 'groups.newTitle')}>
      <form onSubmit={(e) => void submit(e)} data-testid="group-form">
        <Stack>
          <TextInput label={t('groups.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} maxLength={100} data-autofocus withAsterisk />
          <Select
            label={t('groups.kind')}
            data={GROUP_KINDS.map((k) => ({ value: k, label: t(`groups.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as GroupKind)}
            allowDeselect={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('groups.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('groups.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
