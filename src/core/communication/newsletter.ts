import type { Content } from 'pdfmake/interfaces';
import type { Language } from '../../shared/contract';
import type { Block, Inline } from '../../shared/text/markdown';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** A line of spans as HTML; consecutive spans of one link share one <a>. */
function inlineHtml(line: Inline): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const s = line[i];
    let text = escapeHtml(s.text);
    if (s.italic) text = `<em>${text}</em>`;
    if (s.bold) text = `<strong>${text}</strong>`;
    if (s.href && line[i - 1]?.href !== s.href) text = `<a href="${escapeHtml(s.href)}" style="color:#1c5fa8">${text}`;
    if (s.href && line[i + 1]?.href !== s.href) text += '</a>';
    out += text;
  }
  return out;
}

/**
 * The newsletter as one HTML document for a mail tool: only h1–h3, p, br, ul/ol/li, strong, em
 * and a (http, https, mailto — checked by the parser) are ever written, every text escaped, and
 * the styles inline (mail programs drop <style> blocks and ignore external sheets).
 */
export function newsletterHtml(blocks: Block[], title: string, association: string, language: Language): string {
  const font = "font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5";
  const sizes = { 1: '24px', 2: '20px', 3: '17px' } as const;
  const body = blocks
    .map((b) => {
      if (b.type === 'heading') return `<h${b.level} style="font-size:${sizes[b.level]};margin:1.2em 0 .4em">${inlineHtml(b.content)}</h${b.level}>`;
      if (b.type === 'paragraph') return `<p style="margin:0 0 1em">${b.lines.map(inlineHtml).join('<br>\n')}</p>`;
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag} style="margin:0 0 1em;padding-left:1.5em">\n${b.items.map((it) => `<li>${inlineHtml(it)}</li>`).join('\n')}\n</${tag}>`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${language === 'nb' ? 'nb' : language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background:#ffffff">`,
    `<div style="max-width:640px;margin:0 auto;padding:24px;${font}">`,
    `<p style="margin:0 0 1em;color:#555555;font-size:14px">${escapeHtml(association)}</p>`,
    body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function inlinePdf(line: Inline): Content[] {
  return line.map((s) => ({
    text: s.text,
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
    ...(s.href ? { link: s.href, color: '#1c5fa8', decoration: 'underline' as const } : {}),
  }));
}

/** The newsletter as pdfmake content (the printable PDF, and the body of letters on paper). */
export function newsletterPdfContent(blocks: Block[]): Content[] {
  const sizes = { 1: 17, 2: 14, 3: 12 } as const;
  return blocks.map((b): Content => {
    if (b.type === 'heading') return { text: inlinePdf(b.content), bold: true, fontSize: sizes[b.level], margin: [0, 8, 0, 4], headlineLevel: b.level };
    if (b.type === 'paragraph') {
      const text: Content[] = [];
      b.lines.forEach((l, i) => text.push(...(i ? [{ text: '\n' }] : []), ...inlinePdf(l)));
      return { text, margin: [0, 0, 0, 8] };
    }
    const items = b.items.map((it) => ({ text: inlinePdf(it) }));
    return b.ordered ? { ol: items, margin: [0, 0, 0, 8] } : { ul: items, margin: [0, 0, 0, 8] };
  });
}
