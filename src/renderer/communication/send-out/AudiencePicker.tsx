import { Group, MultiSelect, Select, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Audience, type GroupEntity, type Role, type SegmentEntity } from '../../../shared/contract';
import { call } from '../../api';

type Kind = Audience['kind'];

/** All members, a saved segment, a group (optionally some of its roles), or roles in any group. */
export function AudiencePicker(props: { value: Audience; onChange: (a: Audience) => void; disabled?: boolean; error?: string | null }) {
  const { t } = useTranslation();
  const [segments, setSegments] = useState<SegmentEntity[]>([]);
  const [groups, setGroups] = useState<GroupEntity[]>([]);
  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
    call('groups.list', {}).then(setGroups, () => setGroups([]));
  }, []);
  const a = props.value;
  const roleData = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  const setKind = (kind: Kind) => {
    if (kind === a.kind) return;
    if (kind === 'all') props.onChange({ kind });
    else if (kind === 'segment') {
      if (segments[0]) props.onChange({ kind, segmentId: segments[0].id });
    }
    else if (kind === 'group') {
      const board = groups.find((g) => g.kind === 'board') ?? groups[0];
      if (board) props.onChange({ kind, groupId: board.id });
    } else props.onChange({ kind, roles: ['local-leader'] });
  };

  return (
    <Stack gap="xs">
      <Group align="flex-end" grow>
        <Select
          label={t('communication.fields.audience')}
          value={a.kind}
          onChange={(v) => v && setKind(v as Kind)}
          allowDeselect={false}
          disabled={props.disabled}
          error={props.error}
          data={[
            { value: 'all', label: t('communication.audience.all') },
            { value: 'group', label: t('communication.audience.group'), disabled: !groups.length },
            { value: 'roles', label: t('communication.audience.roles') },
            { value: 'segment', label: t('communication.audience.segment'), disabled: !segments.length },
          ]}
          data-testid="audience-kind"
        />
        {a.kind === 'segment' && (
          <Select
            label={t('communication.audience.whichSegment')}
            value={String(a.segmentId)}
            onChange={(v) => v && props.onChange({ kind: 'segment', segmentId: Number(v) })}
            allowDeselect={false}
            disabled={props.disabled}
            data={segments.map((s) => ({ value: String(s.id), label: s.name }))}
          />
        )}
        {a.kind === 'group' && (
          <Select
            label={t('communication.audience.whichGroup')}
            value={String(a.groupId)}
            onChange={(v) => v && props.onChange({ kind: 'group', groupId: Number(v), ...(a.roles ? { roles: a.roles } : {}) })}
            allowDeselect={false}
            disabled={props.disabled}
            data={groups.map((g) => ({ value: String(g.id), label: g.name }))}
            data-testid="audience-group"
          />
        )}
      </Group>
      {a.kind === 'group' && (
        <MultiSelect
          label={t('communication.audience.onlyRoles')}
          placeholder={t('communication.audience.anyRole')}
          value={a.roles ?? []}
          onChange={(v) => props.onChange({ kind: 'group', groupId: a.groupId, ...(v.length ? { roles: v as Role[] } : {}) })}
          data={roleData}
          clearable
          disabled={props.disabled}
        />
      )}
      {a.kind === 'roles' && (
        <MultiSelect
          label={t('communication.audience.whichRoles')}
          value={a.roles}
          onChange={(v) => v.length && props.onChange({ kind: 'roles', roles: v as Role[] })}
          data={roleData}
          disabled={props.disabled}
        />
      )}
    </Stack>
  );
}
