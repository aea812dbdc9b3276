import { SaxesParser } from 'saxes';
import { fileError } from './errors';

/** An element of a small XML tree: local name (namespace prefix dropped), text, children, line. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
  line: number;
}

/** Bank files are small; a document nested deeper or with more elements than this is not one. */
const MAX_DEPTH = 40;
const MAX_ELEMENTS = 2_000_000;

/**
 * Parses XML into a tree with saxes, a strict non-validating parser that never fetches
 * anything: it reads no DTD, expands only the five predefined entities and refuses any other.
 * A DOCTYPE is refused outright (ISO 20022 messages have none; it is how entity attacks
 * start). Malformed XML stops at its line with `file-xml`.
 */
export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let elements = 0;
  parser.on('doctype', () => {
    throw fileError('file-xml', parser.line);
  });
  parser.on('opentag', (tag) => {
    if (++elements > MAX_ELEMENTS || stack.length >= MAX_DEPTH) throw fileError('file-xml', parser.line);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k.replace(/^.*:/, '')] = typeof v === 'string' ? v : v.value;
    const node: XmlNode = { name: tag.name.replace(/^.*:/, ''), attrs, text: '', children: [], line: parser.line };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('cdata', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof Error && e.name === 'KansliError') throw e;
    throw fileError('file-xml', parser.line || 1);
  }
  if (!root) throw fileError('file-xml', 1);
  return root;
}

/** The first child path `a/b/c` below `node`, or undefined. */
export function child(node: XmlNode | undefined, path: string): XmlNode | undefined {
  let n = node;
  for (const part of path.split('/')) {
    n = n?.children.find((c) => c.name === part);
    if (!n) return undefined;
  }
  return n;
}

/** Every node at path `a/b/c` below `node` (all branches). */
export function children(node: XmlNode | undefined, path: string): XmlNode[] {
  let level: XmlNode[] = node ? [node] : [];
  for (const part of path.split('/')) level = level.flatMap((n) => n.children.filter((c) => c.name === part));
  return level;
}

export const textAt = (node: XmlNode | undefined, path: string): string | null => {
  const t = child(node, path)?.text.trim();
  return t ? t : null;
};
