import type { Audience, DuesStep, SendOutChannel, SendOutEntity } from '../../../shared/contract';
import { todayLocal } from '../dates';

/** What the editor holds: the contract's input, fully filled in. */
export interface Draft {
  title: string;
  channel: SendOutChannel;
  status: 'idea' | 'planned' | 'ready';
  plannedOn: string | null;
  audience: Audience;
  body: string;
  duesYear: number | null;
  duesStep: DuesStep | null;
  frequencyLimit: number | null;
  paperForOthers: boolean;
  important: boolean;
}

export function newDraft(): Draft {
  return {
    title: '',
    channel: 'sms',
    status: 'planned',
    plannedOn: todayLocal(),
    audience: { kind: 'all' },
    body: '',
    duesYear: null,
    duesStep: null,
    frequencyLimit: null,
    paperForOthers: false,
    important: false,
  };
}

export function draftOf(s: SendOutEntity): Draft {
  return {
    title: s.title,
    channel: s.channel,
    // Exported and sent are not chosen in the form: the form shows "ready" for them.
    status: s.status === 'exported' || s.status === 'sent' ? 'ready' : s.status,
    plannedOn: s.plannedOn,
    audience: s.audience,
    body: s.body,
    duesYear: s.duesYear,
    duesStep: s.duesStep,
    frequencyLimit: s.frequencyLimit,
    paperForOthers: s.paperForOthers,
    important: s.important,
  };
}

export const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);
