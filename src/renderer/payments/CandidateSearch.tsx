import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../shared/contract';
import { call } from '../api';
import { personName } from './labels';

/** Long labels (name, year, amount) wrap instead of being cut off. */
const WRAP = { label: { whiteSpace: 'normal' as const, overflow: 'visible' as const, textAlign: 'left' as const } };

/** Find the member or open invoice a payment belongs to when no suggestion fits. */
export function CandidateSearch({ money, busy, onPick }: { money: (m: number) => string; busy: boolean; onPick: (c: Candidate) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Candidate[] | null>(null);
  const q = query.trim();
  const searchable = q.length >= 2 || /^\d+$/.test(q);

  useEffect(() => {
    if (!searchable) return;
    let live = true;
    const timer = setTimeout(() => {
      call('payments.candidates', { query: q, limit: 10 }).then((r) => live && setFound(r), () => live && setFound([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, searchable]);

  return (
    <Stack gap="xs">
      <TextInput label={t('payments.review.search')} description={t('payments.review.searchHint')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} maw={460} />
      {searchable && found && found.length === 0 && <Text c="dimmed">{t('payments.review.noMatch')}</Text>}
      {searchable &&
        found?.map((c) => (
          <Button
            key={c.invoiceId ? `i${c.invoiceId}` : `m${c.member.memberId}`}
            variant="default"
            justify="flex-start"
            disabled={busy}
            onClick={() => onPick(c)}
            h="auto"
                  py={6}
                  styles={WRAP}
          >
            {c.invoiceId
              ? `${t('payments.review.bookOn', { number: c.invoiceNumber })} — ${t('payments.review.owes', { name: personName(c.member), year: c.year, amount: money(c.owed ?? 0) })}`
              : `${t('payments.review.bookCredit', { name: personName(c.member) })} — ${t('payments.review.memberOnly', { name: personName(c.member), number: c.member.memberNumber })}`}
          </Button>
        ))}
    </Stack>
  );
}
