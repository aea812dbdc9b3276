import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SMS_SEGMENTS, SEND_OUT_MERGE_FIELDS, type RecipientSummary } from '../../../shared/contract';
import { analyzeSmsTemplate, replaceChar } from '../../../shared/sms/template';
import { useMoney } from '../../dues/money';
import { insertAtCursor, MergeFieldButtons } from './MergeFieldButtons';

/**
 * The SMS text with a live counter: encoding, characters, parts; the typed characters that force
 * UCS-2 marked, each with a one-click stand-in; merge fields counted at the recipients' longest
 * values; and the cost at the settings' price per part.
 */
export function SmsComposer(props: {
  value: string;
  onChange: (v: string) => void;
  summary: RecipientSummary | null;
  pricePerSegment: number;
  currency: 'SEK' | 'NOK';
  locked: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const money = useMoney(props.currency);
  const ref = useRef<HTMLTextAreaElement>(null);
  const longest = useMemo(() => {
    const v = props.summary?.mergeValues;
    // Before the recipients are known, a field counts as its own name: a fair guess for a name.
    return Object.fromEntries(SEND_OUT_MERGE_FIELDS.map((f) => [f, v?.[f].longest || f])) as Record<string, string>;
  }, [props.summary]);
  const result = analyzeSmsTemplate(props.value, longest);
  const a = result.ok ? result.analysis.counted : null;
  const typed = result.ok ? result.analysis.typedUcs2 : [];
  const marked = new Set(typed.map((c) => c.char));
  const messages = props.summary?.messages.sms ?? 0;
  const namesUcs2 = props.summary ? Math.max(...SEND_OUT_MERGE_FIELDS.filter((f) => props.value.includes(`{${f}}`)).map((f) => props.summary!.mergeValues[f].ucs2), 0) : 0;
  const replaceAll = () => {
    let v = props.value;
    for (const c of typed) if (c.replacement !== null) v = replaceChar(v, c.char, c.replacement);
    props.onChange(v);
  };

  return (
    <Stack gap="xs">
      <MergeFieldButtons disabled={props.locked} onInsert={(f) => insertAtCursor(ref.current, props.value, `{${f}}`, props.onChange)} />
      <Textarea
        ref={ref}
        label={t('communication.compose.sms')}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        autosize
        minRows={5}
        maxRows={16}
        disabled={props.locked}
        error={props.error ?? (result.ok ? undefined : t(`communication.errors.${result.issue.code}`))}
        name="body"
        data-testid="sms-text"
      />
      {a && (
        <Group gap="sm" role="status" aria-live="polite" data-testid="sms-counter">
          <Badge color={a.encoding === 'GSM-7' ? 'teal' : 'orange'} size="lg" variant="light" data-testid="sms-encoding">
            {a.encoding}
          </Badge>
          <Text size="sm">{t('communication.compose.characters', { count: a.units })}</Text>
          <Text size="sm" fw={700} c={a.segments > MAX_SMS_SEGMENTS ? 'red' : undefined} data-testid="sms-segments">
            {t('communication.compose.segments', { count: a.segments })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('communication.compose.perSegment', { count: a.perSegment, remaining: a.remaining })}
          </Text>
        </Group>
      )}
      {a && a.segments > MAX_SMS_SEGMENTS && (
        <Text c="red" size="sm" role="alert">
          {t('communication.errors.sms-too-long')}
        </Text>
      )}
      {typed.length > 0 && (
        <Alert color="orange" title={t('communication.compose.ucs2Title')} data-testid="ucs2-alert">
          <Stack gap="xs">
            <Text size="sm">{t('communication.compose.ucs2Intro')}</Text>
            <Paper withBorder p="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="ucs2-preview" aria-label={t('communication.compose.ucs2Preview')}>
              {Array.from(props.value.normalize('NFC')).map((c, i) =>
                marked.has(c) ? (
                  <mark key={i} style={{ background: 'var(--mantine-color-orange-3)', padding: '0 1px' }}>
                    {c}
                  </mark>
                ) : (
                  c
                ),
              )}
            </Paper>
            <Group gap="xs">
              {typed.map((c) =>
                c.replacement !== null ? (
                  <Button
                    key={c.char}
                    size="compact-sm"
                    variant="white"
                    onClick={() => props.onChange(replaceChar(props.value, c.char, c.replacement!))}
                    disabled={props.locked}
                    aria-label={t('communication.compose.replaceLabel', { char: c.char, replacement: c.replacement || t('communication.compose.nothing') })}
                  >
                    {c.char} → {c.replacement === '' ? t('communication.compose.nothing') : c.replacement}
                  </Button>
                ) : (
                  <Text key={c.char} size="sm">
                    {t('communication.compose.noReplacement', { char: c.char })}
                  </Text>
                ),
              )}
              {typed.filter((c) => c.replacement !== null).length > 1 && (
                <Button size="compact-sm" onClick={replaceAll} disabled={props.locked}>
                  {t('communication.compose.replaceAll')}
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      )}
      {namesUcs2 > 0 && (
        <Text size="sm" c="orange.8">
          {t('communication.compose.namesUcs2', { count: namesUcs2 })}
        </Text>
      )}
      {a && messages > 0 && (
        <Text size="sm" data-testid="sms-cost">
          {props.pricePerSegment > 0
            ? t('communication.compose.cost', { messages, count: a.segments, price: money(props.pricePerSegment), total: money(messages * a.segments * props.pricePerSegment) })
            : t('communication.compose.noPrice')}
        </Text>
      )}
    </Stack>
  );
}
