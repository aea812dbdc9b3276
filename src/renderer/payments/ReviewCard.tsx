import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem, Suggestion } from '../../shared/contract';
import { useFormat } from '../member/format';
import { CandidateSearch } from './CandidateSearch';
import { outcomeText, personName } from './labels';

export interface ReviewActions {
  assign: (item: ReviewItem, target: { invoiceId: number | null; memberId: number | null }) => void;
  leave: (item: ReviewItem, note: string) => void;
  reopen: (item: ReviewItem) => void;
}

function suggestionLabel(t: ReturnType<typeof useTranslation>['t'], s: Suggestion, money: (m: number) => string): string {
  const who = personName(s.member);
  return s.invoiceId
    ? `${t('payments.review.bookOn', { number: s.invoiceNumber })} — ${t('payments.review.owes', { name: who, year: s.year, amount: money(s.owed ?? 0) })}`
    : t('payments.review.bookCredit', { name: who });
}

/** Long labels (name, year, amount) wrap instead of being cut off. */
const WRAP = { label: { whiteSpace: 'normal' as const, overflow: 'visible' as const, textAlign: 'left' as const } };

/** One payment to decide: what the bank said, the suggestions as buttons, a search, or leave it. */
export function ReviewCard({ item, money, busy, actions }: { item: ReviewItem; money: (m: number) => string; busy: boolean; actions: ReviewActions }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [leaving, setLeaving] = useState(false);
  const [note, setNote] = useState('');
  const [searching, setSearching] = useState(false);
  const decided = item.status !== 'review';
  const amount = item.blocked === 'currency' ? `${(item.amount / 100).toFixed(2)} ${item.currency}` : money(item.amount);

  return (
    <Card withBorder padding="md" data-testid="payments-review-item" data-item={item.id} aria-label={`${amount} ${item.payerName ?? ''}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={700} size="xl">{amount}</Text>
            <Text>{t('payments.review.paid', { date: fmt.date(item.paidOn) })}</Text>
          </Stack>
          <Text c="dimmed" size="sm">{t('payments.review.fromFile', { name: item.fileName, line: item.line })}</Text>
        </Group>
        <Text><b>{t('payments.review.from')}:</b> {item.payerName ?? <i>{t('payments.review.unknownPayer')}</i>}</Text>
        {item.references.length > 0 && <Text><b>{t('payments.review.reference')}:</b> {item.references.join(', ')}</Text>}
        {item.message && <Text><b>{t('payments.review.message')}:</b> {item.message}</Text>}
        {decided ? (
          <Group justify="space-between">
            <Text data-testid="payments-decision">{item.status === 'left' ? `${t('payments.review.left')}${item.note ? ` ${item.note}` : ''}` : t('payments.review.booked', { what: outcomeText(t, item, money) })}</Text>
            <Button variant="default" onClick={() => actions.reopen(item)} disabled={busy}>{t('payments.review.reopen')}</Button>
          </Group>
        ) : item.blocked ? (
          <Group justify="space-between">
            <Text c="orange">{t(`payments.blocked.${item.blocked}`, { currency: item.currency })}</Text>
            <Button variant="default" onClick={() => setLeaving(true)} disabled={busy}>{t('payments.review.leave')}</Button>
          </Group>
        ) : (
          <Stack gap="xs">
            <Text fw={600}>{t('payments.review.suggestions')}</Text>
            {item.suggestions.length === 0 && <Text c="dimmed">{t('payments.review.noSuggestions')}</Text>}
            {item.suggestions.map((s) => (
              <Group key={s.invoiceId ? `i${s.invoiceId}` : `m${s.member.memberId}`} gap="sm" wrap="wrap">
                <Button
                  onClick={() => actions.assign(item, { invoiceId: s.invoiceId, memberId: s.invoiceId ? null : s.member.memberId })}
                  disabled={busy}
                  h="auto"
                  py={6}
                  styles={WRAP}
                  data-testid="payments-suggestion"
                >
                  {suggestionLabel(t, s, money)}
                </Button>
                <Group gap={4}>
                  {s.reasons.map((r) => (
                    <Badge key={r} variant="light" color="gray" style={{ textTransform: 'none' }}>{t(`payments.reason.${r}`)}</Badge>
                  ))}
                </Group>
              </Group>
            ))}
            {searching ? (
              <CandidateSearch money={money} busy={busy} onPick={(c) => actions.assign(item, { invoiceId: c.invoiceId, memberId: c.invoiceId ? null : c.member.memberId })} />
            ) : null}
            <Group>
              {!searching && <Button variant="default" onClick={() => setSearching(true)}>{t('payments.review.search')}</Button>}
              <Button variant="default" onClick={() => setLeaving(true)} disabled={busy}>{t('payments.review.leave')}</Button>
            </Group>
          </Stack>
        )}
      </Stack>
      <Modal opened={leaving} onClose={() => setLeaving(false)} title={t('payments.review.leaveTitle')} centered>
        <Stack>
          <Text>{t('payments.review.leaveHelp')}</Text>
          <Textarea label={t('payments.review.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLeaving(false)}>{t('common.cancel')}</Button>
            <Button
              onClick={() => {
                setLeaving(false);
                actions.leave(item, note);
              }}
              data-autofocus
            >
              {t('payments.review.leaveConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
