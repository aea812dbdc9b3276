import { Checkbox, Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_KINDS, CUSTOM_OPS, JOURNEY_STAGES, MEMBER_STATUSES, ROLES,
  type CustomFieldEntity, type GroupEntity, type MembershipTypeEntity, type SegmentCondition,
} from '../../shared/contract';

export interface BuilderData {
  types: MembershipTypeEntity[];
  groups: GroupEntity[];
  fields: CustomFieldEntity[];
}

const W = 200;

/** The value editors of one condition, shaped by its kind (the field menu sits beside them). */
export function ConditionEditor({ c, onChange, data }: { c: SegmentCondition; onChange: (c: SegmentCondition) => void; data: BuilderData }) {
  const { t } = useTranslation();
  const yesNo = (key: string) => [
    { value: 'true', label: t(`segments.${key}.true`) },
    { value: 'false', label: t(`segments.${key}.false`) },
  ];
  const date = (label: string, value: string | undefined, set: (v: string | undefined) => void) => (
    <TextInput type="date" label={label} value={value ?? ''} onChange={(e) => set(e.currentTarget.value || undefined)} w={160} />
  );
  const typeName = (x: MembershipTypeEntity) => (x.code ? t(`members.types.${x.code}`, { defaultValue: x.name }) : x.name);

  switch (c.kind) {
    case 'status':
      return (
        <MultiSelect label={t('segments.values')} w={W * 1.5} value={c.values}
          data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))}
          onChange={(v) => onChange({ ...c, values: v as typeof c.values })} />
      );
    case 'type':
      return (
        <Group gap="xs" align="end">
          <MultiSelect label={t('segments.values')} w={W * 1.5} value={c.typeIds.map(String)}
            data={data.types.map((x) => ({ value: String(x.id), label: typeName(x) }))}
            onChange={(v) => onChange({ ...c, typeIds: v.map(Number) })} />
          {date(t('segments.at'), c.at, (at) => onChange({ ...c, at }))}
        </Group>
      );
    case 'role':
      return (
        <Group gap="xs" align="end">
          <Select label={t('segments.group')} w={W} value={c.groupId ? String(c.groupId) : ''}
            data={[{ value: '', label: t('segments.anyGroup') }, ...data.groups.map((g) => ({ value: String(g.id), label: g.name }))]}
            onChange={(v) => onChange({ ...c, groupId: v ? Number(v) : undefined })} allowDeselect={false} />
          <MultiSelect label={t('segments.rolesLabel')} w={W * 1.3} value={c.roles ?? []}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(v) => onChange({ ...c, roles: v as typeof ROLES[number][] })} />
          {date(t('segments.at'), c.at, (at) => onChange({ ...c, at }))}
        </Group>
      );
    case 'household':
      return (
        <Select label={t('segments.value')} w={W} value={String(c.has)} data={yesNo('householdHas')} allowDeselect={false}
          onChange={(v) => onChange({ ...c, has: v === 'true' })} />
      );
    case 'age':
      return (
        <Group gap="xs" align="end">
          <NumberInput label={t('segments.ageMin')} w={110} min={0} max={150} value={c.min ?? ''}
            onChange={(v) => onChange({ ...c, min: typeof v === 'number' ? v : undefined })} />
          <NumberInput label={t('segments.ageMax')} w={110} min={0} max={150} value={c.max ?? ''}
            onChange={(v) => onChange({ ...c, max: typeof v === 'number' ? v : undefined })} />
          {date(t('segments.at'), c.at, (at) => onChange({ ...c, at }))}
        </Group>
      );
    case 'postcode':
      return (
        <TextInput label={t('segments.postcodePrefix')} w={W} value={c.prefix} maxLength={10}
          onChange={(e) => onChange({ ...c, prefix: e.currentTarget.value })} />
      );
    case 'city':
      return (
        <TagsInput label={t('segments.cities')} w={W * 1.6} value={c.values} onChange={(values) => onChange({ ...c, values })}
          data-testid="segment-city" />
      );
    case 'consent':
      return (
        <Group gap="xs" align="end">
          <Select label={t('segments.channel')} w={130} value={c.channel} allowDeselect={false}
            data={(['sms', 'email', 'post'] as const).map((ch) => ({ value: ch, label: t(`segments.channels.${ch}`) }))}
            onChange={(v) => onChange({ ...c, channel: (v ?? 'sms') as typeof c.channel })} />
          <Select label={t('segments.value')} w={W} value={String(c.value)} data={yesNo('consentValue')} allowDeselect={false}
            onChange={(v) => onChange({ ...c, value: v === 'true' })} />
        </Group>
      );
    case 'has':
      return (
        <Group gap="xs" align="end">
          <Select label={t('segments.value')} w={110} value={String(c.value)} data={yesNo('hasValue')} allowDeselect={false}
            onChange={(v) => onChange({ ...c, value: v === 'true' })} />
          <Select label={t('segments.what')} w={W} value={c.what} allowDeselect={false}
            data={(['email', 'mobile', 'address'] as const).map((w) => ({ value: w, label: t(`segments.whats.${w}`) }))}
            onChange={(v) => onChange({ ...c, what: (v ?? 'email') as typeof c.what })} />
        </Group>
      );
    case 'journey':
      return (
        <Group gap="xs" align="end">
          <MultiSelect label={t('segments.stages')} w={W * 1.5} value={c.stages}
            data={JOURNEY_STAGES.map((s) => ({ value: s, label: t(`journey.${s}`) }))}
            onChange={(v) => onChange({ ...c, stages: v as typeof c.stages })} />
          {date(t('segments.at'), c.at, (at) => onChange({ ...c, at }))}
        </Group>
      );
    case 'joined':
      return (
        <Group gap="xs" align="end">
          {date(t('segments.from'), c.from, (from) => onChange({ ...c, from }))}
          {date(t('segments.to'), c.to, (to) => onChange({ ...c, to }))}
        </Group>
      );
    case 'contact':
      return (
        <Group gap="xs" align="end">
          <MultiSelect label={t('segments.contactKinds')} w={W * 1.3} value={c.kinds ?? []}
            data={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contactKinds.${k}`) }))}
            onChange={(v) => onChange({ ...c, kinds: v as typeof CONTACT_KINDS[number][] })} />
          {date(t('segments.from'), c.from, (from) => onChange({ ...c, from }))}
          {date(t('segments.to'), c.to, (to) => onChange({ ...c, to }))}
          <Checkbox label={t('segments.contactNone')} checked={!!c.none} onChange={(e) => onChange({ ...c, none: e.currentTarget.checked })} mb={8} />
        </Group>
      );
    case 'custom':
      return <CustomEditor c={c} onChange={onChange} field={data.fields.find((f) => f.id === c.fieldId)} />;
  }
}

/** An own field: the comparison and a value editor of the field's kind. */
function CustomEditor({ c, onChange, field }: {
  c: Extract<SegmentCondition, { kind: 'custom' }>;
  onChange: (c: SegmentCondition) => void;
  field: CustomFieldEntity | undefined;
}) {
  const { t } = useTranslation();
  const kind = field?.kind ?? 'text';
  const ops = CUSTOM_OPS.filter((op) =>
    kind === 'text' ? !['lt', 'lte', 'gt', 'gte'].includes(op)
      : kind === 'boolean' || kind === 'choice' ? ['eq', 'neq', 'empty', 'notEmpty'].includes(op)
        : op !== 'contains');
  const needsValue = c.op !== 'empty' && c.op !== 'notEmpty';
  const value = () => {
    switch (kind) {
      case 'number':
        return <NumberInput label={t('segments.value')} w={140} value={typeof c.value === 'number' ? c.value : ''}
          onChange={(v) => onChange({ ...c, value: typeof v === 'number' ? v : undefined })} />;
      case 'date':
        return <TextInput type="date" label={t('segments.value')} w={160} value={typeof c.value === 'string' ? c.value : ''}
          onChange={(e) => onChange({ ...c, value: e.currentTarget.value || undefined })} />;
      case 'boolean':
        return <Select label={t('segments.value')} w={110} value={c.value === undefined ? null : String(c.value)}
          data={[{ value: 'true', label: t('segments.yes') }, { value: 'false', label: t('segments.no') }]}
          onChange={(v) => onChange({ ...c, value: v === null ? undefined : v === 'true' })} />;
      case 'choice':
        return <Select label={t('segments.value')} w={200} value={typeof c.value === 'string' ? c.value : null}
          data={field?.options ?? []} onChange={(v) => onChange({ ...c, value: v ?? undefined })} />;
      default:
        return <TextInput label={t('segments.value')} w={200} value={typeof c.value === 'string' ? c.value : ''}
          onChange={(e) => onChange({ ...c, value: e.currentTarget.value })} />;
    }
  };
  return (
    <Group gap="xs" align="end">
      <Select label={t('segments.op')} w={150} value={c.op} allowDeselect={false}
        data={ops.map((op) => ({ value: op, label: t(`segments.ops.${op}`) }))}
        onChange={(v) => onChange({ ...c, op: (v ?? 'eq') as typeof c.op })} />
      {needsValue && value()}
    </Group>
  );
}
