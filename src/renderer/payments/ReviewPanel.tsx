import { Alert, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo, ReviewItem } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { useMoney } from '../dues/money';
import { ReviewCard, type ReviewActions } from './ReviewCard';

/** The payments no reference matched: each with suggestions, booked or left by the treasurer. */
export function ReviewPanel({ info, onChanged }: { info: RegisterInfo; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const money = useMoney(info.currency);
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [decided, setDecided] = useState<ReviewItem[]>([]);
  const [showDecided, setShowDecided] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    () =>
      Promise.all([call('payments.review', { limit: 500 }), showDecided ? call('payments.review', { status: ['assigned', 'left'], limit: 500 }) : Promise.resolve([])]).then(
        ([open, done]) => {
          setItems(open);
          setDecided(done);
        },
        (e) => setError(errorOf(e)),
      ),
    [showDecided],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await load();
      onChanged();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const actions: ReviewActions = {
    assign: (item, target) => act(() => call('payments.assign', { itemId: item.id, ...target })),
    leave: (item, note) => act(() => call('payments.leave', { itemId: item.id, note })),
    reopen: (item) => act(() => call('payments.reopen', { itemId: item.id })),
  };

  return (
    <Stack gap="md" maw={900}>
      {error && <Alert color="red" role="alert">{errorText(error, 'payments')}</Alert>}
      {items && items.length === 0 && <Text data-testid="payments-review-empty">{t('payments.review.empty')}</Text>}
      {items && items.length > 0 && <Title order={3} data-testid="payments-review-count">{t('payments.review.count', { count: items.length })}</Title>}
      {items?.map((item) => <ReviewCard key={item.id} item={item} money={money} busy={busy} actions={actions} />)}
      <Switch label={t('payments.review.showDecided')} checked={showDecided} onChange={(e) => setShowDecided(e.currentTarget.checked)} />
      {showDecided && decided.length > 0 && <Title order={4}>{t('payments.review.decided')}</Title>}
      {showDecided && decided.map((item) => <ReviewCard key={item.id} item={item} money={money} busy={busy} actions={actions} />)}
    </Stack>
  );
}
