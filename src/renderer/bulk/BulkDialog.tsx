import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkActionKind, BulkOperationEntity, BulkPreview, BulkTarget, GroupEntity, MembershipTypeEntity } from '../../shared/contract';
import type { ApiError } from '../../shared/result';
import { call, errorOf } from '../api';
import { reasonOf, useErrorText } from '../components/ErrorAlert';
import { ActionForm, newDraft, toAction, type ActionDraft } from './ActionForm';
import { PreviewList } from './PreviewList';

/**
 * One bulk action, in two steps: what to do, then a preview of who changes and who does not.
 * Nothing is written until "apply", and the core applies all of it or none.
 */
export function BulkDialog(props: Props & { kind: BulkActionKind | null }) {
  const { t } = useTranslation();
  const [wide, setWide] = useState(false);
  return (
    <Modal opened={props.kind !== null} onClose={props.onClose} size={wide ? 'xl' : 'md'}
      title={props.kind ? (wide ? t('bulk.previewTitle', { action: t(`bulk.kinds.${props.kind}`) }) : t(`bulk.kinds.${props.kind}`)) : ''}
      data-testid="bulk-dialog">
      {/* Keyed by the action: a new action starts from a fresh form. */}
      {props.kind && <DialogBody key={props.kind} {...props} kind={props.kind} onPreview={setWide} />}
    </Modal>
  );
}

interface Props {
  /** Works out the members (ticked ids or the segment) when the preview is asked for. */
  target: () => Promise<BulkTarget>;
  types: MembershipTypeEntity[];
  onClose: () => void;
  onApplied: (op: BulkOperationEntity) => void;
}

function DialogBody(props: Props & { kind: BulkActionKind; onPreview: (shown: boolean) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<ActionDraft>(() => newDraft(props.kind));
  const [groups, setGroups] = useState<GroupEntity[]>([]);
  const [preview, setPreview] = useState<{ data: BulkPreview; target: BulkTarget } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { kind } = props;

  useEffect(() => {
    if (kind === 'addToGroup' || kind === 'setType') call('groups.list', {}).then(setGroups).catch(() => setGroups([]));
  }, [kind]);
  const { onPreview } = props;
  useEffect(() => onPreview(preview !== null), [onPreview, preview]);

  const action = toAction(draft);
  // A refused field ("action.groupId": "group-archived") says more than the general code.
  const failure = (e: unknown) => setError(errorOf(e));

  const showPreview = async () => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const target = await props.target();
      setPreview({ data: await call('bulk.preview', { target, action, limit: 200 }), target });
    } catch (e) {
      failure(e);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!action || !preview) return;
    setBusy(true);
    setError(null);
    try {
      props.onApplied(await call('bulk.apply', { target: preview.target, action }));
    } catch (e) {
      failure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
      <Stack gap="md">
        {preview && action ? (
          <PreviewList preview={preview.data} action={action} groups={groups} types={props.types} />
        ) : (
          <form id="bulk-form" onSubmit={(e) => { e.preventDefault(); void showPreview(); }}>
            <ActionForm d={draft} set={(patch) => setDraft((d) => ({ ...d, ...patch }))} groups={groups} types={props.types} />
          </form>
        )}
        {error && <Alert color="red" role="alert" data-error-code={reasonOf(error)}>{errorText(error, 'bulk')}</Alert>}
        {busy && !preview && (
          <Group gap="xs"><Loader size="xs" /><Text size="sm">{t('bulk.loading')}</Text></Group>
        )}
        <Group justify="flex-end">
          {preview ? (
            <>
              <Button variant="default" onClick={() => setPreview(null)} disabled={busy}>{t('bulk.back')}</Button>
              <Button onClick={() => void apply()} loading={busy} disabled={preview.data.changeCount === 0}
                color={kind === 'archive' ? 'red' : undefined} data-testid="bulk-apply">
                {t('bulk.apply', { count: preview.data.changeCount })}
              </Button>
            </>
          ) : (
            <>
              <Button variant="default" onClick={props.onClose}>{t('bulk.cancel')}</Button>
              <Button type="submit" form="bulk-form" loading={busy} disabled={!action}>{t('bulk.preview')}</Button>
            </>
          )}
        </Group>
      </Stack>
  );
}
