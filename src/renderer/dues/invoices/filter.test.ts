import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../shared/contract';
import { searchInvoices, statusesOf } from './filter';

const person = (memberNumber: number, firstName: string, lastName: string) => ({ memberId: memberNumber, memberNumber, firstName, lastName });

const row = (number: string, member: ReturnType<typeof person>, covers = [member]): InvoiceRow =>
  ({ number, reference: `99${number}`, member, covers }) as InvoiceRow;

const rows = [
  row('1001', person(7, 'Åsa', 'Öström')),
  row('1002', person(12, 'Per', 'Berg'), [person(12, 'Per', 'Berg'), person(13, 'Lisa', 'Berg-Ödegård')]),
  row('1003', person(21, 'Kari', 'Nordmann')),
];

describe('invoice list search', () => {
  it('finds by name without accents, by household member, by number and reference', () => {
    expect(searchInvoices(rows, 'ostrom').map((r) => r.number)).toEqual(['1001']);
    expect(searchInvoices(rows, 'odegard').map((r) => r.number)).toEqual(['1002']);
    expect(searchInvoices(rows, 'lisa berg').map((r) => r.number)).toEqual(['1002']);
    expect(searchInvoices(rows, '1003').map((r) => r.number)).toEqual(['1003']);
    expect(searchInvoices(rows, '991001').map((r) => r.number)).toEqual(['1001']);
    expect(searchInvoices(rows, '  ')).toHaveLength(3);
  });

  it('needs every word, each inside one field', () => {
    expect(searchInvoices(rows, 'kari berg')).toEqual([]);
    expect(searchInvoices(rows, 'nordmann21')).toEqual([]);
  });

  it('turns the status choice into the contract’s list', () => {
    expect(statusesOf('all')).toBeUndefined();
    expect(statusesOf('owed')).toEqual(['open', 'partlyPaid']);
    expect(statusesOf('credited')).toEqual(['credited']);
  });
});
