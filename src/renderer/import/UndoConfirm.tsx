import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRunEntity } from '../../shared/contract/imports';

/** Undoing an import removes members: asked once more, with what it will do. */
export function UndoConfirm({ run, busy, onCancel, onConfirm }: { run: ImportRunEntity | null; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={run !== null} onClose={onCancel} title={t('import.undo')} centered>
      <Text>{run && t('import.confirmUndo', { name: run.fileName })}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
        <Button color="red" onClick={onConfirm} loading={busy} data-autofocus>{t('import.undo')}</Button>
      </Group>
    </Modal>
  );
}
