import type { SendOutChannel, SendOutStatus } from '../../shared/contract';

/** One colour per channel, the same in the calendar, the list and the editor. */
export const CHANNEL_COLOR: Record<SendOutChannel, string> = { newsletter: 'grape', sms: 'teal', email: 'blue', letter: 'orange' };

export const STATUS_COLOR: Record<SendOutStatus, string> = { idea: 'gray', planned: 'blue', ready: 'cyan', exported: 'violet', sent: 'green' };
