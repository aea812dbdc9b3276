import { useCallback, useEffect, useState } from 'react';
import type { HouseholdEntity, HouseholdSuggestion } from '../../shared/contract';
import { call } from '../api';

const PAGE = 1000;

/**
 * The contract has no "list households": the existing ones are found through the member list
 * (members in a household, with their household id), then fetched one by one.
 */
async function loadHouseholds(): Promise<HouseholdEntity[]> {
  const ids = new Set<number>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await call('members.list', {
      segment: { definition: { kind: 'household', has: true } },
      columns: ['householdId'],
      sort: 'lastName',
      offset,
      limit: PAGE,
    });
    for (const row of page.rows) {
      const id = row.extra?.householdId;
      if (typeof id === 'number') ids.add(id);
    }
    if (offset + PAGE >= page.total) break;
  }
  const households = await Promise.all([...ids].map((id) => call('households.get', { id })));
  return households.sort((a, b) => (a.members[0]?.lastName ?? '').localeCompare(b.members[0]?.lastName ?? '') || a.id - b.id);
}

export function useHouseholds() {
  const [suggestions, setSuggestions] = useState<HouseholdSuggestion[] | null>(null);
  const [households, setHouseholds] = useState<HouseholdEntity[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    Promise.all([call('households.suggestions', {}), loadHouseholds()])
      .then(([s, h]) => {
        setSuggestions(s);
        setHouseholds(h);
        setError(null);
      })
      .catch(setError);
  }, []);
  useEffect(reload, [reload]);

  return { suggestions, households, error, reload };
}
