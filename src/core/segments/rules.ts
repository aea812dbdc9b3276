import type { FieldIssue } from '../../shared/result';
import type { SegmentNode } from '../../shared/contract';
import { checkCustomValue, type FieldDef } from '../custom-fields/rules';

export const MAX_DEPTH = 6;
export const MAX_NODES = 200;

/**
 * What zod cannot see in a segment: nesting depth and size, reversed ranges, custom-field
 * conditions against the field's kind. Problems are reported at the node's path.
 */
export function checkSegment(root: SegmentNode, fields: Map<number, FieldDef>, basePath = 'definition'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let count = 0;
  const visit = (n: SegmentNode, path: string, depth: number) => {
    count++;
    if (depth > MAX_DEPTH) {
      issues.push({ field: path, code: 'segment-too-deep' });
      return;
    }
    switch (n.kind) {
      case 'and':
      case 'or':
        n.children.forEach((c, i) => visit(c, `${path}.children.${i}`, depth + 1));
        return;
      case 'age':
        if (n.min !== undefined && n.max !== undefined && n.min > n.max) issues.push({ field: path, code: 'range-reversed' });
        return;
      case 'joined':
      case 'contact':
        if (n.from && n.to && n.from > n.to) issues.push({ field: path, code: 'date-range-reversed' });
        return;
      case 'custom': {
        const f = fields.get(n.fieldId);
        if (!f) {
          issues.push({ field: path, code: 'custom-field-not-found' });
          return;
        }
        const needsValue = n.op !== 'empty' && n.op !== 'notEmpty';
        if (needsValue && n.value === undefined) {
          issues.push({ field: path, code: 'value-required' });
          return;
        }
        if (!needsValue) return;
        if (n.op === 'contains' && f.kind !== 'text') issues.push({ field: path, code: 'operator-not-for-kind' });
        else if (['lt', 'lte', 'gt', 'gte'].includes(n.op) && (f.kind === 'boolean' || f.kind === 'choice' || f.kind === 'text')) {
          issues.push({ field: path, code: 'operator-not-for-kind' });
        } else if (n.op !== 'contains') {
          const r = checkCustomValue(f, n.value!);
          if (!r.ok) issues.push({ field: path, code: r.code });
        }
        return;
      }
      default:
        return;
    }
  };
  visit(root, basePath, 1);
  if (count > MAX_NODES) issues.push({ field: basePath, code: 'segment-too-large' });
  return issues;
}
