import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A member's name and number as a link that opens the member page. */
export function MemberButton({ id, memberNumber, firstName, lastName, onOpen, labelKey }: {
  id: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  onOpen: (id: number) => void;
  /** i18n key of the accessible name, with {{name}} and {{number}}. */
  labelKey: string;
}) {
  const { t } = useTranslation();
  const name = `${firstName} ${lastName}`.trim();
  return (
    <Anchor component="button" type="button" onClick={() => onOpen(id)} aria-label={t(labelKey, { name, number: memberNumber })} ta="left">
      {name}{' '}
      <Text span c="dimmed" size="sm">
        ({memberNumber})
      </Text>
    </Anchor>
  );
}
