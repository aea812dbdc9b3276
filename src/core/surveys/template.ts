import type { SurveyDraft } from '../../shared/contract';
import { specialOptions } from './rules';

const t = (sv: string, nb: string, en: string) => ({ sv, nb, en });

/**
 * The field's questions ("Spør medlemmene hva de ønsker": how often, which channels, what
 * information engages, how they want to be active; the Swedish routines' "fråga på vilket sätt
 * medlemmen vill vara aktiv, önskemål och intressen"), ready to adjust before saving.
 */
export function surveyTemplate(): SurveyDraft {
  return {
    title: t('Vad vill du ha från oss?', 'Hva ønsker du fra oss?', 'What would you like from us?'),
    intro: t(
      'Vi vill bli bättre på att höra av oss på det sätt du vill. Det tar fem minuter att svara.',
      'Vi vil bli flinkere til å kontakte deg slik du ønsker. Det tar fem minutter å svare.',
      'We want to get better at keeping in touch the way you want. It takes five minutes to answer.',
    ),
    audienceSegmentId: null,
    questions: [
      {
        kind: 'frequency',
        text: t('Hur ofta vill du höra från föreningen?', 'Hvor ofte vil du høre fra foreningen?', 'How often would you like to hear from the association?'),
        required: true,
        options: specialOptions('frequency'),
        interests: false,
      },
      {
        kind: 'channels',
        text: t('Hur vill du helst att vi hör av oss?', 'Hvordan vil du helst at vi kontakter deg?', 'How would you prefer us to contact you?'),
        required: true,
        options: specialOptions('channels'),
        interests: false,
      },
      {
        kind: 'multiple',
        text: t('Vilka ämnen vill du veta mer om?', 'Hvilke temaer vil du vite mer om?', 'Which topics would you like to hear more about?'),
        required: false,
        options: [
          { key: 'o1', text: t('Möten och aktiviteter', 'Møter og aktiviteter', 'Meetings and activities') },
          { key: 'o2', text: t('Studier och kurser', 'Studier og kurs', 'Study circles and courses') },
          { key: 'o3', text: t('Föreningens ekonomi och beslut', 'Foreningens økonomi og vedtak', "The association's finances and decisions") },
          { key: 'o4', text: t('Kampanjer och opinionsarbete', 'Kampanjer og påvirkningsarbeid', 'Campaigns and advocacy') },
          { key: 'o5', text: t('Lokala nyheter', 'Lokale nyheter', 'Local news') },
        ],
        interests: true,
      },
      {
        kind: 'multiple',
        text: t('Hur skulle du vilja vara aktiv?', 'Hvordan kunne du tenke deg å være aktiv?', 'How would you like to be active?'),
        required: false,
        options: [
          { key: 'o1', text: t('Komma på möten', 'Komme på møter', 'Come to meetings') },
          { key: 'o2', text: t('Hjälpa till vid enstaka tillfällen', 'Hjelpe til av og til', 'Help out now and then') },
          { key: 'o3', text: t('Ha ett uppdrag i föreningen', 'Ha et verv i foreningen', 'Take on a role in the association') },
          { key: 'o4', text: t('Stödja utan att vara aktiv', 'Støtte uten å være aktiv', 'Support without being active') },
        ],
        interests: false,
      },
      {
        kind: 'single',
        text: t('Får vi ringa dig?', 'Kan vi ringe deg?', 'May we call you?'),
        required: false,
        options: [
          { key: 'o1', text: t('Ja', 'Ja', 'Yes') },
          { key: 'o2', text: t('Nej', 'Nei', 'No') },
        ],
        interests: false,
      },
      {
        kind: 'scale',
        text: t('Hur nöjd är du med föreningen i dag?', 'Hvor fornøyd er du med foreningen i dag?', 'How satisfied are you with the association today?'),
        required: false,
        options: [],
        interests: false,
      },
      {
        kind: 'long',
        text: t('Något annat du vill säga till oss?', 'Noe annet du vil si til oss?', 'Anything else you would like to tell us?'),
        required: false,
        options: [],
        interests: false,
      },
    ],
  };
}
