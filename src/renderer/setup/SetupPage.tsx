import { ScrollArea, Stack } from '@mantine/core';
import { CustomFieldsPanel } from './CustomFieldsPanel';
import { MembershipTypesPanel } from './MembershipTypesPanel';

/** The register's own setup: its membership types and its custom fields. */
export function SetupPage() {
  return (
    <ScrollArea style={{ flex: 1 }}>
      <Stack gap="md" maw={1100}>
        <MembershipTypesPanel />
        <CustomFieldsPanel />
      </Stack>
    </ScrollArea>
  );
}
