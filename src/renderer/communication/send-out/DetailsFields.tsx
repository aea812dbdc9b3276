import { Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DUES_STEPS, EDITABLE_STATUSES, SEND_OUT_CHANNELS, type DuesStep, type SendOutChannel } from '../../../shared/contract';
import { AudiencePicker } from './AudiencePicker';
import type { Draft } from './draft';

/** What, to whom and when. */
export function DetailsFields(props: {
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
  locked: boolean;
  issues: { at(field: string): string | undefined };
}) {
  const { t } = useTranslation();
  const d = props.draft;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('communication.fields.title')}
        description={t('communication.fields.titleHelp')}
        value={d.title}
        onChange={(e) => props.onChange({ title: e.currentTarget.value })}
        maxLength={200}
        required
        disabled={props.locked}
        error={props.issues.at('title')}
        name="title"
      />
      <div>
        <Text size="sm" fw={500} mb={4} id="channel-label">
          {t('communication.fields.channel')}
        </Text>
        <SegmentedControl
          aria-labelledby="channel-label"
          value={d.channel}
          onChange={(v) => props.onChange({ channel: v as SendOutChannel })}
          disabled={props.locked}
          data={SEND_OUT_CHANNELS.map((c) => ({ value: c, label: t(`communication.channels.${c}`) }))}
          data-testid="channel"
        />
      </div>
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('communication.fields.plannedOn')}
          value={d.plannedOn ?? ''}
          onChange={(e) => props.onChange({ plannedOn: e.currentTarget.value || null })}
          disabled={props.locked}
          error={props.issues.at('plannedOn')}
          name="plannedOn"
        />
        <Select
          label={t('communication.fields.status')}
          value={d.status}
          onChange={(v) => v && props.onChange({ status: v as Draft['status'] })}
          allowDeselect={false}
          disabled={props.locked}
          data={EDITABLE_STATUSES.map((s) => ({ value: s, label: t(`communication.statuses.${s}`) }))}
          description={t('communication.fields.statusHelp')}
          name="status"
        />
      </Group>
      <AudiencePicker value={d.audience} onChange={(audience) => props.onChange({ audience })} disabled={props.locked} error={props.issues.at('audience')} />
      <Checkbox
        label={t('communication.fields.important')}
        description={t('communication.fields.importantHelp')}
        checked={d.important}
        onChange={(e) => props.onChange({ important: e.currentTarget.checked })}
        disabled={props.locked}
        name="important"
      />
    </Stack>
  );
}

/** The dues year it goes with, the frequency limit, and letters for those the channel cannot reach. */
export function OptionFields(props: { draft: Draft; onChange: (patch: Partial<Draft>) => void; locked: boolean; frequencyDefault: number }) {
  const { t } = useTranslation();
  const d = props.draft;
  const noLimit = d.frequencyLimit === 0;
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <Select
          label={t('communication.dues.label')}
          value={d.duesStep ?? ''}
          onChange={(v) => props.onChange({ duesStep: (v || null) as DuesStep | null, duesYear: v ? (d.duesYear ?? (Number((d.plannedOn ?? '').slice(0, 4)) || null)) : null })}
          disabled={props.locked}
          data={[{ value: '', label: t('communication.dues.none') }, ...DUES_STEPS.map((s) => ({ value: s, label: t(`communication.dues.steps.${s}`) }))]}
          allowDeselect={false}
        />
        <NumberInput
          label={t('communication.dues.yearLabel')}
          value={d.duesYear ?? ''}
          onChange={(v) => props.onChange({ duesYear: typeof v === 'number' ? v : null })}
          min={2000}
          max={2100}
          disabled={props.locked || !d.duesStep}
          thousandSeparator=""
        />
      </Group>
      <Group align="flex-end" grow>
        <NumberInput
          label={t('communication.fields.frequencyLimit')}
          description={t('communication.fields.frequencyHelp', { count: props.frequencyDefault })}
          placeholder={t('communication.fields.frequencyDefault', { count: props.frequencyDefault })}
          value={noLimit ? '' : (d.frequencyLimit ?? '')}
          onChange={(v) => props.onChange({ frequencyLimit: typeof v === 'number' && v > 0 ? v : null })}
          min={1}
          max={50}
          disabled={props.locked || noLimit}
          name="frequencyLimit"
        />
        <Checkbox
          label={t('communication.fields.noLimit')}
          checked={noLimit}
          onChange={(e) => props.onChange({ frequencyLimit: e.currentTarget.checked ? 0 : null })}
          disabled={props.locked}
          mb={10}
        />
      </Group>
      {d.channel !== 'letter' && (
        <Checkbox
          label={t('communication.fields.paperForOthers')}
          description={t('communication.fields.paperHelp')}
          checked={d.paperForOthers}
          onChange={(e) => props.onChange({ paperForOthers: e.currentTarget.checked })}
          disabled={props.locked}
        />
      )}
    </Stack>
  );
}
