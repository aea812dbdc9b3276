import { useCallback, useEffect, useState } from 'react';
import type { MembershipTypeEntity, RegisterInfo } from '../../shared/contract';
import { call } from '../api';
import { MemberDrawer } from '../pages/MemberDrawer';

/**
 * Opens the member page (the same drawer the member list uses) from a list elsewhere; the lists
 * of follow-ups, households and duplicates share it so a member looks the same everywhere.
 */
export function useOpenMember(info: RegisterInfo, onChanged: () => void) {
  const [target, setTarget] = useState<number | null>(null);
  const [types, setTypes] = useState<MembershipTypeEntity[]>([]);
  useEffect(() => {
    call('members.types', {}).then(setTypes).catch(() => setTypes([]));
  }, []);
  const open = useCallback((id: number) => setTarget(id), []);
  const drawer = <MemberDrawer target={target} info={info} types={types} onClose={() => setTarget(null)} onChanged={onChanged} />;
  return { open, drawer };
}
