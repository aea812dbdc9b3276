import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MergePreview } from '../../shared/contract';

const KINDS = ['contacts', 'roles', 'typePeriods', 'history', 'customValues'] as const;

/** What else moves to the kept member ("1 contact, 3 history entries"), naming only what there is. */
export function MovesText({ moves }: { moves: MergePreview['moves'] }) {
  const { t } = useTranslation();
  const parts = KINDS.filter((k) => moves[k] > 0).map((k) => t(`duplicates.moveKinds.${k}`, { count: moves[k] }));
  return (
    <Text size="sm" data-testid="merge-moves">
      {parts.length ? `${t('duplicates.movesIntro')} ${parts.join(', ')}.` : t('duplicates.movesNothing')}
    </Text>
  );
}
