import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleHolderRow } from '../../shared/contract';
import { call } from '../api';
import { todayIso } from './dates';
import { errorField, useErrorText } from '../components/ErrorAlert';

/**
 * Ends a role (`mode` 'end': one date, the last day held) or corrects both of its dates
 * (`mode` 'dates'). The core refuses reversed or overlapping periods.
 */
export function RoleDatesModal({ row, mode, onClose, onSaved }: { row: RoleHolderRow | null; mode: 'end' | 'dates'; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [from, setFrom] = useState(row?.from ?? '');
  const [to, setTo] = useState(row?.to ?? (mode === 'end' ? todayIso() : ''));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState(false);


  if (!row) return null;
  const name = `${row.firstName} ${row.lastName}`;
  const role = t(`roles.${row.role}`);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (mode === 'end' && !to) return setErrors({ to: t('groups.errors.required') });
    if (!from) return setErrors({ from: t('groups.errors.required') });
    setBusy(true);
    try {
      if (mode === 'end') await call('groups.endRole', { id: row.id, on: to });
      else await call('groups.updateRole', { id: row.id, from, to: to || null });
      notifications.show({ message: t(mode === 'end' ? 'groups.ended' : 'groups.datesSaved') });
      onSaved();
    } catch (err) {
      const field = errorField(err);
      const text = errorText(err, 'groups');
      setErrors(field === 'from' && mode === 'dates' ? { from: text } : { to: text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(mode === 'end' ? 'groups.endTitle' : 'groups.datesTitle', { name, role })} size="lg">
      <form onSubmit={(e) => void submit(e)} data-testid="role-dates-form">
        <Stack>
          {mode === 'end' ? (
            <TextInput label={t('groups.endOn')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} withAsterisk data-autofocus />
          ) : (
            <SimpleGrid cols={2}>
              <TextInput label={t('groups.from')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} withAsterisk data-autofocus />
              <TextInput label={t('groups.to')} description={t('groups.toHint')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
            </SimpleGrid>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('groups.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {mode === 'end' ? t('groups.end') : t('groups.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
