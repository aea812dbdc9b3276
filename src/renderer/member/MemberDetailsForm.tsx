import { Alert, Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type MemberEntity, type MemberInput, type MemberPageEntity, type MembershipTypeEntity, type RegisterInfo } from '../../shared/contract';
import { formatIdentityNumber } from '../../shared/nordic/identity';
import { formatPhone } from '../../shared/nordic/phone';
import { formatPostcode } from '../../shared/nordic/postcode';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { localeOf } from '../i18n';
import { defaultTypeId } from '../setup/typeName';
import { changedValues, CustomFieldInputs, draftOf, type CustomDraft } from './CustomFieldInputs';
import { todayIso } from './format';
import { useFieldIssues } from '../components/useFieldIssues';

const COUNTRIES = ['SE', 'NO', 'DK', 'FI', 'IS', 'DE', 'GB', 'US'];

type Form = Required<{ [K in Exclude<keyof MemberInput, 'membershipTypeId'>]: NonNullable<MemberInput[K]> }> & {
  membershipTypeId: number | null;
};

function emptyForm(info: RegisterInfo, types: MembershipTypeEntity[]): Form {
  return {
    firstName: '', lastName: '', birthDate: '', identityNumber: '', street: '', postcode: '', city: '',
    country: info.country, email: '', mobile: '', consentSms: false, consentEmail: false, consentPost: true,
    membershipTypeId: defaultTypeId(types),
    joinedOn: todayIso(), status: 'active',
  };
}

/** The stored member shown in the form in the forms people read (local phone, spaced postcode). */
function toForm(m: MemberEntity): Form {
  const local = m.country === 'SE' || m.country === 'NO' ? m.country : undefined;
  return {
    firstName: m.firstName, lastName: m.lastName, birthDate: m.birthDate ?? '',
    identityNumber: m.identityNumber && local ? formatIdentityNumber(m.identityNumber, local) : (m.identityNumber ?? ''),
    street: m.street ?? '', postcode: m.postcode ? formatPostcode(m.postcode, m.country) : '', city: m.city ?? '',
    country: m.country, email: m.email ?? '', mobile: m.mobile ? formatPhone(m.mobile, m.country) : '',
    consentSms: m.consentSms, consentEmail: m.consentEmail, consentPost: m.consentPost,
    membershipTypeId: m.membershipTypeId, joinedOn: m.joinedOn ?? '', status: m.status,
  };
}

/**
 * The member's own details and custom field values. A new member gets the simple form (with
 * type and status); a saved one changes type and status in their own tabs, with dates.
 */
export function MemberDetailsForm(props: {
  page: MemberPageEntity | null;
  info: RegisterInfo;
  types: MembershipTypeEntity[];
  onClose: () => void;
  /** After a save: the new member's id, or the same one. */
  onSaved: (member: MemberEntity, created: boolean) => void;
  onArchived: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { page, types } = props;
  const member = page?.member ?? null;
  const [form, setForm] = useState<Form>(() => (member ? toForm(member) : emptyForm(props.info, types)));
  const [custom, setCustom] = useState<CustomDraft>(() => (page ? draftOf(page.customFields, page.customValues) : {}));
  const issues = useFieldIssues('memberPage');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  // A refused save brings the first marked field into view, with the keyboard in it.
  useEffect(() => {
    if (issues.issues.length) {
      const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      field?.focus();
      field?.scrollIntoView({ block: 'center' });
    }
  }, [issues.issues]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    issues.clear(key);
  };
  const name = `${form.firstName} ${form.lastName}`.trim();

  const save = async () => {
    if (busy) return;
    // Custom values are checked before anything is written, so a bad one stops the whole save.
    const extra = page ? changedValues(page.customFields, page.customValues, custom) : { values: [], issues: [] };
    if (extra.issues.length) return issues.set(extra.issues);
    setBusy(true);
    try {
      let saved: MemberEntity;
      if (!member) saved = await call('members.create', form);
      else {
        // Type and status have their own dated tabs; the form sends them as they are.
        const input = { ...form, membershipTypeId: member.membershipTypeId, status: member.status };
        saved = await call('members.update', { id: member.id, input });
        if (extra.values.length) {
          try {
            await call('customFields.setValues', { memberId: member.id, values: extra.values });
          } catch (e) {
            const err = errorOf(e);
            // The core names the value by its place in the list; the form names it by field.
            const fields = (err.details?.fields ?? []).map((f) => {
              const i = Number(/^values\.(\d+)/.exec(f.field)?.[1]);
              return Number.isInteger(i) && extra.values[i] ? { field: `custom.${extra.values[i].fieldId}`, code: f.code } : f;
            });
            issues.set(fields);
            // The fields are marked, so the general "correct the marked fields" says it best.
            notifications.show({ color: 'red', message: errorText(err.code) });
            props.onSaved(saved, false);
            return;
          }
        }
      }
      notifications.show({ color: 'teal', message: t('member.saved', { name: `${saved.firstName} ${saved.lastName}` }) });
      props.onSaved(saved, !member);
    } catch (e) {
      const err = errorOf(e);
      if (!issues.take(err)) notifications.show({ color: 'red', message: `${errorText(err)} ${t('memberPage.saveFailed')}` });
    } finally {
      setBusy(false);
    }
  };

  const toggleArchive = () => {
    if (!member) return;
    const run = async () => {
      try {
        await call(member.archivedAt ? 'members.unarchive' : 'members.archive', { id: member.id });
        notifications.show({ color: 'teal', message: t(member.archivedAt ? 'member.unarchived' : 'member.archived', { name }) });
        props.onArchived();
      } catch (e) {
        notifications.show({ color: 'red', message: errorText(errorOf(e)) });
      }
    };
    if (member.archivedAt) return void run();
    modals.openConfirmModal({
      title: t('member.archive'),
      children: <Text size="sm">{t('member.archiveConfirm', { name })}</Text>,
      labels: { confirm: t('member.archive'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: run,
    });
  };

  const countryNames = new Intl.DisplayNames([localeOf(i18n.language)], { type: 'region' });
  const idLabel = t(`member.identityNumber.${form.country === 'SE' || form.country === 'NO' ? form.country : 'other'}`);
  const issue = issues.at;

  return (
    <Stack
      component="form"
      // The browser's own "Please fill out this field" bubble speaks the system's language and
      // hides the core's checks; the core's answers are shown at the fields instead. (Spread:
      // Stack's props do not list the form attribute.)
      {...{ noValidate: true }}
      ref={formRef}
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        void save();
      }}
      data-testid="member-form"
    >
      {member?.archivedAt && <Badge color="gray">{t('members.archivedTag')}</Badge>}
      {issues.issues.length > 0 && <Alert color="red">{t('member.fixErrors')}</Alert>}
      <SimpleGrid cols={2}>
        <TextInput label={t('member.firstName')} value={form.firstName} onChange={(e) => set('firstName', e.currentTarget.value)} error={issue('firstName')} required data-autofocus maxLength={100} name="firstName" />
        <TextInput label={t('member.lastName')} value={form.lastName} onChange={(e) => set('lastName', e.currentTarget.value)} error={issue('lastName')} required maxLength={100} name="lastName" />
        <TextInput label={idLabel} description={t('member.identityHint')} value={form.identityNumber} onChange={(e) => set('identityNumber', e.currentTarget.value)} error={issue('identityNumber')} maxLength={20} name="identityNumber" autoComplete="off" />
        <TextInput label={t('member.birthDate')} type="date" value={form.birthDate} onChange={(e) => set('birthDate', e.currentTarget.value)} error={issue('birthDate')} name="birthDate" />
      </SimpleGrid>
      <TextInput label={t('member.street')} value={form.street} onChange={(e) => set('street', e.currentTarget.value)} error={issue('street')} maxLength={200} name="street" />
      <SimpleGrid cols={3}>
        <TextInput label={t('member.postcode')} value={form.postcode} onChange={(e) => set('postcode', e.currentTarget.value)} error={issue('postcode')} maxLength={20} name="postcode" />
        <TextInput label={t('member.city')} value={form.city} onChange={(e) => set('city', e.currentTarget.value)} error={issue('city')} maxLength={100} name="city" />
        <Select
          label={t('member.country')}
          data={COUNTRIES.map((c) => ({ value: c, label: countryNames.of(c) ?? c }))}
          value={form.country}
          onChange={(v) => v && set('country', v)}
          allowDeselect={false}
          searchable
          name="country"
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('member.email')} type="email" value={form.email} onChange={(e) => set('email', e.currentTarget.value)} error={issue('email')} maxLength={254} name="email" />
        <TextInput label={t('member.mobile')} type="tel" value={form.mobile} onChange={(e) => set('mobile', e.currentTarget.value)} error={issue('mobile')} maxLength={30} name="mobile" />
      </SimpleGrid>
      <Group>
        <Text size="sm" fw={500}>{t('member.consent')}</Text>
        <Checkbox label={t('member.consentSms')} checked={form.consentSms} onChange={(e) => set('consentSms', e.currentTarget.checked)} name="consentSms" />
        <Checkbox label={t('member.consentEmail')} checked={form.consentEmail} onChange={(e) => set('consentEmail', e.currentTarget.checked)} name="consentEmail" />
        <Checkbox label={t('member.consentPost')} checked={form.consentPost} onChange={(e) => set('consentPost', e.currentTarget.checked)} name="consentPost" />
      </Group>
      <SimpleGrid cols={3}>
        {!member && (
          <Select
            label={t('member.membershipType')}
            data={types.filter((x) => !x.archived).map((x) => ({ value: String(x.id), label: x.code ? t(`members.types.${x.code}`, { defaultValue: x.name }) : x.name }))}
            value={form.membershipTypeId ? String(form.membershipTypeId) : null}
            onChange={(v) => set('membershipTypeId', v ? Number(v) : null)}
            error={issue('membershipTypeId')}
            name="membershipTypeId"
          />
        )}
        <TextInput label={t('member.joinedOn')} type="date" value={form.joinedOn} onChange={(e) => set('joinedOn', e.currentTarget.value)} error={issue('joinedOn')} name="joinedOn" />
        {!member && (
          <Select
            label={t('member.status')}
            data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))}
            value={form.status}
            onChange={(v) => v && set('status', v as Form['status'])}
            allowDeselect={false}
            error={issue('status')}
            name="status"
          />
        )}
      </SimpleGrid>
      {page && (
        <CustomFieldInputs
          fields={page.customFields}
          draft={custom}
          onChange={(id, v) => {
            setCustom((d) => ({ ...d, [id]: v }));
            issues.clear(`custom.${id}`);
          }}
          error={issue}
        />
      )}
      <Group justify="space-between" mt="md">
        <div>
          {member && (
            <Button variant="subtle" color={member.archivedAt ? 'teal' : 'red'} onClick={toggleArchive}>
              {member.archivedAt ? t('member.unarchive') : t('member.archive')}
            </Button>
          )}
        </div>
        <Group>
          <Button variant="default" onClick={props.onClose}>{t('member.cancel')}</Button>
          <Button type="submit" loading={busy} title="Ctrl+S">{t('member.save')}</Button>
        </Group>
      </Group>
    </Stack>
  );
}
