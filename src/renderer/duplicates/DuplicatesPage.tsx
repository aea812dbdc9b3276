import { Alert, Button, Group, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useOpenMember } from '../followups/useOpenMember';
import { CandidateRow } from './CandidateRow';
import { ManualMergeForm } from './ManualMergeForm';
import { MergeModal, type MergeSide } from './MergeModal';

/** Possible duplicates among the members, and the merge of a pair. */
export function DuplicatesPage({ info }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pair, setPair] = useState<[MergeSide, MergeSide] | null>(null);

  const load = useCallback(() => {
    call('duplicates.find', {})
      .then((c) => {
        setCandidates(c);
        setError(null);
      })
      .catch((e) => setError(errorText(e, 'duplicates')));
  }, [errorText]);
  useEffect(load, [load]);
  const { open, drawer } = useOpenMember(info, load);

  return (
    <ScrollArea style={{ flex: 1 }}>
      <Stack gap="md" pb="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2}>{t('duplicates.nav')}</Title>
            <Text c="dimmed" maw={720}>{t('duplicates.intro')}</Text>
          </div>
          <Group>
            {candidates && candidates.length > 0 && <Text c="dimmed">{t('duplicates.count', { count: candidates.length })}</Text>}
            <Button variant="default" onClick={load}>{t('duplicates.refresh')}</Button>
          </Group>
        </Group>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        {candidates === null && !error && <Loader />}
        {candidates?.length === 0 && <Text c="dimmed" data-testid="duplicates-empty">{t('duplicates.empty')}</Text>}
        {candidates && candidates.length > 0 && (
          <Table verticalSpacing="sm" striped data-testid="duplicates-table">
            <Table.Tbody>
              {candidates.map((c) => (
                <CandidateRow key={`${c.a.id}-${c.b.id}`} candidate={c} country={info.country} onOpen={open} onCompare={() => setPair([c.a, c.b])} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        <ManualMergeForm onPair={setPair} />
        <MergeModal pair={pair} country={info.country} onClose={() => setPair(null)} onMerged={load} />
        {drawer}
      </Stack>
    </ScrollArea>
  );
}
