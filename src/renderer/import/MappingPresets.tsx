import { ActionIcon, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMappingEntity, ImportTarget } from '../../shared/contract/imports';
import { call } from '../api';
import { useErrorText } from '../components/ErrorAlert';

/** Saved column choices, by column name, so next year's file from the same old system maps itself. */
export function MappingPresets({ headers, mapping, onMapping }: { headers: string[]; mapping: (ImportTarget | null)[]; onMapping: (m: (ImportTarget | null)[]) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [saved, setSaved] = useState<ImportMappingEntity[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    call('import.mappings.list', {}).then(setSaved).catch((e) => setMessage(errorText(e, 'import')));
  }, [errorText]);
  useEffect(load, [load]);

  const use = () => {
    const m = saved.find((s) => String(s.id) === chosen);
    if (m) onMapping(headers.map((h, i) => (h in m.mapping ? m.mapping[h] : mapping[i])));
  };
  const save = () => {
    const byName: Record<string, ImportTarget | null> = {};
    headers.forEach((h, i) => h && (byName[h] = mapping[i] ?? null));
    call('import.mappings.save', { name, mapping: byName })
      .then(() => {
        setMessage(t('import.mappingSaved'));
        setName('');
        load();
      })
      .catch((e) => setMessage(errorText(e, 'import')));
  };
  const remove = (m: ImportMappingEntity) => call('import.mappings.delete', { id: m.id }).then(load).catch((e) => setMessage(errorText(e, 'import')));
  const current = saved.find((s) => String(s.id) === chosen);

  return (
    <Group align="flex-end" wrap="wrap">
      {saved.length > 0 && (
        <>
          <Select label={t('import.savedMappings')} data={saved.map((s) => ({ value: String(s.id), label: s.name }))} value={chosen} onChange={setChosen} w={240} />
          <Button variant="default" onClick={use} disabled={!current}>{t('import.useMapping')}</Button>
          {current && (
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('import.deleteMapping', { name: current.name })} onClick={() => void remove(current)}>
              ×
            </ActionIcon>
          )}
        </>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save();
        }}
      >
        <Group align="flex-end">
          <TextInput label={t('import.mappingName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} w={240} />
          <Button type="submit" variant="default" disabled={!name.trim()}>{t('import.saveMapping')}</Button>
        </Group>
      </form>
      {message && <Text size="sm" role="status">{message}</Text>}
    </Group>
  );
}
