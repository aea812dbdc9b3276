import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/result';
import type { DuesTab } from '../../sections/dues';
import { useRunsErrors } from './errors';

/** Settings fields go to the settings tab; schedule problems (`fees.<typeId>`, `fees`) to the fees tab. */
function tabOf(field: string): DuesTab {
  return field === 'fees' || field.startsWith('fees.') || field === 'dueOn' ? 'fees' : 'settings';
}

/**
 * What stops the run, as "fill in first": each missing or invalid detail by name with why, and a
 * button to the tab where it is filled in.
 */
export function BlockingList({ issues, typeName, goTo }: { issues: FieldIssue[]; typeName: (id: number) => string; goTo?: (tab: DuesTab) => void }) {
  const { t } = useTranslation();
  const errors = useRunsErrors();
  const label = (field: string) => {
    const fee = /^fees\.(\d+)/.exec(field);
    if (fee) return t('duesRuns.blocking.fields.fee', { type: typeName(Number(fee[1])) });
    return t(`duesRuns.blocking.fields.${field}`, { defaultValue: field });
  };
  const tabs = [...new Set(issues.map((i) => tabOf(i.field)))];
  return (
    <Alert color="orange" title={t('duesRuns.blocking.title')} data-testid="run-blocking">
      <Text size="sm">{t('duesRuns.blocking.intro')}</Text>
      <List size="sm" mt="xs" spacing={4}>
        {issues.map((i) => (
          <List.Item key={`${i.field}-${i.code}`} data-code={i.code}>
            <Text span fw={600} size="sm">
              {label(i.field)}
            </Text>
            : {errors.code(i.code)}
          </List.Item>
        ))}
      </List>
      {goTo && (
        <Group mt="sm">
          {tabs.map((tab) => (
            <Button key={tab} size="xs" variant="light" color="orange" onClick={() => goTo(tab)}>
              {tab === 'fees' ? t('duesRuns.blocking.toFees') : t('duesRuns.blocking.toSettings')}
            </Button>
          ))}
        </Group>
      )}
    </Alert>
  );
}
