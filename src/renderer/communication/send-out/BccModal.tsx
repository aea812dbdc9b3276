import { Alert, Button, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useErrorText } from '../../components/ErrorAlert';

/** The BCC lists on screen, one box per chunk with a copy button, for an ordinary mail program. */
export function BccModal(props: { opened: boolean; onClose: () => void; id: number; chunkSize: number; onShown: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [chunks, setChunks] = useState<string[][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<number | null>(null);
  // The latest callback, without asking again for the lists each time the parent renders.
  const onShown = useRef(props.onShown);
  useEffect(() => {
    onShown.current = props.onShown;
  });
  useEffect(() => {
    if (!props.opened) return;
    let live = true;
    call('sendOuts.bccChunks', { id: props.id, chunkSize: props.chunkSize })
      .then((r) => {
        if (!live) return;
        setChunks(r.chunks);
        setError(null);
        onShown.current(); // shown = exported: the send-out's state changed
      })
      .catch((e) => live && setError(errorText(e, 'communication')));
    return () => {
      live = false;
      // Closed: the next opening starts from a spinner, not the previous lists.
      setChunks(null);
      setCopied(null);
    };
  }, [props.opened, props.id, props.chunkSize, errorText]);

  const copy = async (i: number, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(i);
    } catch {
      setError(t('communication.files.copyFailed'));
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('communication.files.bccTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('communication.files.bccIntro')}</Text>
        {error && <Alert color="red">{error}</Alert>}
        {!chunks && !error && <Loader />}
        {chunks?.map((c, i) => {
          const text = c.join('; ');
          return (
            <Stack key={i} gap={4}>
              <Group justify="space-between">
                <Text fw={500}>{t('communication.files.bccChunk', { n: i + 1, of: chunks.length, count: c.length })}</Text>
                <Button size="compact-sm" variant={copied === i ? 'filled' : 'light'} onClick={() => void copy(i, text)}>
                  {copied === i ? t('communication.files.copied') : t('communication.files.copy')}
                </Button>
              </Group>
              <Textarea value={text} readOnly autosize maxRows={4} aria-label={t('communication.files.bccChunk', { n: i + 1, of: chunks.length, count: c.length })} />
            </Stack>
          );
        })}
      </Stack>
    </Modal>
  );
}
