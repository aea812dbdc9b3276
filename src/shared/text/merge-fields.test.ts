import { describe, expect, it } from 'vitest';
import { checkTemplate, mergeFields, templateFields } from './merge-fields';

const values = { firstName: 'Åsa', lastName: 'Ødegård', memberNumber: '1042', activities: 'Vårmöte 12 mars' };

describe('merge fields', () => {
  it('fills in every field, keeps the rest of the text and Nordic letters', () => {
    const r = mergeFields('Hej {firstName} {lastName} (nr {memberNumber})!\n{activities}. Välkommen!', values);
    expect(r).toEqual({ ok: true, text: 'Hej Åsa Ødegård (nr 1042)!\nVårmöte 12 mars. Välkommen!' });
  });

  it('writes literal braces from {{ and }}, and lets a lone } stand', () => {
    expect(mergeFields('{{firstName}} är {firstName} :-}', values)).toEqual({ ok: true, text: '{firstName} är Åsa :-}' });
  });

  it('refuses an unknown field with its name and place', () => {
    expect(mergeFields('Hej {förnamn}', values)).toEqual({ ok: false, issue: { code: 'merge-field-unclosed', token: '{förnamn}', index: 4 } });
    expect(mergeFields('Hej {fornamn}', values)).toEqual({ ok: false, issue: { code: 'merge-field-unknown', token: 'fornamn', index: 4 } });
    expect(checkTemplate('Hej {firstName}, {year}', ['firstName'])).toEqual({ code: 'merge-field-unknown', token: 'year', index: 17 });
  });

  it('refuses a brace that does not close a field', () => {
    expect(checkTemplate('Hej {firstName', ['firstName'])?.code).toBe('merge-field-unclosed');
    expect(checkTemplate('Pris { 100 }', ['firstName'])?.code).toBe('merge-field-unclosed');
    expect(checkTemplate('{}', ['firstName'])?.code).toBe('merge-field-unclosed');
  });

  it('accepts a template with only allowed fields, and lists them once each', () => {
    expect(checkTemplate('{firstName} {firstName} {activities}', ['firstName', 'activities'])).toBeNull();
    expect(templateFields('{activities} {firstName} {activities} {{x}}')).toEqual(['activities', 'firstName']);
    expect(checkTemplate('', [])).toBeNull();
  });
});
