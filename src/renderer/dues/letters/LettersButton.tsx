import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LettersDialog, type LettersTarget } from './LettersDialog';

/** "Make the letters…" for one run, round or set of credit notes: opens the letters dialog. */
export function LettersButton({ target, label, ...button }: { target: LettersTarget; label?: string } & Omit<ButtonProps, 'children' | 'onClick'>) {
  const { t } = useTranslation();
  // The target is fixed while the dialog is open, so its preview is fetched once.
  const [open, setOpen] = useState<LettersTarget | null>(null);
  return (
    <>
      <Button {...button} onClick={() => setOpen(target)}>
        {label ?? t('duesRuns.letters.make')}
      </Button>
      <LettersDialog target={open} onClose={() => setOpen(null)} />
    </>
  );
}
