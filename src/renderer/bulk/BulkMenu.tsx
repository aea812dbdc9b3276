import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkActionKind } from '../../shared/contract';

const KINDS: BulkActionKind[] = ['addToGroup', 'setType', 'addContact', 'archive'];

/** The bulk actions for the ticked members; each opens its form and preview. */
export function BulkMenu({ count, onChoose }: { count: number; onChoose: (k: BulkActionKind) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="light" disabled={count === 0} data-testid="bulk-menu">{t('bulk.menu', { count })}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {KINDS.map((k) => (
          <Menu.Item key={k} onClick={() => onChoose(k)} color={k === 'archive' ? 'red' : undefined}>
            {t(`bulk.kinds.${k}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
