/**
 * Approximate advance widths (in em) for DejaVu Sans / common sans fonts, so labels can be laid out
 * without a browser. Slightly generous so estimated boxes contain the real text.
 */
const NARROW = new Set([...'iljtfrI.,:;!|\'" ()[]']);
const WIDE = new Set([...'mwMW@%']);

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.9;
    else if (ch >= 'A' && ch <= 'Z') em += 0.7;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else em += 0.6;
  }
  return em * fontSize;
}

export function escapeXml(s: string): string {
  // Control characters (and lone surrogates) cannot appear in XML at all, escaped or not: they become U+FFFD.
  return (
    s
      // eslint-disable-next-line no-control-regex -- matching control characters is the point: XML 1.0 forbids them
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
  );
}
