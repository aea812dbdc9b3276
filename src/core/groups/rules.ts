import { isReversed, overlaps, type Period } from '../periods/rules';

export interface StatusEventFact {
  status: 'active' | 'left' | 'struck_off';
  on: string;
}

/**
 * The spans in which someone was a member, from the life-cycle events (oldest first): an active
 * event opens a span, leaving or being struck off closes it on that day.
 */
export function activeSpans(events: StatusEventFact[]): Period[] {
  const spans: Period[] = [];
  let open: string | null = null;
  for (const e of events) {
    if (e.status === 'active') {
      if (open === null) open = e.on;
    } else if (open !== null) {
      spans.push({ from: open, to: e.on });
      open = null;
    }
  }
  if (open !== null) spans.push({ from: open, to: null });
  return spans;
}

const within = (p: Period, span: Period) => span.from <= p.from && (span.to === null || (p.to !== null && p.to <= span.to));

/**
 * Why a role period cannot be recorded, or null. `others` are the member's periods of the same
 * role in the same group (the one being edited left out). A role must lie inside one span of
 * membership: not before joining, not after leaving.
 */
export function roleProblem(p: Period, others: Period[], spans: Period[]): { field: 'from' | 'to'; code: string } | null {
  if (isReversed(p)) return { field: 'to', code: 'date-range-reversed' };
  if (others.some((o) => overlaps(o, p))) return { field: 'from', code: 'role-period-overlap' };
  if (!spans.some((s) => within(p, s))) {
    const startsInside = spans.some((s) => s.from <= p.from && (s.to === null || s.to >= p.from));
    return startsInside ? { field: 'to', code: 'member-left-before-end' } : { field: 'from', code: 'member-not-active-at-date' };
  }
  return null;
}
