import { Checkbox, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeEntity } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { SetupFormModal } from './SetupFormModal';
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
  const errorText = useErrorText();
  const [name, setName] = useState(editing ? typeName(t, editing) : '');
  const [paysDues, setPaysDues] = useState(editing?.paysDues ?? true);
  const [mayVote, setMayVote] = useState(editing?.mayVote ?? true);
  const [error, setError] = useState<string | null>(null);
  const builtIn = !!editing?.code;

  const submit = async () => {
    if (!builtIn && !name.trim()) return setError(t('setup.errors.required'));
    try {
      const saved = editing
        ? await call('membershipTypes.update', { id: editing.id, paysDues, mayVote, ...(builtIn ? {} : { name }) })
        : await call('membershipTypes.create', { name, paysDues, mayVote });
      notifications.show({ message: t(editing ? 'setup.types.saved' : 'setup.types.created', { name: typeName(t, saved) }) });
      onSaved();
    } catch (err) {
      setError(errorText(err, 'setup'));
    }
  };

  return (
    <SetupFormModal opened={opened} onClose={onClose} title={t(editing ? 'setup.types.editTitle' : 'setup.types.newTitle')} testId="type-form" onSubmit={submit}>
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
    </SetupFormModal>
  );
}
