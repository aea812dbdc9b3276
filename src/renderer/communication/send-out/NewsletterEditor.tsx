import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMarkdown } from '../../../shared/text/markdown';
import { MarkdownPreview } from './MarkdownPreview';

type Action = 'h1' | 'h2' | 'bold' | 'italic' | 'bullets' | 'numbers' | 'link';

/**
 * A simple editor: the text with a few marks (# heading, **bold**, - list, [text](link)), a
 * toolbar that writes them, and the preview beside it. What is exported is built from the same
 * parse, so the preview is what the members get.
 */
export function NewsletterEditor(props: { value: string; onChange: (v: string) => void; locked: boolean; error?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const parsed = useMemo(() => parseMarkdown(props.value), [props.value]);

  const apply = (action: Action) => {
    const el = ref.current;
    const v = props.value;
    const start = el?.selectionStart ?? v.length;
    const end = el?.selectionEnd ?? v.length;
    const selected = v.slice(start, end);
    const lineStart = v.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = (() => {
      const i = v.indexOf('\n', Math.max(end - (end > start && v[end - 1] === '\n' ? 1 : 0), start));
      return i < 0 ? v.length : i;
    })();
    let next = v;
    let cursor = end;
    const wrap = (mark: string, placeholder: string) => {
      const inner = selected || placeholder;
      next = v.slice(0, start) + mark + inner + mark + v.slice(end);
      cursor = start + mark.length + inner.length + mark.length;
    };
    const prefixLines = (prefix: (i: number) => string) => {
      const lines = v.slice(lineStart, lineEnd).split('\n');
      const changed = lines.map((l, i) => prefix(i) + l.replace(/^(#{1,3}\s+|[-*]\s+|\d{1,3}[.)]\s+)/, '')).join('\n');
      next = v.slice(0, lineStart) + changed + v.slice(lineEnd);
      cursor = lineStart + changed.length;
    };
    switch (action) {
      case 'h1':
        prefixLines(() => '# ');
        break;
      case 'h2':
        prefixLines(() => '## ');
        break;
      case 'bold':
        wrap('**', t('communication.newsletter.boldText'));
        break;
      case 'italic':
        wrap('*', t('communication.newsletter.italicText'));
        break;
      case 'bullets':
        prefixLines(() => '- ');
        break;
      case 'numbers':
        prefixLines((i) => `${i + 1}. `);
        break;
      case 'link': {
        const text = selected || t('communication.newsletter.linkText');
        const insert = `[${text}](https://)`;
        next = v.slice(0, start) + insert + v.slice(end);
        cursor = start + insert.length - 1;
        break;
      }
    }
    props.onChange(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(cursor, cursor);
    });
  };

  const tools: { action: Action; label: string; style?: React.CSSProperties }[] = [
    { action: 'h1', label: t('communication.newsletter.heading') },
    { action: 'h2', label: t('communication.newsletter.subheading') },
    { action: 'bold', label: t('communication.newsletter.bold'), style: { fontWeight: 700 } },
    { action: 'italic', label: t('communication.newsletter.italic'), style: { fontStyle: 'italic' } },
    { action: 'bullets', label: t('communication.newsletter.bullets') },
    { action: 'numbers', label: t('communication.newsletter.numbers') },
    { action: 'link', label: t('communication.newsletter.link') },
  ];
  const unsafe = parsed.issues[0];

  return (
    <Stack gap="xs">
      <Group gap={6} role="toolbar" aria-label={t('communication.newsletter.toolbar')}>
        {tools.map((x) => (
          <Button key={x.action} size="compact-sm" variant="default" onClick={() => apply(x.action)} disabled={props.locked} style={x.style}>
            {x.label}
          </Button>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Textarea
          ref={ref}
          label={t('communication.newsletter.text')}
          description={t('communication.newsletter.help')}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
          autosize
          minRows={14}
          maxRows={30}
          disabled={props.locked}
          error={props.error ?? (unsafe ? t('communication.errors.link-unsafe', { link: unsafe.token }) : undefined)}
          name="body"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 14 } }}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('communication.newsletter.preview')}
          </Text>
          <Paper withBorder p="md" mih={200}>
            {parsed.blocks.length ? <MarkdownPreview blocks={parsed.blocks} /> : <Text c="dimmed">{t('communication.newsletter.empty')}</Text>}
          </Paper>
        </div>
      </SimpleGrid>
    </Stack>
  );
}
