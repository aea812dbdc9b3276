import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge, call, errorOf } from '../api';
import { useErrorText } from './ErrorAlert';

/** Writes the printable recovery sheet (PDF) where the user chooses. */
export function RecoverySheetButton({ recoveryKey, onSaved }: { recoveryKey: string; onSaved?: (path: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const path = await bridge.host.pickSavePath({
      title: t('recovery.pickSaveTitle'),
      defaultName: `${t('recovery.sheetName')}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!path) return;
    setBusy(true);
    try {
      const written = await call('register.writeRecoverySheet', { path, recoveryKey });
      notifications.show({ color: 'teal', message: t('recovery.sheetSaved', { path: written.path }) });
      onSaved?.(written.path);
      await bridge.host.showInFolder(written.path);
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(errorOf(e)) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="light" onClick={save} loading={busy}>
      {t('recovery.saveSheet')}
    </Button>
  );
}
