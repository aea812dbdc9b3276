/**
 * Swish QR payload, C format (developer.getswish.se qr-api-manual §6.1; nordic-formats.md §4):
 *
 *   C<payee>;<amount>;<message>;<mask>
 *
 * - amount in SEK with two decimals and a decimal comma ("100,00")
 * - message URL-encoded (space → %20, ";" → %3B so it cannot break the fields)
 * - mask: bit set = the payer may edit that field; payee 1, amount 2, message 4
 * - an empty field leaves its parameter empty; an omitted mask means 0
 * Two open-source libraries deviate (swapped bits; amount without decimals); this follows the spec.
 * The QR image itself is drawn elsewhere from this string.
 */

export type SwishField = 'payee' | 'amount' | 'message';

const BITS: Record<SwishField, number> = { payee: 1, amount: 2, message: 4 };

export const SWISH_MESSAGE_MAX = 50;

export type SwishErrorCode = 'swish-payee' | 'swish-amount' | 'swish-message-too-long';
export type SwishResult = { ok: true; payload: string } | { ok: false; code: SwishErrorCode };

export interface SwishQrInput {
  /** Swish number (123 xxx xx xx for an association) or a phone number; spaces and hyphens ignored. */
  payee: string;
  /** SEK: "100.00", "100,00", "100" or a number; null/undefined/"" leaves it for the payer. */
  amount?: string | number | null;
  message?: string | null;
  /** The fields the payer may change. */
  editable?: readonly SwishField[];
  /** Leave out the mask parameter (means 0: nothing editable). */
  omitMask?: boolean;
}

export function swishEditableMask(editable: readonly SwishField[]): number {
  let mask = 0;
  for (const f of editable) mask |= BITS[f];
  return mask;
}

/** "100.5" / "100,50" / 100.5 → "100,50"; null for anything that is not a positive amount with ≤ 2 decimals. */
export function formatSwishAmount(amount: string | number): string | null {
  let text: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) return null;
    text = (Math.round(amount * 100) / 100).toFixed(2);
  } else {
    text = amount.replace(/[\s\u00a0]+/g, '').replace(',', '.');
  }
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const kronor = m[1].replace(/^0+(?=\d)/, '');
  const ore = (m[2] ?? '').padEnd(2, '0');
  if (kronor === '0' && ore === '00') return null;
  return `${kronor},${ore}`;
}

export function swishQrPayload(input: SwishQrInput): SwishResult {
  const payee = (input.payee ?? '').replace(/[\s-]+/g, '');
  if (!/^\d{8,15}$/.test(payee)) return { ok: false, code: 'swish-payee' };

  let amount = '';
  if (input.amount !== null && input.amount !== undefined && input.amount !== '') {
    const a = formatSwishAmount(input.amount);
    if (a === null) return { ok: false, code: 'swish-amount' };
    amount = a;
  }

  const message = input.message ?? '';
  if ([...message].length > SWISH_MESSAGE_MAX) return { ok: false, code: 'swish-message-too-long' };

  const fields = ['C' + payee, amount, encodeURIComponent(message)];
  if (!input.omitMask) fields.push(String(swishEditableMask(input.editable ?? [])));
  return { ok: true, payload: fields.join(';') };
}
