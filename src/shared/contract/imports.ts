import { handler } from './define';

/** Import from the old register (CSV, .xlsx): filled in by the import work. */
export const importsContract = {} satisfies Record<string, ReturnType<ReturnType<typeof handler>>>;
