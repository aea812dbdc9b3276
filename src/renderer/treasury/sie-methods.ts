import type { PaymentMethod, RegisterCountry } from '../../shared/contract';
import { paymentMethods } from '../dues/invoices/PaymentForm';

/**
 * The payment methods whose account the SIE settings show: those a register of this country
 * records (no Bankgiro, Plusgiro, Swish or Autogiro in Norway; no Vipps or AvtaleGiro in Sweden),
 * plus 'credit' (credit moved between a member's invoices, booked in both countries). The other
 * methods' stored accounts stay in the settings untouched; they are only not shown.
 */
export function bookedMethods(country: RegisterCountry): PaymentMethod[] {
  return [...paymentMethods(country), 'credit'];
}
