import { Alert, Button, Group, Loader, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterSource, LettersPreview } from '../../../shared/contract';
import { bridge, call } from '../../api';
import { useRunsErrors } from '../runs/errors';
import { startLetters } from './jobs';
import { folderInside } from './paths';

export interface LettersTarget {
  source: LetterSource;
  /** Groups the jobs by screen (see jobs.ts). */
  sourceKey: string;
  /** What the letters are, in words; also the file or folder name offered. */
  what: string;
}

/**
 * "Make the letters": how many, who cannot be printed or mailed; one combined PDF for printing
 * (sorted by postcode or name) or one PDF per member with index.csv; then where. The dialog
 * closes as soon as the job starts — its progress shows on the screen, which stays usable.
 */
export function LettersDialog({ target, onClose }: { target: LettersTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? t('duesRuns.letters.title', { what: target.what }) : ''} size="lg" centered>
      {target && <LettersForm target={target} onClose={onClose} />}
    </Modal>
  );
}

/** The dialog's content: mounted afresh for each opening, so nothing of the last one lingers. */
function LettersForm({ target, onClose }: { target: LettersTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const errors = useRunsErrors();
  const [preview, setPreview] = useState<LettersPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [mode, setMode] = useState<'combined' | 'separate'>('combined');
  const [sort, setSort] = useState<'postcode' | 'name'>('postcode');
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    let live = true;
    call('dues.lettersPreview', { source: target.source }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setFailure(errors.error(e)),
    );
    return () => {
      live = false;
    };
  }, [target, errors]);

  const start = async () => {
    setPicking(true);
    try {
      let path: string | null;
      if (mode === 'combined') {
        path = await bridge.host.pickSavePath({ title: t('duesRuns.letters.pickFile'), defaultName: `${target.what}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      } else {
        const parent = await bridge.host.pickFolder({ title: t('duesRuns.letters.pickFolder') });
        path = parent ? folderInside(parent, target.what) : null;
      }
      if (!path) return;
      startLetters({ source: target.source, sourceKey: target.sourceKey, what: target.what, mode, path, sort });
      onClose();
    } finally {
      setPicking(false);
    }
  };

  const nothing = preview?.letters === 0;
  return (
    <Stack gap="md" data-testid="letters-dialog">
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {!preview && !failure && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text>{t('duesRuns.letters.counting')}</Text>
        </Group>
      )}
      {preview && (
        <Stack gap={4} data-testid="letters-preview">
          <Text fw={600}>{t('duesRuns.letters.count', { count: preview.letters })}</Text>
          {preview.notPrintable.length > 0 && <Text size="sm">{t('duesRuns.letters.notPrintable', { count: preview.notPrintable.length })}</Text>}
          {preview.withoutEmail.length > 0 && <Text size="sm">{t('duesRuns.letters.withoutEmail', { count: preview.withoutEmail.length })}</Text>}
        </Stack>
      )}

      <Radio.Group label={t('duesRuns.letters.mode')} value={mode} onChange={(v) => setMode(v as 'combined' | 'separate')}>
        <Stack gap="xs" mt={6}>
          {(['combined', 'separate'] as const).map((m) => (
            <Radio key={m} value={m} label={t(`duesRuns.letters.modes.${m}`)} description={t(`duesRuns.letters.modeHelp.${m}`)} />
          ))}
        </Stack>
      </Radio.Group>

      <Select
        label={t('duesRuns.letters.sort')}
        value={sort}
        onChange={(v) => v && setSort(v as 'postcode' | 'name')}
        allowDeselect={false}
        data={(['postcode', 'name'] as const).map((s) => ({ value: s, label: t(`duesRuns.letters.sorts.${s}`) }))}
        maw={260}
      />

      {mode === 'separate' && (
        <Text size="sm" c="dimmed">
          {t('duesRuns.letters.folderNote', { name: target.what })}
        </Text>
      )}

      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void start()} loading={picking} disabled={!preview || nothing}>
          {t('duesRuns.letters.start')}
        </Button>
      </Group>
    </Stack>
  );
}
