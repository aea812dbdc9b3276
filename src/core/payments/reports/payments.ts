import type { PaymentMethod } from '../../../shared/contract/dues';
import type { PaymentsReport } from '../../../shared/contract/reports';
import { sql } from '../../db/sql';
import type { RegisterContext } from '../../register/context';
import { currencyOf } from '../../register/settings';

/** Money received per day and method in [from, to] (both days included), refunds as negative amounts. */
export function paymentsReport(ctx: RegisterContext, from: string, to: string): PaymentsReport {
  const days = ctx.db.all<{ date: string; method: PaymentMethod; count: number; amount: number }>(sql`SELECT paid_on AS date, method, count(*) AS count, sum(amount) AS amount
      FROM payments WHERE paid_on BETWEEN ${from} AND ${to} GROUP BY paid_on, method ORDER BY paid_on, method`);
  const byMethod = new Map<PaymentMethod, { method: PaymentMethod; count: number; amount: number }>();
  for (const d of days) {
    const m = byMethod.get(d.method) ?? { method: d.method, count: 0, amount: 0 };
    m.count += d.count;
    m.amount += d.amount;
    byMethod.set(d.method, m);
  }
  const methods = [...byMethod.values()].sort((a, b) => b.amount - a.amount || a.method.localeCompare(b.method));
  return {
    from,
    to,
    currency: currencyOf(ctx.country),
    days,
    methods,
    count: days.reduce((n, d) => n + d.count, 0),
    total: days.reduce((n, d) => n + d.amount, 0),
  };
}
