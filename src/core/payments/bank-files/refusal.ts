/** The KansliError's file code and line of a refused parse, for compact assertions in tests. */
export function refusal(fn: () => unknown): { code: string; line: string } {
  try {
    fn();
  } catch (e) {
    const d = (e as { details?: { fields?: { code: string }[]; line?: string } }).details;
    return { code: d?.fields?.[0]?.code ?? String(e), line: d?.line ?? '' };
  }
  throw new Error('not refused');
}
