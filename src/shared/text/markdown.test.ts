import { describe, expect, it } from 'vitest';
import { parseMarkdown, plainText, safeHref } from './markdown';

describe('newsletter Markdown subset', () => {
  it('reads headings, paragraphs with their line breaks, and both kinds of list', () => {
    const { blocks, issues } = parseMarkdown('# Sommar\n## Program\nrad ett\nrad två\n\n- Fika\n* Sång\n1. Först\n2) Sen\n### Slut');
    expect(issues).toEqual([]);
    expect(blocks).toEqual([
      { type: 'heading', level: 1, content: [{ text: 'Sommar' }] },
      { type: 'heading', level: 2, content: [{ text: 'Program' }] },
      { type: 'paragraph', lines: [[{ text: 'rad ett' }], [{ text: 'rad två' }]] },
      { type: 'list', ordered: false, items: [[{ text: 'Fika' }], [{ text: 'Sång' }]] },
      { type: 'list', ordered: true, items: [[{ text: 'Först' }], [{ text: 'Sen' }]] },
      { type: 'heading', level: 3, content: [{ text: 'Slut' }] },
    ]);
  });

  it('reads bold, italic and links, and leaves lone markers as text', () => {
    const [p] = parseMarkdown('Hej **alla** _ni_ och *du*: [**läs** mer](https://example.org/x) 2 * 3 = 6 **').blocks;
    expect(p).toEqual({
      type: 'paragraph',
      lines: [[
        { text: 'Hej ' },
        { text: 'alla', bold: true },
        { text: ' ' },
        { text: 'ni', italic: true },
        { text: ' och ' },
        { text: 'du', italic: true },
        { text: ': ' },
        { text: 'läs', bold: true, href: 'https://example.org/x' },
        { text: ' mer', href: 'https://example.org/x' },
        { text: ' 2 * 3 = 6 **' },
      ]],
    });
    expect(parseMarkdown('\\*inte kursiv\\* och \\[inte länk\\]').blocks[0]).toEqual({ type: 'paragraph', lines: [[{ text: '*inte kursiv* och [inte länk]' }]] });
  });

  it('refuses links a mail program should not follow', () => {
    expect(parseMarkdown('[x](javascript:alert(1)) [y](data:text/html,hi) [z](file:///etc/passwd)').issues.map((i) => i.token)).toEqual([
      'javascript:alert(1',
      'data:text/html,hi',
      'file:///etc/passwd',
    ]);
    expect(safeHref('mailto:kassor@example.org')).toBe('mailto:kassor@example.org');
    expect(safeHref('https://förening.se/möte')).toBe('https://xn--frening-90a.se/m%C3%B6te');
    expect(safeHref('http://')).toBeNull();
  });

  it('gives the plain text with link addresses', () => {
    const { blocks } = parseMarkdown('# Rubrik\n\nSe [programmet](https://example.org).\n\n1. Ett\n2. Två');
    expect(plainText(blocks)).toBe('Rubrik\n\nSe programmet (https://example.org/).\n\n1. Ett\n2. Två');
  });
});
