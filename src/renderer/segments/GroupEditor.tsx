import { Button, Checkbox, CloseButton, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SegmentCondition, SegmentGroup, SegmentNode } from '../../shared/contract';
import { ConditionEditor, type BuilderData } from './ConditionEditor';
import { CONDITION_KINDS, emptyGroup, isGroup, kindKey, MAX_DEPTH, newCondition, usableCondition } from './model';

/** One and/or group of the filter: its conditions and nested groups, each removable. */
export function GroupEditor(props: {
  group: SegmentGroup;
  depth: number;
  data: BuilderData;
  onChange: (g: SegmentGroup) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const { group, onChange } = props;
  const setChild = (i: number, n: SegmentNode) => onChange({ ...group, children: group.children.map((c, j) => (j === i ? n : c)) });
  const removeChild = (i: number) => onChange({ ...group, children: group.children.filter((_, j) => j !== i) });

  return (
    <Paper withBorder={props.depth > 0} p={props.depth > 0 ? 'sm' : 0} bg={props.depth > 0 ? 'gray.0' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              value={group.kind}
              onChange={(v) => onChange({ ...group, kind: v as 'and' | 'or' })}
              data={[{ value: 'and', label: t('segments.all') }, { value: 'or', label: t('segments.any') }]}
              aria-label={t('segments.title')}
            />
            <Checkbox size="xs" label={t('segments.not')} checked={!!group.negate} onChange={(e) => onChange({ ...group, negate: e.currentTarget.checked || undefined })} />
          </Group>
          {props.onRemove && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={props.onRemove}>
              {t('segments.removeGroup')}
            </Button>
          )}
        </Group>
        {group.children.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('segments.emptyGroup')}
          </Text>
        )}
        {group.children.map((child, i) =>
          isGroup(child) ? (
            <GroupEditor key={i} group={child} depth={props.depth + 1} data={props.data} onChange={(g) => setChild(i, g)} onRemove={() => removeChild(i)} />
          ) : (
            <ConditionRow key={i} c={child} data={props.data} onChange={(c) => setChild(i, c)} onRemove={() => removeChild(i)} />
          ),
        )}
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={() => onChange({ ...group, children: [...group.children, newCondition('status', props.data.fields)] })}>
            + {t('segments.addCondition')}
          </Button>
          {props.depth + 1 < MAX_DEPTH && (
            <Button size="compact-sm" variant="subtle" onClick={() => onChange({ ...group, children: [...group.children, emptyGroup(group.kind === 'and' ? 'or' : 'and')] })}>
              + {t('segments.addGroup')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function ConditionRow({ c, data, onChange, onRemove }: { c: SegmentCondition; data: BuilderData; onChange: (c: SegmentCondition) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const fieldOptions = [
    ...CONDITION_KINDS.map((k) => ({ value: k, label: t(`segments.kinds.${k}`) })),
    ...data.fields.filter((f) => !f.archived).map((f) => ({ value: `custom:${f.id}`, label: `${t('segments.kinds.custom')}: ${f.name}` })),
  ];
  const incomplete = usableCondition(c) === null;
  return (
    <Group gap="xs" align="end" wrap="wrap" data-testid="segment-condition">
      <Select
        label={t('segments.field')}
        w={190}
        data={fieldOptions}
        value={kindKey(c)}
        allowDeselect={false}
        onChange={(v) => v && onChange(newCondition(v, data.fields))}
        data-testid="segment-field"
      />
      <ConditionEditor c={c} onChange={onChange} data={data} />
      <CloseButton aria-label={t('segments.remove')} title={t('segments.remove')} onClick={onRemove} mb={6} />
      {incomplete && (
        <Text size="xs" c="orange.8" mb={10}>
          {t('segments.incomplete')}
        </Text>
      )}
    </Group>
  );
}
