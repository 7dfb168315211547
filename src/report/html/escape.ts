/** Drops the characters XML 1.0 cannot hold: C0 controls other than tab, line feed and return, U+FFFE, U+FFFF. */
export function dropInvalidXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

/** Text and attribute values for HTML: the five special characters escaped, control characters dropped. */
export function escapeHtml(text: string): string {
  return dropInvalidXml(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
