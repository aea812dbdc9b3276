import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentEntity, SegmentGroup, SegmentNode } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import type { BuilderData } from './ConditionEditor';
import { GroupEditor } from './GroupEditor';
import { emptyGroup, hasConditions, isGroup, usableNode } from './model';

export interface LoadedSegment {
  id: number;
  name: string;
}

/**
 * The segment builder: conditions in nested and/or groups, applied to the list as they are
 * edited, with the number of members matching, and saved under a name for later use.
 */
export function FilterPanel(props: {
  definition: SegmentGroup;
  /** The usable part of the definition the list shows now (debounced), null = no filter. */
  applied: SegmentNode | null;
  onChange: (d: SegmentGroup) => void;
  loaded: LoadedSegment | null;
  onLoaded: (s: LoadedSegment | null) => void;
  data: BuilderData;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [saved, setSaved] = useState<SegmentEntity[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [countError, setCountError] = useState<ApiError | null>(null);
  const [name, setName] = useState(props.loaded?.name ?? '');
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const reloadSaved = useCallback(() => {
    call('segments.list', {}).then(setSaved).catch(() => setSaved([]));
  }, []);
  useEffect(reloadSaved, [reloadSaved]);

  const { applied } = props;
  useEffect(() => {
    let stale = false;
    call('segments.count', { segment: { definition: applied ?? emptyGroup() } })
      .then((r) => {
        if (stale) return;
        setCount(r.count);
        setCountError(null);
      })
      .catch((e: unknown) => {
        if (stale) return;
        setCount(null);
        setCountError(errorOf(e));
      });
    return () => {
      stale = true;
    };
  }, [applied]);

  const load = (id: string | null) => {
    const s = saved.find((x) => String(x.id) === id);
    if (!s) return;
    props.onChange(isGroup(s.definition) ? s.definition : { kind: 'and', children: [s.definition] });
    props.onLoaded({ id: s.id, name: s.name });
    setName(s.name);
    setSaveError(null);
  };

  const save = async (asNew: boolean) => {
    setBusy(true);
    setSaveError(null);
    try {
      const id = !asNew && props.loaded && props.loaded.name === name.trim() ? props.loaded.id : undefined;
      const r = await call('segments.save', { id, name, definition: usableNode(props.definition) ?? emptyGroup() });
      props.onLoaded({ id: r.segment.id, name: r.segment.name });
      notifications.show({ color: 'teal', message: t('segments.savedOk', { name: r.segment.name, count: r.count }) });
      reloadSaved();
    } catch (e) {
      setSaveError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = () => {
    const target = props.loaded;
    if (!target) return;
    modals.openConfirmModal({
      title: t('segments.delete'),
      children: <Text size="sm">{t('segments.deleteConfirm', { name: target.name })}</Text>,
      labels: { confirm: t('segments.delete'), cancel: t('segments.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        call('segments.delete', { id: target.id })
          .then(() => {
            notifications.show({ message: t('segments.deleted', { name: target.name }) });
            props.onLoaded(null);
            setName('');
            reloadSaved();
          })
          .catch((e: unknown) => setSaveError(errorOf(e)));
      },
    });
  };

  return (
    <Paper withBorder p="md" data-testid="filter-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="end">
          <Title order={4}>{t('segments.title')}</Title>
          <Group gap="xs" align="end">
            <Select
              label={t('segments.saved')}
              placeholder={saved.length ? t('segments.savedPlaceholder') : t('segments.noSaved')}
              data={saved.map((s) => ({ value: String(s.id), label: s.name }))}
              value={props.loaded ? String(props.loaded.id) : null}
              onChange={load}
              disabled={!saved.length}
              w={260}
              data-testid="segment-saved"
            />
            {props.loaded && (
              <Button variant="subtle" color="red" onClick={remove}>
                {t('segments.delete')}
              </Button>
            )}
          </Group>
        </Group>
        <GroupEditor group={props.definition} depth={0} data={props.data} onChange={props.onChange} />
        {countError ? (
          <Alert color="orange" role="alert">{errorText(countError, 'segments')}</Alert>
        ) : count === 0 ? (
          <Alert color="blue" role="status" data-testid="segment-nobody">{t('segments.matchesNobody')}</Alert>
        ) : (
          <Text fw={600} data-testid="segment-count" aria-live="polite">
            {count !== null && t('segments.matches', { count })}
          </Text>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(false);
          }}
        >
          <Group align="end" gap="xs">
            <TextInput label={t('segments.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={300} maxLength={100}
              error={saveError ? errorText(saveError, 'segments') : undefined} />
            <Button type="submit" loading={busy} disabled={!name.trim()}>
              {t('segments.save')}
            </Button>
            {props.loaded && props.loaded.name !== name.trim() && name.trim() && (
              <Button variant="default" onClick={() => void save(true)} disabled={busy}>
                {t('segments.saveAsNew')}
              </Button>
            )}
            <Button
              variant="subtle"
              ml="auto"
              disabled={!hasConditions(props.definition)}
              onClick={() => {
                props.onChange(emptyGroup());
                props.onLoaded(null);
                setName('');
              }}
            >
              {t('segments.clear')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
