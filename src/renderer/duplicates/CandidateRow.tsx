import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, DuplicateMember } from '../../shared/contract';
import { formatPhone } from '../../shared/nordic/phone';
import { useDateFormat } from '../followups/dates';
import { MemberButton } from '../followups/MemberButton';

function MemberCell({ m, country, onOpen }: { m: DuplicateMember; country: string; onOpen: (id: number) => void }) {
  const date = useDateFormat();
  const facts = [date(m.birthDate), m.email, m.mobile && formatPhone(m.mobile, country), m.city].filter(Boolean);
  return (
    <Stack gap={2}>
      <MemberButton {...m} onOpen={onOpen} labelKey="households.openMember" />
      {facts.map((f) => (
        <Text key={f} size="sm" c="dimmed">{f}</Text>
      ))}
    </Stack>
  );
}

/** A possible duplicate pair: the two members side by side, why they were found, and "compare". */
export function CandidateRow({ candidate, country, onOpen, onCompare }: {
  candidate: DuplicateCandidate;
  country: string;
  onOpen: (id: number) => void;
  onCompare: () => void;
}) {
  const { t } = useTranslation();
  const { a, b } = candidate;
  return (
    <Table.Tr data-testid="duplicate-row">
      <Table.Td><MemberCell m={a} country={country} onOpen={onOpen} /></Table.Td>
      <Table.Td><MemberCell m={b} country={country} onOpen={onOpen} /></Table.Td>
      <Table.Td>
        <Group gap={4}>
          {candidate.reasons.map((r) => (
            <Badge key={r} variant="light" color="grape">{t(`duplicates.reasons.${r}`)}</Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" onClick={onCompare} aria-label={t('duplicates.compareLabel', { a: `${a.firstName} ${a.lastName}`, b: `${b.firstName} ${b.lastName}` })}>
          {t('duplicates.compare')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
