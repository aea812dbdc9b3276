import { useEffect, useState } from 'react';
import type { RecipientSummary } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { call, errorOf } from '../../api';
import type { Draft } from './draft';

/**
 * Who the draft reaches, asked again a moment after the audience, date, channel, limits or the
 * important mark change (not on every keystroke of the text: the text does not change who gets it).
 */
export function useRecipients(draft: Draft, id: number | null, version: number) {
  const [summary, setSummary] = useState<RecipientSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify([draft.channel, draft.audience, draft.plannedOn, draft.frequencyLimit, draft.paperForOthers, draft.important, id, version]);
  useEffect(() => {
    let live = true;
    const [channel, audience, plannedOn, frequencyLimit, paperForOthers, important] = JSON.parse(key) as [Draft['channel'], Draft['audience'], string | null, number | null, boolean, boolean];
    const timer = setTimeout(() => {
      setBusy(true);
      call('sendOuts.recipients', { id: id ?? undefined, channel, audience, plannedOn, frequencyLimit, paperForOthers, important, limit: 500 })
        .then((s) => {
          if (!live) return;
          setSummary(s);
          setError(null);
        })
        .catch((e) => live && setError(errorOf(e)))
        .finally(() => live && setBusy(false));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, id]);
  return { summary, error, busy };
}
