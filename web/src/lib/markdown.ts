import { marked } from 'marked';
import DOMPurify from 'dompurify';

/** Markdown from a radar file, rendered and sanitised: no scripts, no event handlers, no foreign markup. */
export function markdownToSafeHtml(md: string): string {
  const html = marked.parse(md, { async: false, gfm: true }) as string;
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'], FORBID_ATTR: ['style'] });
}
