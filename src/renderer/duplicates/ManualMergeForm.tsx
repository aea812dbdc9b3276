import { Alert, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import type { MergeSide } from './MergeModal';

/** The member (not archived) with exactly this number; the list's search also matches parts of numbers. */
async function memberByNumber(n: number): Promise<MergeSide | null> {
  const page = await call('members.list', { search: String(n), sort: 'memberNumber', limit: 1000 });
  return page.rows.find((r) => r.memberNumber === n) ?? null;
}

/** Two member numbers typed by hand, for a pair the finder missed; checked by the core's preview. */
export function ManualMergeForm({ onPair }: { onPair: (pair: [MergeSide, MergeSide]) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [keepNo, setKeepNo] = useState<number | string>('');
  const [otherNo, setOtherNo] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (typeof keepNo !== 'number' || typeof otherNo !== 'number') return;
    setBusy(true);
    setError(null);
    try {
      const [keep, other] = await Promise.all([memberByNumber(keepNo), memberByNumber(otherNo)]);
      if (!keep || !other) {
        setError(t('duplicates.numberNotFound', { number: keep ? otherNo : keepNo }));
        return;
      }
      // The core judges the pair (itself, already merged, archived) before anything is shown.
      await call('duplicates.mergePreview', { keepId: keep.id, otherId: other.id });
      onPair([keep, other]);
    } catch (e) {
      setError(errorText(e, 'duplicates'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="md">
      <Stack
        gap="xs"
        component="form"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="manual-merge"
      >
        <Title order={4}>{t('duplicates.manualTitle')}</Title>
        <Text size="sm" c="dimmed">{t('duplicates.manualIntro')}</Text>
        <Group align="flex-end">
          <NumberInput label={t('duplicates.keepNumber')} value={keepNo} onChange={setKeepNo} min={1} allowDecimal={false} allowNegative={false} w={300} />
          <NumberInput label={t('duplicates.otherNumber')} value={otherNo} onChange={setOtherNo} min={1} allowDecimal={false} allowNegative={false} w={300} />
          <Button type="submit" variant="light" loading={busy} disabled={typeof keepNo !== 'number' || typeof otherNo !== 'number'}>
            {t('duplicates.manualCompare')}
          </Button>
        </Group>
        {error && <Alert color="red" role="alert" data-testid="manual-merge-error">{error}</Alert>}
      </Stack>
    </Card>
  );
}
