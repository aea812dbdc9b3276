import { Alert } from '@mantine/core';

/** A refusal, translated (with the file's line when the core names one). */
export function Failure({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert color="red" role="alert" data-testid="treasury-failure">
      {text}
    </Alert>
  );
}
