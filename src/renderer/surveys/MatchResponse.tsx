import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRow } from '../../shared/contract';
import { call } from '../api';
import { MemberPicker } from '../groups/MemberPicker';
import { useSurveyErrors } from './issues';

/** What an imported row said about who answered ("Doris Dahl · doris@… · row 4"), and why no member was found. */
export function ImportedWho({ row }: { row: ResponseRow }) {
  const { t } = useTranslation();
  const who = row.imported;
  if (!who) return null;
  const parts = [who.name, who.memberNumber && t('surveys.match.number', { number: who.memberNumber }), who.email, who.mobile].filter(Boolean);
  return (
    <div>
      <Text size="sm" fw={500}>{parts.join(' · ') || t('surveys.match.nothing')}</Text>
      <Text size="xs" c="dimmed">
        {t('surveys.match.row', { row: who.row })}
        {who.reason ? ` · ${t(`surveys.match.reasons.${who.reason}`)}` : ''}
      </Text>
    </div>
  );
}

/** Gives an unmatched imported response its member by hand. */
export function MatchResponse({ row, onMatched }: { row: ResponseRow; onMatched: () => void }) {
  const { t } = useTranslation();
  const { failure } = useSurveyErrors();
  const [memberId, setMemberId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const match = async () => {
    if (memberId === null) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('surveys.matchResponse', { id: row.id, memberId });
      onMatched();
    } catch (e) {
      setProblem(failure(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap" data-testid="match-response">
      <div style={{ minWidth: 260 }}>
        <MemberPicker value={memberId} onChange={(id) => setMemberId(id)} error={problem} />
      </div>
      <Button onClick={() => void match()} disabled={memberId === null} loading={busy} mb={problem ? 22 : 0}>
        {t('surveys.match.match')}
      </Button>
    </Group>
  );
}
