import { Alert, Button, Group, Loader, Progress, ScrollArea, Stack, Stepper, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity, GroupEntity, MembershipTypeEntity, RegisterInfo } from '../../shared/contract';
import type { ImportFileInfo, ImportPreview, ImportRunEntity, ImportTarget } from '../../shared/contract/imports';
import { bridge, call } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { CheckStep, type CheckChoices } from './CheckStep';
import { FileStep, type FileSettings } from './FileStep';
import { ImportRuns } from './ImportRuns';
import { useJobProgress } from './progress';
import { MappingStep } from './MappingStep';
import { targetOptions } from './targets';
import { defaultTypeId } from '../setup/typeName';
import { UndoConfirm } from './UndoConfirm';

const noChoices = (): CheckChoices => ({ fixes: new Map(), skip: new Set(), policy: 'skip', decisions: new Map() });

/**
 * The import wizard: file → columns → check → done. The core reads the file afresh at each
 * step, so nothing big lives in the window; nothing is written before "Import", and that one
 * transaction can be undone.
 */
export function ImportPage({ info: register }: { info: RegisterInfo }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [step, setStep] = useState(0);
  const [path, setPath] = useState<string | null>(null);
  const [settings, setSettings] = useState<FileSettings>({});
  const [file, setFile] = useState<ImportFileInfo | null>(null);
  const [mapping, setMapping] = useState<(ImportTarget | null)[]>([]);
  const [types, setTypes] = useState<MembershipTypeEntity[]>([]);
  const [fields, setFields] = useState<CustomFieldEntity[]>([]);
  const [groups, setGroups] = useState<GroupEntity[]>([]);
  const [typeId, setTypeId] = useState<number | null>(null);
  const [choices, setChoices] = useState<CheckChoices>(noChoices);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [run, setRun] = useState<ImportRunEntity | null>(null);
  const [runs, setRuns] = useState<ImportRunEntity[]>([]);
  const [confirm, setConfirm] = useState<ImportRunEntity | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const { progress, start, stop } = useJobProgress();

  const fail = useCallback((e: unknown) => setError(errorText(e, 'import')), [errorText]);
  const loadRuns = useCallback(() => void call('import.runs', {}).then(setRuns).catch(fail), [fail]);
  useEffect(loadRuns, [loadRuns]);
  useEffect(() => {
    void Promise.all([call('members.types', {}), call('customFields.list', {}), call('groups.list', {})])
      .then(([ty, f, g]) => {
        setTypes(ty);
        // Imported members get the type a new member gets, unless the user picks another (or none).
        setTypeId((chosen) => chosen ?? defaultTypeId(ty));
        setFields(f);
        setGroups(g);
      })
      .catch(fail);
  }, [fail, register.path]);
  const targets = targetOptions(t, fields, groups);
  const labelOf = (target: ImportTarget) => targets.find((x) => x.value === target)?.label ?? target;

  const read = (p: string, s: FileSettings) => {
    setBusy(true);
    setError(null);
    call('import.read', { path: p, ...s })
      .then((f) => {
        setFile(f);
        // A new header row or file: start from the suggestions again.
        if (s.headerRow === undefined || f.headers.length !== mapping.length) setMapping(f.suggested);
        setSettings({ encoding: f.encoding ?? undefined, delimiter: f.delimiter ?? undefined, headerRow: f.headerRow });
      })
      .catch((e) => {
        setFile(null);
        fail(e);
      })
      .finally(() => setBusy(false));
  };
  const pick = async () => {
    const p = await bridge.host.pickOpenPath({ title: t('import.pickTitle'), filters: [{ name: 'CSV, Excel', extensions: ['csv', 'txt', 'xlsx'] }] });
    if (!p) return;
    setPath(p);
    setChoices(noChoices());
    setNotice(null);
    read(p, {});
  };

  const planArgs = () => ({
    path: path!, ...settings, mapping, membershipTypeId: typeId, duplicatePolicy: choices.policy,
    fixes: [...choices.fixes].map(([k, value]) => ({ row: Number(k.split(':')[0]), column: Number(k.split(':')[1]), value })),
    skip: [...choices.skip], decisions: [...choices.decisions].map(([row, policy]) => ({ row, policy })),
  });

  // The check follows every choice made in it (a fixed cell, a skipped row, a duplicate decision).
  useEffect(() => {
    if (step !== 2 || !path) return;
    let current = true;
    const jobId = start();
    call('import.preview', { ...planArgs(), jobId })
      .then((p) => current && (setPreview(p), setError(null)))
      .catch((e) => current && fail(e))
      .finally(() => stop(jobId));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- planArgs is derived from exactly these
  }, [step, choices, path, settings, mapping, typeId]);

  const apply = () => {
    if (!preview) return;
    setBusy(true);
    const jobId = start();
    call('import.apply', { ...planArgs(), onlyValid: true, jobId })
      .then((r) => {
        setRun(r);
        setStep(3);
        setError(null);
        loadRuns();
      })
      .catch(fail)
      .finally(() => {
        stop(jobId);
        setBusy(false);
      });
  };
  const undo = () => {
    if (!confirm) return;
    setBusy(true);
    call('import.undo', { runId: confirm.id })
      .then((r) => {
        setNotice(t('import.undone'));
        if (run?.id === r.id) setRun(r);
        setError(null);
        loadRuns();
      })
      .catch(fail)
      .finally(() => {
        setBusy(false);
        setConfirm(null);
      });
  };
  const restart = () => {
    setStep(0);
    setFile(null);
    setPath(null);
    setPreview(null);
    setRun(null);
    setNotice(null);
    setChoices(noChoices());
  };

  const applicable = preview ? preview.create + preview.update : 0;
  const namesMapped = mapping.includes('firstName') && mapping.includes('lastName');

  return (
    <ScrollArea style={{ flex: 1 }}>
      <Stack gap="md" pb="md">
        <div>
          <Title order={2}>{t('import.nav')}</Title>
          <Text c="dimmed" maw={720}>{t('import.intro')}</Text>
        </div>
        {error && <Alert color="red" role="alert" data-testid="import-error">{error}</Alert>}
        {notice && <Alert color="green" role="status">{notice}</Alert>}
        <Stepper active={step} allowNextStepsSelect={false} onStepClick={(s) => step < 3 && setStep(s)} size="sm">
          <Stepper.Step label={t('import.steps.file')}>
            <FileStep info={file} busy={busy} onPick={() => void pick()} onSettings={(s) => path && read(path, { ...settings, ...s })} />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.mapping')}>
            {file && <MappingStep info={file} targets={targets} mapping={mapping} onMapping={setMapping} types={types} typeId={typeId} onType={setTypeId} />}
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.check')}>
            {!preview && !error && (progress ? <ProgressLine progress={progress} /> : <Loader />)}
            {preview && file && <CheckStep preview={preview} headers={file.headers} mapping={mapping} labelOf={labelOf} choices={choices} onChoices={setChoices} />}
          </Stepper.Step>
          <Stepper.Completed>
            {run && (
              <Stack gap="sm" data-testid="import-done">
                <Title order={3}>{t('import.doneTitle', { name: run.fileName })}</Title>
                <Text>
                  {t('import.doneSummary', {
                    created: t('import.counts.created', { count: run.created }),
                    updated: t('import.counts.updated', { count: run.updated }),
                    skipped: t('import.counts.skipped', { count: run.skipped }),
                  })}
                </Text>
                <Group>
                  {run.undoable && <Button color="red" variant="light" onClick={() => setConfirm(run)}>{t('import.undo')}</Button>}
                  <Button variant="default" onClick={restart}>{t('import.another')}</Button>
                </Group>
              </Stack>
            )}
          </Stepper.Completed>
        </Stepper>
        {step === 2 && busy && progress && <ProgressLine progress={progress} />}
        {step < 3 && (
          <Group>
            {step > 0 && <Button variant="default" onClick={() => setStep(step - 1)}>{t('import.back')}</Button>}
            {step < 2 && <Button onClick={() => setStep(step + 1)} disabled={!file || busy || (step === 1 && !namesMapped)}>{t('import.next')}</Button>}
            {step === 2 && (
              <Button onClick={apply} loading={busy} disabled={!preview || applicable === 0}>
                {preview && preview.invalid > 0 ? t('import.applyValid', { count: applicable }) : t('import.apply', { count: applicable })}
              </Button>
            )}
          </Group>
        )}
        <ImportRuns runs={runs} onUndo={setConfirm} />
        <UndoConfirm run={confirm} busy={busy} onCancel={() => setConfirm(null)} onConfirm={undo} />
      </Stack>
    </ScrollArea>
  );
}

/** Rows checked of all rows, then the writing (one short pause, so no count). */
function ProgressLine({ progress }: { progress: NonNullable<ReturnType<typeof useJobProgress>['progress']> }) {
  const { t } = useTranslation();
  const writing = progress.label === 'import.write';
  return (
    <Stack gap={4} maw={480} data-testid="import-progress">
      <Text size="sm" c="dimmed">{writing ? t('import.writing', { count: progress.total }) : t('import.checking', { done: progress.done, total: progress.total })}</Text>
      <Progress value={writing ? 100 : (100 * progress.done) / Math.max(1, progress.total)} animated={writing} striped={writing} aria-hidden />
    </Stack>
  );
}
