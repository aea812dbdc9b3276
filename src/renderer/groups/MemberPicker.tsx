import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';

interface Option {
  value: string;
  label: string;
}

/**
 * Chooses one member by typing part of a name or the member number; the core searches (the
 * register may hold tens of thousands), so only the first matches are offered.
 */
export function MemberPicker({ value, onChange, error }: { value: number | null; onChange: (id: number | null, label: string) => void; error?: string | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | null>(null);

  useEffect(() => {
    // Once a member is chosen, the box shows its label; that is not a new search.
    if (chosen && debounced === chosen.label) return;
    let stale = false;
    call('members.list', { search: debounced, limit: 20 })
      .then((page) => {
        if (stale) return;
        setOptions(
          page.rows.map((r) => ({
            value: String(r.id),
            label: t('groups.memberLabel', { firstName: r.firstName, lastName: r.lastName, number: r.memberNumber }),
          })),
        );
      })
      .catch(() => !stale && setOptions([]));
    return () => {
      stale = true;
    };
  }, [debounced, chosen, t]);

  // The chosen member stays among the options even when a later search no longer finds it.
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;

  return (
    <Select
      label={t('groups.member')}
      placeholder={t('groups.memberSearch')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options: o }) => o}
      nothingFoundMessage={t('groups.noMemberFound')}
      value={value === null ? null : String(value)}
      onChange={(v, option) => {
        setChosen(option ?? null);
        onChange(v ? Number(v) : null, option?.label ?? '');
      }}
      error={error}
      withAsterisk
      data-testid="member-picker"
      data-autofocus
    />
  );
}
