import { Drawer } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipTypeEntity, RegisterInfo } from '../../shared/contract';
import { MemberPage } from '../member/MemberPage';

/** The member page in a wide drawer over the list; a household member can be opened from it. */
export function MemberDrawer(props: {
  target: number | 'new' | null;
  info: RegisterInfo;
  types: MembershipTypeEntity[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  // Another member opened from inside the page (a household member) until the list picks again.
  const [opened, setOpened] = useState<{ from: number | 'new' | null; id: number } | null>(null);
  const target = opened && opened.from === props.target ? opened.id : props.target;
  return (
    <Drawer opened={props.target !== null} onClose={props.onClose} position="right" size="min(1100px, 96vw)" aria-label={t('members.title')}>
      {target !== null && <MemberPage key={String(target)} {...props} target={target} onOpen={(id) => setOpened({ from: props.target, id })} />}
    </Drawer>
  );
}
