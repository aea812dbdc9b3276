import { Alert, Badge, Button, Checkbox, Drawer, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type MemberEntity, type MemberInput, type MembershipTypeEntity, type RegisterInfo } from '../../shared/contract';
import { formatIdentityNumber } from '../../shared/nordic/identity';
import { formatPhone } from '../../shared/nordic/phone';
import { formatPostcode } from '../../shared/nordic/postcode';
import type { FieldIssue } from '../../shared/result';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { localeOf } from '../i18n';

const COUNTRIES = ['SE', 'NO', 'DK', 'FI', 'IS', 'DE', 'GB', 'US'];

type Form = Required<{ [K in Exclude<keyof MemberInput, 'membershipTypeId'>]: NonNullable<MemberInput[K]> }> & {
  membershipTypeId: number | null;
};

function emptyForm(info: RegisterInfo, types: MembershipTypeEntity[]): Form {
  return {
    firstName: '', lastName: '', birthDate: '', identityNumber: '', street: '', postcode: '', city: '',
    country: info.country, email: '', mobile: '', consentSms: false, consentEmail: false, consentPost: true,
    membershipTypeId: types.find((t) => t.code === 'full')?.id ?? null,
    joinedOn: new Date().toISOString().slice(0, 10), status: 'active',
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

export function MemberDrawer(props: {
  target: number | 'new' | null;
  info: RegisterInfo;
  types: MembershipTypeEntity[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer opened={props.target !== null} onClose={props.onClose} position="right" size="lg" title={t('members.title')}>
      {props.target !== null && <MemberFormBody key={String(props.target)} {...props} target={props.target} />}
    </Drawer>
  );
}

function MemberFormBody(props: {
  target: number | 'new';
  info: RegisterInfo;
  types: MembershipTypeEntity[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [member, setMember] = useState<MemberEntity | null>(null);
  const [form, setForm] = useState<Form>(() => emptyForm(props.info, props.types));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const { target, types } = props;

  // Mounted afresh for each member (keyed by the drawer), so this loads once per opening.
  useEffect(() => {
    if (typeof target !== 'number') return;
    call('members.get', { id: target })
      .then((m) => {
        setMember(m);
        setForm(toForm(m));
      })
      .catch((e) => notifications.show({ color: 'red', message: errorText(errorOf(e)) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- errorText is stable enough; load once
  }, [target]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setIssues((list) => list.filter((i) => i.field !== key));
  };
  const issue = (field: string) => {
    const found = issues.find((i) => i.field === field);
    return found ? t(`errors.${found.code}`, { defaultValue: t('errors.unknownField') }) : undefined;
  };
  const name = `${form.firstName} ${form.lastName}`.trim();

  const save = async () => {
    if (busy || target === null) return;
    setBusy(true);
    try {
      const saved = target === 'new' ? await call('members.create', form) : await call('members.update', { id: target, input: form });
      notifications.show({ color: 'teal', message: t('member.saved', { name: `${saved.firstName} ${saved.lastName}` }) });
      props.onChanged();
      props.onClose();
    } catch (e) {
      const err = errorOf(e);
      if (err.code === 'validation' && err.details?.fields?.length) setIssues(err.details.fields);
      else notifications.show({ color: 'red', message: errorText(err) });
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
        props.onChanged();
        props.onClose();
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

  useHotkeys([['mod+S', () => void save()]], [], true);

  const countryNames = new Intl.DisplayNames([localeOf(i18n.language)], { type: 'region' });
  const idLabel = t(`member.identityNumber.${form.country === 'SE' || form.country === 'NO' ? form.country : 'other'}`);

  return (
    <>
      <Text fw={600} size="lg" mb="md" data-testid="member-title">
        {target === 'new' ? t('member.newTitle') : member ? t('member.editTitle', { number: member.memberNumber, name }) : t('common.loading')}
      </Text>
      <Stack
        component="form"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          void save();
        }}
        data-testid="member-form"
      >
        {member?.archivedAt && <Badge color="gray">{t('members.archivedTag')}</Badge>}
        {issues.length > 0 && <Alert color="red">{t('member.fixErrors')}</Alert>}
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
          <Select
            label={t('member.membershipType')}
            data={types.map((x) => ({ value: String(x.id), label: x.code ? t(`members.types.${x.code}`, { defaultValue: x.name }) : x.name }))}
            value={form.membershipTypeId ? String(form.membershipTypeId) : null}
            onChange={(v) => set('membershipTypeId', v ? Number(v) : null)}
            error={issue('membershipTypeId')}
            name="membershipTypeId"
          />
          <TextInput label={t('member.joinedOn')} type="date" value={form.joinedOn} onChange={(e) => set('joinedOn', e.currentTarget.value)} error={issue('joinedOn')} name="joinedOn" />
          <Select
            label={t('member.status')}
            data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))}
            value={form.status}
            onChange={(v) => v && set('status', v as Form['status'])}
            allowDeselect={false}
            name="status"
          />
        </SimpleGrid>
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
    </>
  );
}
