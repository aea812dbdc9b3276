import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorOf } from '../api';
import { useFieldIssues } from '../components/useFieldIssues';

/**
 * Runs one change of the member page: field refusals land at their fields, anything else in a
 * notification; on success the page reloads. Every handler is one transaction in the core, so a
 * refusal leaves nothing half-applied.
 */
export function useAction(onDone: () => void) {
  const issues = useFieldIssues('memberPage');
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, success?: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    issues.set([]);
    try {
      await work();
      if (success) notifications.show({ color: 'teal', message: success });
      onDone();
      return true;
    } catch (e) {
      const err = errorOf(e);
      if (!issues.take(err)) {
        const code = err.details?.fields?.[0]?.code ?? err.code;
        notifications.show({ color: 'red', message: issues.text(code) });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, issues };
}
