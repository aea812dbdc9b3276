import type { LocalText, QuestionKind, SurveyDraft, SurveyEntity, SurveyInput } from '../../shared/contract';

/** A question in the builder: `uid` keeps React's rows apart (new questions have no id yet). */
export interface QuestionDraft {
  uid: string;
  id?: number;
  kind: QuestionKind;
  text: LocalText;
  required: boolean;
  options: { key?: string; text: LocalText }[];
  interests: boolean;
}

export interface SurveyDraftState {
  id?: number;
  title: LocalText;
  intro: LocalText;
  audienceSegmentId: number | null;
  questions: QuestionDraft[];
}

let counter = 0;
const uid = () => `q${++counter}`;

export function fromSurvey(s: SurveyEntity | SurveyDraft): SurveyDraftState {
  return {
    id: 'id' in s ? s.id : undefined,
    title: { ...s.title },
    intro: { ...s.intro },
    audienceSegmentId: s.audienceSegmentId,
    questions: s.questions.map((q) => ({
      uid: uid(),
      id: 'id' in q ? (q.id as number) : undefined,
      kind: q.kind,
      text: { ...q.text },
      required: q.required,
      options: q.options.map((o) => ({ key: o.key, text: { ...o.text } })),
      interests: q.interests,
    })),
  };
}

export function emptySurvey(): SurveyDraftState {
  return { title: {}, intro: {}, audienceSegmentId: null, questions: [newQuestion('single')] };
}

export function newQuestion(kind: QuestionKind): QuestionDraft {
  return { uid: uid(), kind, text: {}, required: false, options: kind === 'single' || kind === 'multiple' ? [{ text: {} }, { text: {} }] : [], interests: false };
}

/** What the core is sent: the builder's own keys left out. */
export function toInput(d: SurveyDraftState): SurveyInput {
  return {
    id: d.id,
    title: d.title,
    intro: d.intro,
    audienceSegmentId: d.audienceSegmentId,
    questions: d.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text,
      required: q.required,
      options: q.kind === 'single' || q.kind === 'multiple' ? q.options : [],
      interests: q.interests,
    })),
  };
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x);
  return next;
}
