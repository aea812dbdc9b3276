import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A screen's heading: its title, and one line on what the screen is for. */
export function PanelHeader({ title, intro }: { title: ReactNode; intro: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={2}>{title}</Title>
      <Text c="dimmed" maw={760}>
        {intro}
      </Text>
    </Stack>
  );
}
