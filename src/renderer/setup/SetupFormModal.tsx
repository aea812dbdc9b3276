import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The dialog of a setup form (a type, a field): its fields, then "cancel" and "save", busy while saving. */
export function SetupFormModal(props: { opened: boolean; onClose: () => void; title: string; testId: string; onSubmit: () => Promise<void>; children: ReactNode }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await props.onSubmit();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <form onSubmit={(e) => void submit(e)} data-testid={props.testId}>
        <Stack>
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
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
