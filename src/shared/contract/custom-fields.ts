import { z } from 'zod';
import { handler } from './define';
import { idArgs, idSchema } from './types';

export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];
/** text/date/choice: string; number: number; boolean: boolean; null = empty. */
export type CustomValue = string | number | boolean | null;

export interface CustomFieldEntity {
  id: number;
  name: string;
  kind: CustomFieldKind;
  /** For 'choice': the allowed values, in order. */
  options: string[];
  position: number;
  archived: boolean;
}

export interface CustomValueEntity {
  fieldId: number;
  value: CustomValue;
}

const options = z.array(z.string().trim().min(1).max(100)).max(100);

export const customFieldInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(CUSTOM_FIELD_KINDS),
  options: options.default([]),
});
export type CustomFieldInput = z.input<typeof customFieldInputSchema>;

export const customValueSchema = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]);

export const customFieldsContract = {
  'customFields.list': handler<CustomFieldEntity[]>()(z.object({ includeArchived: z.boolean().default(false) })),
  /** 'choice' needs at least one option (`options-required`); others take none. */
  'customFields.create': handler<CustomFieldEntity>()(customFieldInputSchema),
  /** The kind never changes. Removing a choice still in use is refused (`option-in-use`). */
  'customFields.update': handler<CustomFieldEntity>()(
    z.object({ id: idSchema, name: z.string().trim().min(1).max(100).optional(), options: options.optional(), position: z.number().int().min(0).max(10000).optional() }),
  ),
  'customFields.archive': handler<CustomFieldEntity>()(idArgs),
  'customFields.unarchive': handler<CustomFieldEntity>()(idArgs),
  'customFields.values': handler<CustomValueEntity[]>()(z.object({ memberId: idSchema })),
  /**
   * Sets (or, with null, clears) values; all or nothing. A value of the wrong type is refused at
   * `values.<i>` with `custom-value-not-number`, `-not-date`, `-not-boolean`, `-not-text`, `-not-an-option`.
   */
  'customFields.setValues': handler<CustomValueEntity[]>()(
    z.object({ memberId: idSchema, values: z.array(z.object({ fieldId: idSchema, value: customValueSchema })).min(1).max(100) }),
  ),
} as const;
