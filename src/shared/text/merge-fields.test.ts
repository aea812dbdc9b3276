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

describe('an empty field and its lead-in', () => {
  const none = { ...values, activities: '' };
  const merge = (template: string, v: Record<string, string> = none) => {
    const r = mergeFields(template, v);
    if (!r.ok) throw new Error(r.issue.code);
    return r.text;
  };

  it('leaves out the sentence ending in a colon before an empty field at the end of a line, keeping the line’s first sentences', () => {
    expect(merge('Takk! Her kommer kontingenten. Dette skjer fremover:\n{activities}\n\nTa gjerne kontakt!')).toBe('Takk! Her kommer kontingenten.\n\nTa gjerne kontakt!');
    expect(merge('Hej {firstName}! På gång: {activities}\n\nHälsningar')).toBe('Hej Åsa!\n\nHälsningar');
    expect(merge('Hej {firstName}! På gång: {activities}')).toBe('Hej Åsa!');
  });

  it('leaves out a lead-in line of its own and the field’s line, without doubling the gap between paragraphs', () => {
    expect(merge('Hei {firstName}!\n\nDette skjer fremover:\n{activities}\n\nTa gjerne kontakt!')).toBe('Hei Åsa!\n\nTa gjerne kontakt!');
    expect(merge('Coming up:\r\n{activities}\r\n\r\nBye')).toBe('Bye');
    expect(merge('Hej!\n\nPå gång:\n{activities}')).toBe('Hej!');
  });

  it('leaves out a line that held only the empty field, also without a colon', () => {
    expect(merge('Hej!\n{activities}\nHälsningar')).toBe('Hej!\nHälsningar');
    expect(merge('Hej!\n\n  {activities}  \n\nHälsningar')).toBe('Hej!\n\nHälsningar');
    expect(merge('Program:\n{activities}', { ...values, activities: '  \n ' })).toBe('');
  });

  it('keeps the lead-in when the field has a value, and an empty field inside a sentence is just empty', () => {
    expect(merge('Dette skjer fremover:\n{activities}\n\nHilsen', values)).toBe('Dette skjer fremover:\nVårmöte 12 mars\n\nHilsen');
    expect(merge('Vi ses på {activities} i vår.')).toBe('Vi ses på  i vår.');
    expect(merge('Klockan 18: {activities} och fika')).toBe('Klockan 18:  och fika');
    expect(merge('Hej {firstName}: {activities}\nMer')).toBe('Mer');
  });
});
