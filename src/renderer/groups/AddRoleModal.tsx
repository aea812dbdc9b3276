import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type GroupEntity, type Role } from '../../shared/contract';
import { call } from '../api';
import { localeOf } from '../i18n';
import { todayIso } from './dates';
import { errorField, useErrorText } from '../components/ErrorAlert';
import { MemberPicker } from './MemberPicker';

type Field = 'memberId' | 'role' | 'from' | 'to';

/** Gives a member a role in the group from a date, optionally up to a date. */
export function AddRoleModal({ group, opened, onClose, onAdded }: { group: GroupEntity; opened: boolean; onClose: () => void; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [memberId, setMemberId] = useState<number | null>(null);
  const [memberName, setMemberName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [from, setFrom] = useState(todayIso());
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);


  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (memberId === null) missing.memberId = t('groups.errors.required');
    if (!from) missing.from = t('groups.errors.required');
    setErrors(missing);
    if (memberId === null || !from) return;
    setBusy(true);
    try {
      await call('groups.addRole', { memberId, groupId: group.id, role, from, to: to || null });
      // A role is a title in the table ("Leder") but a plain noun inside the sentence ("er nå leder").
      notifications.show({ message: t('groups.added', { name: memberName, role: t(`roles.${role}`).toLocaleLowerCase(localeOf(i18n.language)) }) });
      onAdded();
    } catch (err) {
      const field = errorField(err);
      const text = errorText(err, 'groups');
      setErrors({ [field === 'memberId' || field === 'role' || field === 'to' ? field : 'from']: text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('groups.addTitle', { group: group.name })} size="lg">
      <form onSubmit={(e) => void submit(e)} data-testid="role-form">
        <Stack>
          <MemberPicker
            value={memberId}
            onChange={(id, label) => {
              setMemberId(id);
              setMemberName(label);
            }}
            error={errors.memberId}
          />
          <Select
            label={t('groups.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            error={errors.role}
          />
          <SimpleGrid cols={2}>
            <TextInput label={t('groups.from')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} withAsterisk />
            <TextInput label={t('groups.to')} description={t('groups.toHint')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('groups.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('groups.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
