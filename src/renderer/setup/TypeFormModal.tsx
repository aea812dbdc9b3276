import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeEntity } from '../../shared/contract';
import { call } from '../api';
import { useFeatureError } from '../groups/featureError';
import { typeName } from './typeName';

/** Creates a membership type or edits one; a built-in type keeps its translated name. */
export function TypeFormModal({
  opened,
  editing,
  onClose,
  onSaved,
}: {
  opened: boolean;
  editing: MembershipTypeEntity | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const explain = useFeatureError('setup');
  const [name, setName] = useState(editing ? typeName(t, editing) : '');
  const [paysDues, setPaysDues] = useState(editing?.paysDues ?? true);
  const [mayVote, setMayVote] = useState(editing?.mayVote ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const builtIn = !!editing?.code;


  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!builtIn && !name.trim()) return setError(t('setup.errors.required'));
    setBusy(true);
    try {
      const saved = editing
        ? await call('membershipTypes.update', { id: editing.id, paysDues, mayVote, ...(builtIn ? {} : { name }) })
        : await call('membershipTypes.create', { name, paysDues, mayVote });
      notifications.show({ message: t(editing ? 'setup.types.saved' : 'setup.types.created', { name: typeName(t, saved) }) });
      onSaved();
    } catch (err) {
      setError(explain(err).text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(editing ? 'setup.types.editTitle' : 'setup.types.newTitle')}>
      <form onSubmit={(e) => void submit(e)} data-testid="type-form">
        <Stack>
          <TextInput
            label={t('setup.types.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
            maxLength={100}
            disabled={builtIn}
            description={builtIn ? t('setup.types.builtInName') : undefined}
            withAsterisk={!builtIn}
            data-autofocus
          />
          <Checkbox label={t('setup.types.paysDues')} checked={paysDues} onChange={(e) => setPaysDues(e.currentTarget.checked)} />
          <Checkbox label={t('setup.types.mayVote')} checked={mayVote} onChange={(e) => setMayVote(e.currentTarget.checked)} />
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
