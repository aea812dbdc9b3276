/**
 * The newsletter editor's text: a small Markdown subset a volunteer can learn from the toolbar,
 * parsed into a tree that the core writes as HTML and PDF and the window shows as a preview.
 * Nothing in the text is ever passed on as markup: every output is built from this tree, so the
 * HTML is sanitised by construction.
 *
 * Blocks (separated by a blank line, or by a line that starts another kind of block):
 *   # Heading, ## Heading, ### Heading      one line each
 *   - item / * item                         a bulleted list, one item a line
 *   1. item                                  a numbered list
 *   anything else                            a paragraph; its line breaks are kept
 * Inline: **bold**, *italic* or _italic_, [text](https://…), \* for a literal character.
 * Links must be http(s) or mailto; anything else ("javascript:…") is refused as `link-unsafe`.
 */

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Set on the spans of a link's text. */
  href?: string;
}

/** A line of inline content; a paragraph's lines are kept apart (line breaks). */
export type Inline = Span[];

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; content: Inline }
  | { type: 'paragraph'; lines: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[] };

export interface MarkdownIssue {
  code: 'link-unsafe';
  /** The offending link target. */
  token: string;
}

export interface ParsedMarkdown {
  blocks: Block[];
  issues: MarkdownIssue[];
}

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.)]\s+(.*)$/;
const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '#', '-']);

/** http(s) and mailto only: the link must be safe to click in any mail program. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(h)) return h;
  try {
    const u = new URL(h);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname ? u.href : null;
  } catch {
    return null;
  }
}

function parseInline(line: string, issues: MarkdownIssue[]): Inline {
  const spans: Span[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = () => {
    if (buf) spans.push({ text: buf, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
    buf = '';
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && ESCAPABLE.has(line[i + 1])) {
      buf += line[i + 1];
      i += 2;
    } else if (c === '*' && line[i + 1] === '*') {
      // A marker only when its partner follows; a lone "**" stays text.
      if (bold || line.indexOf('**', i + 2) > i + 1) {
        flush();
        bold = !bold;
      } else buf += '**';
      i += 2;
    } else if ((c === '*' || c === '_') && (italic || hasCloser(line, i, c))) {
      flush();
      italic = !italic;
      i++;
    } else if (c === '[') {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(line.slice(i));
      if (!link) {
        buf += c;
        i++;
        continue;
      }
      const href = safeHref(link[2]);
      if (!href) issues.push({ code: 'link-unsafe', token: link[2] });
      flush();
      for (const s of parseInline(link[1], issues)) {
        spans.push({ ...s, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(href ? { href } : {}) });
      }
      i += link[0].length;
    } else {
      buf += c;
      i++;
    }
  }
  flush();
  return spans;
}

/** An italic marker opens only when a closing one follows on the line, not right after it. */
function hasCloser(line: string, at: number, marker: string): boolean {
  if (line[at + 1] === undefined || /\s/.test(line[at + 1])) return false;
  for (let j = at + 2; j < line.length; j++) {
    if (line[j] === '\\') j++;
    else if (line[j] === marker && !(marker === '*' && line[j + 1] === '*')) return true;
  }
  return false;
}

export function parseMarkdown(text: string): ParsedMarkdown {
  const issues: MarkdownIssue[] = [];
  const blocks: Block[] = [];
  let paragraph: Inline[] | null = null;
  let list: { ordered: boolean; items: Inline[] } | null = null;
  const end = () => {
    if (paragraph) blocks.push({ type: 'paragraph', lines: paragraph });
    if (list) blocks.push({ type: 'list', ...list });
    paragraph = null;
    list = null;
  };
  for (const raw of (text ?? '').replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      end();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      end();
      blocks.push({ type: 'heading', level: heading[1].length as 1 | 2 | 3, content: parseInline(heading[2], issues) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (paragraph || (list && list.ordered !== ordered)) end();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? numbered)![1], issues));
      continue;
    }
    if (list) end();
    paragraph ??= [];
    paragraph.push(parseInline(line, issues));
  }
  end();
  return { blocks, issues };
}

/** The text without markup (for a plain-text e-mail part and for search). */
export function plainText(blocks: Block[]): string {
  // A link's address follows its text once, after the link's last span.
  const line = (l: Inline) =>
    l.map((s, i) => (s.href && !s.href.startsWith('mailto:') && l[i + 1]?.href !== s.href ? `${s.text} (${s.href})` : s.text)).join('');
  return blocks
    .map((b) =>
      b.type === 'heading'
        ? line(b.content)
        : b.type === 'paragraph'
          ? b.lines.map(line).join('\n')
          : b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '-'} ${line(it)}`).join('\n'),
    )
    .join('\n\n');
}
