import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_KINDS, CONTACT_OUTCOMES, ROLES,
  type BulkAction, type BulkActionKind, type ContactKind, type ContactOutcome, type GroupEntity, type MembershipTypeEntity, type Role,
} from '../../shared/contract';
import { todayIso } from './today';

/** Everything the four actions can ask for; only the chosen kind's part is sent. */
export interface ActionDraft {
  kind: BulkActionKind;
  groupId: string | null;
  role: Role;
  from: string;
  membershipTypeId: string | null;
  typeFrom: string;
  contactKind: ContactKind;
  contactOn: string;
  madeBy: string;
  outcome: ContactOutcome | null;
  notes: string;
  followUpOn: string;
}

export const newDraft = (kind: BulkActionKind): ActionDraft => ({
  kind, groupId: null, role: 'member', from: todayIso(), membershipTypeId: null, typeFrom: '',
  contactKind: 'call', contactOn: todayIso(), madeBy: '', outcome: null, notes: '', followUpOn: '',
});

/** The action to send, or null while something required is missing. */
export function toAction(d: ActionDraft): BulkAction | null {
  switch (d.kind) {
    case 'addToGroup':
      return d.groupId && d.from ? { kind: 'addToGroup', groupId: Number(d.groupId), role: d.role, from: d.from } : null;
    case 'setType':
      return d.membershipTypeId ? { kind: 'setType', membershipTypeId: Number(d.membershipTypeId), from: d.typeFrom || undefined } : null;
    case 'addContact':
      return d.contactOn
        ? { kind: 'addContact', contact: { kind: d.contactKind, on: d.contactOn, madeBy: d.madeBy, outcome: d.outcome, notes: d.notes, followUpOn: d.followUpOn || null } }
        : null;
    case 'archive':
      return { kind: 'archive' };
  }
}

export function ActionForm({ d, set, groups, types }: {
  d: ActionDraft;
  set: (patch: Partial<ActionDraft>) => void;
  groups: GroupEntity[];
  types: MembershipTypeEntity[];
}) {
  const { t } = useTranslation();
  const date = (label: string, value: string, key: keyof ActionDraft, required = false) => (
    <TextInput type="date" label={label} value={value} required={required} onChange={(e) => set({ [key]: e.currentTarget.value })} w={200} />
  );
  switch (d.kind) {
    case 'addToGroup':
      return (
        <Stack gap="sm">
          <Select label={t('bulk.group')} required data={groups.filter((g) => !g.archived).map((g) => ({ value: String(g.id), label: g.name }))}
            value={d.groupId} onChange={(v) => set({ groupId: v })} searchable data-testid="bulk-group" />
          <Select label={t('bulk.role')} required allowDeselect={false} value={d.role}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} onChange={(v) => v && set({ role: v as Role })} />
          {date(t('bulk.from'), d.from, 'from', true)}
        </Stack>
      );
    case 'setType':
      return (
        <Stack gap="sm">
          <Select label={t('bulk.type')} required value={d.membershipTypeId} onChange={(v) => set({ membershipTypeId: v })}
            data={types.filter((x) => !x.archived).map((x) => ({ value: String(x.id), label: x.code ? t(`members.types.${x.code}`, { defaultValue: x.name }) : x.name }))} />
          {date(t('bulk.typeFrom'), d.typeFrom, 'typeFrom')}
        </Stack>
      );
    case 'addContact':
      return (
        <Stack gap="sm">
          <Select label={t('bulk.contactKind')} required allowDeselect={false} value={d.contactKind}
            data={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contactKinds.${k}`) }))} onChange={(v) => v && set({ contactKind: v as ContactKind })} />
          {date(t('bulk.contactOn'), d.contactOn, 'contactOn', true)}
          <TextInput label={t('bulk.madeBy')} value={d.madeBy} maxLength={100} onChange={(e) => set({ madeBy: e.currentTarget.value })} />
          <Select label={t('bulk.outcome')} value={d.outcome ?? ''} allowDeselect={false}
            data={[{ value: '', label: t('bulk.noOutcome') }, ...CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(`contactOutcomes.${o}`) }))]}
            onChange={(v) => set({ outcome: (v || null) as ContactOutcome | null })} />
          <Textarea label={t('bulk.notes')} value={d.notes} maxLength={4000} autosize minRows={2} onChange={(e) => set({ notes: e.currentTarget.value })} />
          {date(t('bulk.followUpOn'), d.followUpOn, 'followUpOn')}
        </Stack>
      );
    case 'archive':
      return <Text>{t('bulk.archiveIntro')}</Text>;
  }
}
