import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../shared/contract';
import { checkAnswers } from './answers';
import { aggregate, type Counted } from './aggregate';
import { proposeChanges, type PreferenceState } from './preference-mapping';
import { answeredEditIssues, normaliseQuestion, specialOptions, surveyIssues, type QuestionDraft } from './rules';
import { surveyTemplate } from './template';

const q = (id: number, kind: SurveyQuestion['kind'], extra: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  id,
  kind,
  text: { sv: `Fråga ${id}` },
  required: false,
  options:
    kind === 'single' || kind === 'multiple'
      ? [
          { key: 'o1', text: { sv: 'Ja', en: 'Yes' } },
          { key: 'o2', text: { sv: 'Nej', en: 'No' } },
          { key: 'o3', text: { sv: 'Kanske' } },
        ]
      : kind === 'channels' || kind === 'frequency'
        ? specialOptions(kind)
        : [],
  interests: false,
  ...extra,
});

const draft = (kind: QuestionDraft['kind'], options: QuestionDraft['options'] = [], extra: Partial<QuestionDraft> = {}): QuestionDraft => ({
  kind,
  text: { sv: 'En fråga' },
  required: false,
  options,
  interests: false,
  ...extra,
});

describe('survey rules', () => {
  it('refuses a survey with no questions, a choice question with no options and unnamed, duplicate or doubled things', () => {
    expect(surveyIssues({ sv: 'Enkät' }, [])).toEqual([{ field: 'questions', code: 'survey-no-questions' }]);
    expect(surveyIssues({}, [draft('scale')])).toEqual([{ field: 'title', code: 'survey-title-missing' }]);
    expect(
      surveyIssues({ en: 'Survey' }, [
        draft('single'),
        draft('multiple', [{ text: { sv: 'Möten' } }, { text: { nb: 'møten ' } }, { text: {} }]),
        draft('short', [], { text: { sv: '  ' } }),
        draft('channels'),
        draft('channels'),
        draft('scale', [], { interests: true }),
        draft('single', [{ text: { sv: 'A' } }], { interests: true }),
        draft('multiple', [{ text: { sv: 'B' } }], { interests: true }),
      ]),
    ).toEqual([
      { field: 'questions.0.options', code: 'question-no-options' },
      // "Möten" and "møten" fold alike: on paper nobody could tell them apart.
      { field: 'questions.1.options.1', code: 'option-duplicate' },
      { field: 'questions.1.options.2', code: 'option-text-missing' },
      { field: 'questions.2.text', code: 'question-text-missing' },
      { field: 'questions.4.kind', code: 'question-special-twice' },
      { field: 'questions.5.interests', code: 'interests-not-a-choice' },
      { field: 'questions.7.interests', code: 'interests-twice' },
    ]);
  });

  it('gives new options free keys, keeps old ones, and fixes the special kinds’ options', () => {
    const n = normaliseQuestion(draft('single', [{ key: 'o2', text: { sv: ' B ' } }, { text: { sv: 'C' } }, { text: { sv: 'D' } }]));
    expect(n.options).toEqual([
      { key: 'o2', text: { sv: 'B' } },
      { key: 'o1', text: { sv: 'C' } },
      { key: 'o3', text: { sv: 'D' } },
    ]);
    expect(normaliseQuestion(draft('frequency', [{ text: { sv: 'Dagligen' } }])).options.map((o) => o.key)).toEqual(['weekly', 'monthly', 'quarterly', 'important']);
    expect(normaliseQuestion(draft('scale', [{ text: { sv: 'x' } }], { interests: true }))).toMatchObject({ options: [], interests: false });
  });

  it('once answered, refuses removing a question, changing its kind or dropping a chosen option', () => {
    const saved = [q(1, 'single'), q(2, 'scale'), q(3, 'short')];
    const used = new Map([
      [1, { questionId: 1, keys: new Set(['o2']) }],
      [2, { questionId: 2, keys: new Set<string>() }],
    ]);
    const keep = (x: SurveyQuestion) => ({ ...x });
    expect(answeredEditIssues(saved, [keep(saved[0]), keep(saved[1])], used)).toEqual([]); // q3 has no answers
    expect(answeredEditIssues(saved, [keep(saved[0])], used)).toEqual([{ field: 'questions', code: 'question-has-answers' }]);
    expect(answeredEditIssues(saved, [keep(saved[0]), { ...saved[1], kind: 'short' }], used)).toEqual([{ field: 'questions.1.kind', code: 'question-has-answers' }]);
    const dropped = { ...saved[0], options: saved[0].options.filter((o) => o.key !== 'o2') };
    expect(answeredEditIssues(saved, [dropped, keep(saved[1])], used)).toEqual([{ field: 'questions.0.options', code: 'question-has-answers' }]);
    const droppedUnused = { ...saved[0], options: saved[0].options.filter((o) => o.key !== 'o3') };
    expect(answeredEditIssues(saved, [droppedUnused, keep(saved[1])], used)).toEqual([]);
  });

  it('the template asks the field’s questions and passes the rules', () => {
    const t = surveyTemplate();
    expect(surveyIssues(t.title, t.questions)).toEqual([]);
    expect(t.questions.map((x) => x.kind)).toEqual(['frequency', 'channels', 'multiple', 'multiple', 'single', 'scale', 'long']);
    expect(t.questions.filter((x) => x.interests)).toHaveLength(1);
    for (const x of t.questions) for (const l of ['sv', 'nb', 'en'] as const) expect(x.text[l]).toBeTruthy();
  });
});

describe('answer validation', () => {
  const questions = [q(1, 'single', { required: true }), q(2, 'multiple'), q(3, 'scale'), q(4, 'short'), q(5, 'long'), q(6, 'channels'), q(7, 'frequency')];

  it('stores answers in their clean form: options in order without repeats, texts trimmed, blanks left out', () => {
    const r = checkAnswers(questions, { 1: 'o2', 2: ['o3', 'o1', 'o3'], 3: 4, 4: '  hej  ', 5: '   ', 6: ['phone', 'sms'], 7: 'monthly' });
    expect(r.issues).toEqual([]);
    expect(r.answers).toEqual({ 1: 'o2', 2: ['o1', 'o3'], 3: 4, 4: 'hej', 6: ['sms', 'phone'], 7: 'monthly' });
  });

  it('says what is wrong with each answer, at its question', () => {
    const r = checkAnswers(questions, { 2: ['o1', 'o9'], 3: 6, 4: 'x'.repeat(501), 6: 'fax', 7: ['weekly', 'monthly'], 99: 'x' });
    expect(r.issues).toEqual([
      { field: 'answers.99', code: 'answer-unknown-question' },
      { field: 'answers.1', code: 'answer-required' },
      { field: 'answers.2', code: 'answer-not-an-option' },
      { field: 'answers.3', code: 'answer-out-of-scale' },
      { field: 'answers.4', code: 'answer-too-long' },
      { field: 'answers.6', code: 'answer-not-an-option' },
      { field: 'answers.7', code: 'answer-too-many' },
    ]);
    expect(checkAnswers(questions, { 1: 'o1', 3: 2.5 }).issues).toEqual([{ field: 'answers.3', code: 'answer-wrong-type' }]);
    expect(checkAnswers(questions, { 1: 'o1', 4: 3 }).issues).toEqual([{ field: 'answers.4', code: 'answer-wrong-type' }]);
  });

  it('lets an import leave a required question unanswered', () => {
    expect(checkAnswers(questions, {}, { requireRequired: false }).issues).toEqual([]);
  });
});

describe('mapping answers to preferences', () => {
  const interests = q(3, 'multiple', { interests: true });
  const questions = [q(1, 'channels'), q(2, 'frequency'), interests, q(4, 'single')];
  const none: PreferenceState = { channels: null, frequency: null, interests: null, consentSms: false, consentEmail: true, consentPost: true };

  it('sets channels, frequency and interests, and gives consent for chosen channels it lacked', () => {
    const { next, changes } = proposeChanges(questions, { 1: ['sms', 'letter', 'phone'], 2: 'quarterly', 3: ['o1', 'o3'], 4: 'o2' }, none, 'sv');
    expect(changes).toEqual([
      { field: 'channels', oldValue: null, newValue: 'sms,letter,phone' },
      { field: 'consentSms', oldValue: '0', newValue: '1' },
      { field: 'frequency', oldValue: null, newValue: 'quarterly' },
      { field: 'interests', oldValue: null, newValue: 'Ja; Kanske' },
    ]);
    expect(next).toEqual({ channels: ['sms', 'letter', 'phone'], frequency: 'quarterly', interests: ['Ja', 'Kanske'], consentSms: true, consentEmail: true, consentPost: true });
  });

  it('never withdraws a consent, changes nothing for unanswered questions, and nothing when already so', () => {
    expect(proposeChanges(questions, { 1: ['phone'] }, none, 'en').changes).toEqual([{ field: 'channels', oldValue: null, newValue: 'phone' }]);
    expect(proposeChanges(questions, {}, none, 'sv').changes).toEqual([]);
    const same: PreferenceState = { ...none, channels: ['email'], frequency: 'monthly', interests: ['Yes'] };
    expect(proposeChanges(questions, { 1: ['email'], 2: 'monthly', 3: ['o1'] }, same, 'en').changes).toEqual([]);
  });
});

describe('aggregation', () => {
  const questions = [q(1, 'single'), q(2, 'multiple'), q(3, 'scale'), q(4, 'short'), q(5, 'channels')];

  it('counts per option in the options’ order, the scale per step with its mean, and lists texts newest first', () => {
    const responses: Counted[] = [
      { id: 30, answeredOn: '2025-06-03', answers: { 1: 'o2', 2: ['o1', 'o3'], 3: 5, 4: 'Fler möten', 5: ['sms'] } },
      { id: 20, answeredOn: '2025-06-03', answers: { 1: 'o2', 2: ['o3'], 3: 2 } },
      { id: 10, answeredOn: '2025-06-01', answers: { 1: 'o1', 4: 'Bra!', 5: ['sms', 'email'] } },
    ];
    const { results, textIds } = aggregate(questions, responses);
    expect(results.map((r) => [r.answered, r.counts.map((c) => `${c.key}:${c.count}`).join(' '), r.mean])).toEqual([
      [3, 'o1:1 o2:2 o3:0', null],
      [2, 'o1:1 o2:0 o3:2', null],
      [2, '1:0 2:1 3:0 4:0 5:1', 3.5],
      [2, '', null],
      [2, 'sms:2 email:1 letter:0 phone:0', null],
    ]);
    expect(results[3].texts.total).toBe(2);
    expect(textIds.get(4)).toEqual([30, 10]);
  });

  it('gives empty tallies for a survey nobody answered', () => {
    const { results } = aggregate(questions, []);
    expect(results.every((r) => r.answered === 0 && r.counts.every((c) => c.count === 0))).toBe(true);
    expect(results[2].mean).toBeNull();
  });
});
