import { cancelMandateRecord, newMandateRecord, openingRecord, paymentOrderRecord } from './autogiro-records';

/**
 * The two files Kansli sends to Bankgirot (through the internet bank or Bankgirot's file
 * service): mandate requests and payment orders. Each is one opening record and its records.
 */

export interface MandateRequest {
  payerNumber: string;
  kind: 'new' | 'cancel';
  account: string | null;
  idNumber: string | null;
}

export interface Payee {
  date: string;
  bgcCustomerNumber: string;
  bankgiro: string;
}

/** Cancellations first, so a payer number freed and reused in one file is never refused as "already exists". */
export function mandateFile(payee: Payee, requests: MandateRequest[]): string[] {
  const ordered = [...requests.filter((r) => r.kind === 'cancel'), ...requests.filter((r) => r.kind === 'new')];
  return [
    openingRecord(payee.date, payee.bgcCustomerNumber, payee.bankgiro),
    ...ordered.map((r) => (r.kind === 'cancel' ? cancelMandateRecord(payee.bankgiro, r.payerNumber) : newMandateRecord(payee.bankgiro, r.payerNumber, r.account, r.idNumber))),
  ];
}

export interface PaymentOrder {
  payerNumber: string;
  amount: number;
  debitOn: string;
  reference: string;
}

export function paymentOrderFile(payee: Payee, orders: PaymentOrder[]): string[] {
  return [
    openingRecord(payee.date, payee.bgcCustomerNumber, payee.bankgiro),
    ...orders.map((o) => paymentOrderRecord({ date: o.debitOn, payerNumber: o.payerNumber, amount: o.amount, bankgiro: payee.bankgiro, reference: o.reference })),
  ];
}
