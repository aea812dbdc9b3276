import { Badge, Box, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberPageEntity, MembershipTypeEntity, RegisterInfo } from '../../shared/contract';
import { call, errorOf } from '../api';
import { useErrorText } from '../components/ErrorAlert';
import { HouseholdCard } from './HouseholdCard';
import { JourneyBadge } from './JourneyBadge';
import { MemberContactLog } from './MemberContactLog';
import { MemberDetailsForm } from './MemberDetailsForm';
import { MemberDuesTab } from './MemberDuesTab';
import { MemberGroupsTab } from './MemberGroupsTab';
import { MemberHistoryTab } from './MemberHistoryTab';
import { MemberOptOuts } from './MemberOptOuts';
import { MemberStatusTab } from './MemberStatusTab';
import { MemberTypeHistory } from './MemberTypeHistory';

const TABS = ['details', 'groups', 'type', 'status', 'contacts', 'history', 'dues'] as const;
type Tab = (typeof TABS)[number];

/**
 * One member: a header (name, number, journey, household) and tabs, all from one `members.page`
 * call, reloaded after every change. A new member gets only the details form until saved.
 */
export function MemberPage(props: {
  target: number | 'new';
  info: RegisterInfo;
  types: MembershipTypeEntity[];
  onClose: () => void;
  onChanged: () => void;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { target } = props;
  const [page, setPage] = useState<MemberPageEntity | null>(null);
  const [tab, setTab] = useState<Tab>('details');
  // Bumped when the details were saved, so the form takes the stored (normalised) values.
  const [formKey, setFormKey] = useState(0);
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    if (typeof target !== 'number') return;
    await call('members.page', { id: target })
      .then(setPage)
      .catch((e) => notifications.show({ color: 'red', message: errorText(errorOf(e)) }));
  }, [target, errorText]);
  useEffect(() => void load(), [load]);

  const changed = () => {
    void load();
    props.onChanged();
  };

  // Ctrl+S submits the form being worked in; outside any form, the active tab's first form.
  const submitCurrent = () => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement.closest('form') : null;
    const form = active ?? root.current?.querySelector<HTMLFormElement>('[role="tabpanel"]:not([style*="display: none"]) form, form[data-testid="member-form"]');
    form?.requestSubmit();
  };
  useHotkeys(
    [['mod+S', submitCurrent], ...TABS.map((id, i) => [`alt+${i + 1}`, () => page && setTab(id)] as [string, () => void])],
    [],
    true,
  );

  if (target === 'new') {
    return (
      <Stack ref={root}>
        <Title order={3} data-testid="member-title">{t('member.newTitle')}</Title>
        <MemberDetailsForm
          page={null}
          info={props.info}
          types={props.types}
          onClose={props.onClose}
          onArchived={props.onClose}
          onSaved={() => {
            props.onChanged();
            props.onClose();
          }}
        />
      </Stack>
    );
  }

  if (!page) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  const m = page.member;
  const pageProps = { page, onChanged: changed };

  return (
    <Tabs ref={root} value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
      {/* The header and the tabs stay in view while a long tab scrolls (below the drawer's own title bar). */}
      <Box pos="sticky" top={60} bg="var(--mantine-color-body)" style={{ zIndex: 2 }} pb={4}>
        <Stack gap={6} mb="sm">
          <Group gap="sm" align="baseline">
            <Title order={3} data-testid="member-title">{m.firstName} {m.lastName}</Title>
            <Text c="dimmed" data-testid="member-number">{t('memberPage.number', { number: m.memberNumber })}</Text>
            {m.status !== 'active' && <Badge color="gray">{t(`members.status.${m.status}`)}</Badge>}
            {m.archivedAt && <Badge color="gray" variant="outline">{t('members.archivedTag')}</Badge>}
          </Group>
          <Group gap="sm">
            <JourneyBadge journey={page.journey} />
            <HouseholdCard page={page} onChanged={changed} onOpen={props.onOpen} />
            <Text c="dimmed" size="xs" ml="auto">{t('memberPage.shortcuts')}</Text>
          </Group>
        </Stack>
        <Tabs.List>
          {TABS.map((id, i) => (
            <Tabs.Tab key={id} value={id} title={`Alt+${i + 1}`} data-testid={`tab-${id}`}>
              {t(`memberPage.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Box>
      <Tabs.Panel value="details" pt="md">
        <MemberDetailsForm
          key={formKey}
          page={page}
          info={props.info}
          types={props.types}
          onClose={props.onClose}
          onArchived={() => {
            props.onChanged();
            props.onClose();
          }}
          onSaved={() => {
            // The form starts again from what was stored (normalised phone, postcode…).
            void load().then(() => setFormKey((k) => k + 1));
            props.onChanged();
          }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="groups" pt="md"><MemberGroupsTab {...pageProps} /></Tabs.Panel>
      <Tabs.Panel value="type" pt="md"><MemberTypeHistory {...pageProps} types={props.types} /></Tabs.Panel>
      <Tabs.Panel value="status" pt="md"><MemberStatusTab key={`${m.status}-${page.statusEvents.length}`} {...pageProps} /></Tabs.Panel>
      <Tabs.Panel value="contacts" pt="md"><Stack><MemberOptOuts page={page} /><MemberContactLog {...pageProps} /></Stack></Tabs.Panel>
      <Tabs.Panel value="history" pt="md"><MemberHistoryTab page={page} types={props.types} /></Tabs.Panel>
      <Tabs.Panel value="dues" pt="md"><MemberDuesTab page={page} info={props.info} /></Tabs.Panel>
    </Tabs>
  );
}
