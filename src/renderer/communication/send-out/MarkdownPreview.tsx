import { Anchor, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Block, Inline } from '../../../shared/text/markdown';

/** One line of spans as React elements; a link's spans share one anchor (opened by the system, not here). */
function InlineView({ line }: { line: Inline }) {
  const out: ReactNode[] = [];
  for (let i = 0; i < line.length; i++) {
    const s = line[i];
    let node: ReactNode = s.text;
    if (s.italic) node = <em>{node}</em>;
    if (s.bold) node = <strong>{node}</strong>;
    if (s.href) {
      const group: ReactNode[] = [node];
      while (line[i + 1]?.href === s.href) {
        i++;
        const n = line[i];
        let inner: ReactNode = n.text;
        if (n.italic) inner = <em>{inner}</em>;
        if (n.bold) inner = <strong>{inner}</strong>;
        group.push(inner);
      }
      // Not followed in the preview: the window never navigates away. The address shows on hover.
      node = (
        <Anchor component="span" title={s.href}>
          {group.map((g, k) => (
            <span key={k}>{g}</span>
          ))}
        </Anchor>
      );
    }
    out.push(<span key={i}>{node}</span>);
  }
  return <>{out}</>;
}

/** The newsletter as it will look: built from the parsed blocks, never from the text as HTML. */
export function MarkdownPreview({ blocks }: { blocks: Block[] }) {
  return (
    <div data-testid="newsletter-preview">
      {blocks.map((b, i) => {
        if (b.type === 'heading') {
          return (
            <Title key={i} order={(b.level + 1) as 2 | 3 | 4} mt="sm" mb={4}>
              <InlineView line={b.content} />
            </Title>
          );
        }
        if (b.type === 'paragraph') {
          return (
            <Text key={i} mb="sm">
              {b.lines.map((l, k) => (
                <span key={k}>
                  {k > 0 && <br />}
                  <InlineView line={l} />
                </span>
              ))}
            </Text>
          );
        }
        return (
          <List key={i} type={b.ordered ? 'ordered' : 'unordered'} mb="sm" withPadding>
            {b.items.map((it, k) => (
              <List.Item key={k}>
                <InlineView line={it} />
              </List.Item>
            ))}
          </List>
        );
      })}
    </div>
  );
}
