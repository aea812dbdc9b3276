import { handler } from './define';

/** Exports for the board (contact lists, printed lists, roll, labels, vCard) and the export log. */
export const exportsContract = {} satisfies Record<string, ReturnType<ReturnType<typeof handler>>>;
