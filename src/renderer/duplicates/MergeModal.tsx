import { Alert, Button, Group, Loader, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeField, MergePreview } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { MergeFieldRow } from './MergeFieldRow';
import { MovesText } from './MovesText';

export interface MergeSide {
  id: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
}

const line = (m: MergeSide) => `${m.firstName} ${m.lastName}`.trim();

/**
 * The merge of two members: which one to keep, per field which value, a preview of the result
 * from the core, then one call that applies all of it (or nothing).
 */
export function MergeModal({ pair, country, onClose, onMerged }: {
  pair: [MergeSide, MergeSide] | null;
  /** The register's country, for showing phone numbers and postcodes. */
  country: string;
  onClose: () => void;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={pair !== null} onClose={onClose} title={t('duplicates.mergeTitle')} size="xl">
      {pair && <MergeBody key={`${pair[0].id}-${pair[1].id}`} pair={pair} country={country} onClose={onClose} onMerged={onMerged} />}
    </Modal>
  );
}

function MergeBody({ pair, country, onClose, onMerged }: { pair: [MergeSide, MergeSide]; country: string; onClose: () => void; onMerged: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // The older member (lower number) is kept by default: its number is the one people know.
  const [keepId, setKeepId] = useState(() => (pair[0].memberNumber <= pair[1].memberNumber ? pair[0].id : pair[1].id));
  const [choose, setChoose] = useState<Partial<Record<MergeField, 'keep' | 'other'>>>({});
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keep = pair.find((m) => m.id === keepId)!;
  const other = pair.find((m) => m.id !== keepId) ?? keep;

  useEffect(() => {
    let live = true;
    call('duplicates.mergePreview', { keepId: keep.id, otherId: other.id, choose })
      .then((p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
      })
      .catch((e) => {
        if (!live) return;
        setPreview(null);
        setError(errorText(e, 'duplicates'));
      });
    return () => {
      live = false;
    };
  }, [keep.id, other.id, choose, errorText]);

  const switchKeep = (id: string) => {
    setKeepId(Number(id));
    setChoose({}); // "keep"/"other" mean the other way round now
    setPreview(null); // the old preview has the two members the other way round
  };

  const merge = async () => {
    setBusy(true);
    try {
      const merged = await call('duplicates.merge', { keepId: keep.id, otherId: other.id, choose });
      notifications.show({ color: 'teal', message: t('duplicates.merged', { number: merged.memberNumber, name: `${merged.firstName} ${merged.lastName}` }) });
      onMerged();
      onClose();
    } catch (e) {
      setError(errorText(e, 'duplicates'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" data-testid="merge-modal">
      <Radio.Group label={t('duplicates.keepLabel')} value={String(keepId)} onChange={switchKeep}>
        <Group mt="xs">
          {pair.map((m) => (
            <Radio key={m.id} value={String(m.id)} label={t('duplicates.memberLine', { number: m.memberNumber, name: line(m) })} />
          ))}
        </Group>
      </Radio.Group>
      {error && <Alert color="red" role="alert" data-testid="merge-error">{error}</Alert>}
      {!preview && !error && <Group gap="xs"><Loader size="sm" /><Text size="sm">{t('duplicates.loading')}</Text></Group>}
      {preview && (
        <>
          <Text fw={500}>{t('duplicates.fieldsLegend')}</Text>
          <ScrollArea.Autosize mah="40vh">
            <Table verticalSpacing={6} withRowBorders stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('duplicates.fieldColumn')}</Table.Th>
                  <Table.Th>{t('duplicates.memberLine', { number: keep.memberNumber, name: line(keep) })}</Table.Th>
                  <Table.Th>{t('duplicates.memberLine', { number: other.memberNumber, name: line(other) })}</Table.Th>
                  <Table.Th>{t('duplicates.resultTitle')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {/* The user's choice shows at once; the core's preview catches up a moment later. */}
                {preview.fields.map((f) => ({ ...f, chosen: choose[f.field] ?? f.chosen })).map((f) => (
                  <MergeFieldRow key={f.field} choice={f} country={country} onChoose={(c) => setChoose((x) => ({ ...x, [f.field]: c }))} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <MovesText moves={preview.moves} />
          <Text size="sm" c="dimmed">{t('duplicates.archiveNote', { number: other.memberNumber, name: line(other) })}</Text>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('duplicates.cancel')}</Button>
        <Button color="red" onClick={() => void merge()} loading={busy} disabled={!preview}>
          {t('duplicates.merge', { number: keep.memberNumber })}
        </Button>
      </Group>
    </Stack>
  );
}
