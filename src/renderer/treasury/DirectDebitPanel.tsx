import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { RegisterInfo } from '../../shared/contract';
import { AnswersCard } from './AnswersCard';
import { DirectDebitSettingsCard } from './DirectDebitSettingsCard';
import { FilesCard } from './FilesCard';
import { MandatesCard } from './MandatesCard';
import { OrdersCard } from './OrdersCard';

/**
 * Direct debit in the order the year is worked through: the bank's details once, mandates
 * (Autogiro only: AvtaleGiro agreements are made by the payer in their bank), the year's
 * debits, the bank's answer, and the log of files.
 */
export function DirectDebitPanel({ info }: { info: RegisterInfo }) {
  // Any action that changes what the cards show bumps the version; each reloads its own data.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <Stack gap="lg" p="md" maw={1100}>
      <DirectDebitSettingsCard onSaved={changed} />
      {info.country !== 'NO' && <MandatesCard version={version} onChanged={changed} />}
      <OrdersCard info={info} version={version} onChanged={changed} />
      <AnswersCard info={info} onChanged={changed} />
      <FilesCard info={info} version={version} />
    </Stack>
  );
}
