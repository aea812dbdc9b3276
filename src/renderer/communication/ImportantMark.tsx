import { Badge, Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A send-out marked important, in the plan: the word as a red badge where there is room (the
 * list, the send-out's heading), a red "!" where there is not (a calendar day). The "!" is named
 * for screen readers and shows the word on hover.
 */
export function ImportantMark(props: { compact?: boolean }) {
  const { t } = useTranslation();
  const label = t('communication.plan.important');
  if (!props.compact) {
    return (
      <Badge color="red" variant="light" size="sm" data-testid="important-mark">
        {label}
      </Badge>
    );
  }
  return (
    <Box
      component="span"
      role="img"
      aria-label={label}
      title={label}
      data-testid="important-mark"
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        flex: 'none',
        width: 16,
        height: 16,
        borderRadius: '50%',
        border: '1px solid white',
        background: 'var(--mantine-color-red-7)',
        color: 'white',
        fontSize: 12,
        fontWeight: 800,
        lineHeight: 1,
      }}
    >
      !
    </Box>
  );
}
