import { Checkbox, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StrikeOffProposal } from '../../../shared/contract';
import { useMoney } from '../money';

/** The members still owing after the last round, each chosen (or not) for the board's decision. */
export function ProposalTable({ proposal, chosen, onChosen }: { proposal: StrikeOffProposal; chosen: Set<number>; onChosen: (next: Set<number>) => void }) {
  const { t } = useTranslation();
  const money = useMoney(proposal.currency);
  const all = proposal.rows.map((r) => r.member.memberId);
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChosen(next);
  };
  return (
    <Table striped withTableBorder verticalSpacing="xs" data-testid="strike-off-proposal">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>
            <Checkbox
              aria-label={t('duesRuns.strikeOff.chooseAll')}
              checked={chosen.size === all.length && all.length > 0}
              indeterminate={chosen.size > 0 && chosen.size < all.length}
              onChange={(e) => onChosen(e.currentTarget.checked ? new Set(all) : new Set())}
            />
          </Table.Th>
          <Table.Th>{t('duesRuns.member')}</Table.Th>
          <Table.Th>{t('duesRuns.strikeOff.invoices')}</Table.Th>
          <Table.Th>{t('duesRuns.strikeOff.lastRound')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('duesRuns.strikeOff.owed')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {proposal.rows.map((r) => {
          const name = `${r.member.firstName} ${r.member.lastName}`;
          return (
            <Table.Tr key={r.member.memberId} data-member={r.member.memberNumber}>
              <Table.Td>
                <Checkbox aria-label={t('duesRuns.strikeOff.choose', { name })} checked={chosen.has(r.member.memberId)} onChange={(e) => toggle(r.member.memberId, e.currentTarget.checked)} />
              </Table.Td>
              <Table.Td>
                {name} ({r.member.memberNumber})
              </Table.Td>
              <Table.Td>{r.invoiceNumbers.join(', ')}</Table.Td>
              <Table.Td>{t('duesRuns.reminders.round', { round: r.lastRound })}</Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={600}>
                {money(r.owed)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
