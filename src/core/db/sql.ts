/**
 * The sql`` tag: values become bound parameters, never text in the statement, so user input
 * cannot change a query. Identifiers and fragments chosen from fixed lists go in through `raw()`.
 */
export type SqlValue = string | number | null | Uint8Array;

export interface SqlQuery {
  readonly text: string;
  readonly params: SqlValue[];
}

class Raw {
  constructor(readonly text: string) {}
}

/** A fragment the code itself chose (a column from a whitelist, a sort direction). */
export function raw(text: string): Raw {
  return new Raw(text);
}

type Part = SqlValue | boolean | undefined | Raw | SqlQuery;

function isQuery(v: unknown): v is SqlQuery {
  return typeof v === 'object' && v !== null && 'text' in v && 'params' in v && !(v instanceof Raw);
}

export function sql(strings: TemplateStringsArray, ...values: Part[]): SqlQuery {
  let text = strings[0];
  const params: SqlValue[] = [];
  values.forEach((v, i) => {
    if (v instanceof Raw) text += v.text;
    else if (isQuery(v)) {
      text += v.text;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v);
    }
    text += strings[i + 1];
  });
  return { text, params };
}

/** Joins fragments, e.g. conditions with " AND ". */
export function join(parts: SqlQuery[], separator: string): SqlQuery {
  return {
    text: parts.map((p) => p.text).join(separator),
    params: parts.flatMap((p) => p.params),
  };
}
