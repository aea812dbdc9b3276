import type { CustomFieldEntity, SegmentCondition, SegmentGroup, SegmentNode } from '../../shared/contract';

/** The condition kinds the builder offers, in the order of its field menu. */
export const CONDITION_KINDS = [
  'status', 'type', 'role', 'household', 'age', 'postcode', 'city', 'consent', 'has', 'journey', 'joined', 'contact',
] as const satisfies readonly SegmentCondition['kind'][];

/** Groups may nest; the core allows 6 levels, the builder offers fewer to stay readable. */
export const MAX_DEPTH = 3;

export const emptyGroup = (kind: 'and' | 'or' = 'and'): SegmentGroup => ({ kind, children: [] });

export const isGroup = (n: SegmentNode): n is SegmentGroup => n.kind === 'and' || n.kind === 'or';

/** A fresh condition of a kind, with the most likely value already chosen where there is one. */
export function newCondition(kind: string, fields: CustomFieldEntity[]): SegmentCondition {
  if (kind.startsWith('custom:')) {
    const field = fields.find((f) => f.id === Number(kind.slice(7)));
    return { kind: 'custom', fieldId: Number(kind.slice(7)), op: field?.kind === 'text' ? 'contains' : 'eq' };
  }
  switch (kind as SegmentCondition['kind']) {
    case 'status': return { kind: 'status', values: ['active'] };
    case 'type': return { kind: 'type', typeIds: [] };
    case 'role': return { kind: 'role' };
    case 'household': return { kind: 'household', has: true };
    case 'age': return { kind: 'age' };
    case 'postcode': return { kind: 'postcode', prefix: '' };
    case 'city': return { kind: 'city', values: [] };
    case 'consent': return { kind: 'consent', channel: 'sms', value: true };
    case 'has': return { kind: 'has', what: 'email', value: true };
    case 'journey': return { kind: 'journey', stages: [] };
    case 'joined': return { kind: 'joined' };
    case 'contact': return { kind: 'contact' };
    default: return { kind: 'status', values: ['active'] };
  }
}

/** The builder's field-menu value of a condition ("custom:3" for own fields). */
export const kindKey = (c: SegmentCondition) => (c.kind === 'custom' ? `custom:${c.fieldId}` : c.kind);

const blank = (s: string | undefined) => (s ? s : undefined);

/**
 * A condition the core can run, or null while the user is still filling it in: half-made rows
 * are left out of the live count instead of turning it into an error.
 */
export function usableCondition(c: SegmentCondition): SegmentCondition | null {
  switch (c.kind) {
    case 'status': return c.values.length ? c : null;
    case 'type': return c.typeIds.length ? { ...c, at: blank(c.at) } : null;
    case 'role': return { kind: 'role', groupId: c.groupId, roles: c.roles?.length ? c.roles : undefined, at: blank(c.at) };
    case 'age': return c.min === undefined && c.max === undefined ? null : { ...c, at: blank(c.at) };
    case 'postcode': return /^[0-9A-Za-z ]{1,10}$/.test(c.prefix) ? c : null;
    case 'city': return c.values.length ? c : null;
    case 'journey': return c.stages.length ? { ...c, at: blank(c.at) } : null;
    case 'joined': return c.from || c.to ? { kind: 'joined', from: blank(c.from), to: blank(c.to) } : null;
    case 'contact':
      return { kind: 'contact', kinds: c.kinds?.length ? c.kinds : undefined, from: blank(c.from), to: blank(c.to), none: c.none || undefined };
    case 'custom':
      if (c.op === 'empty' || c.op === 'notEmpty') return { kind: 'custom', fieldId: c.fieldId, op: c.op };
      return c.value === undefined || c.value === '' ? null : c;
    default: return c;
  }
}

/** The definition without the conditions still being filled in (and groups left empty by that). */
export function usableNode(n: SegmentNode): SegmentNode | null {
  if (!isGroup(n)) return usableCondition(n);
  const children = n.children.map(usableNode).filter((c): c is SegmentNode => c !== null);
  if (!children.length && n.children.length) return null;
  return { ...n, children };
}

/** True when the definition filters anything at all (an empty root group matches everyone). */
export const hasConditions = (n: SegmentNode | null): n is SegmentNode => !!n && (!isGroup(n) || n.children.length > 0);

/** Replaces the node at `path` (indices of children from the root) through `f`; null removes it. */
export function updateAt(root: SegmentGroup, path: number[], f: (n: SegmentNode) => SegmentNode | null): SegmentGroup {
  if (!path.length) return (f(root) as SegmentGroup | null) ?? emptyGroup();
  const [i, ...rest] = path;
  const children = [...root.children];
  const child = children[i];
  const next = rest.length ? (isGroup(child) ? updateAt(child, rest, f) : child) : f(child);
  if (next === null) children.splice(i, 1);
  else children[i] = next;
  return { ...root, children };
}
