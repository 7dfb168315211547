import { escapeHtml as e } from './escape.js';

/**
 * A report as a list of sections: each becomes a heading with an anchor, its body, and an entry
 * (with its sub-sections) in the table of contents, so the contents can never name a section
 * that is not there.
 */
export interface HtmlSection {
  /** The anchor (unique in the document: letters, digits and dashes). */
  readonly id: string;
  readonly title: string;
  /** The section's body; sub-section headings come from `subsections`. */
  readonly html: string;
  readonly subsections?: readonly HtmlSection[];
  /** Printed from the top of a new page. */
  readonly newPage?: boolean;
  /** Short: printed whole on one page when it fits. */
  readonly keep?: boolean;
}

/** Heading level of the document's top sections, and the prefix of every anchor. */
export interface SectionContext {
  readonly level: number;
  readonly prefix: string;
}

function heading(level: number, id: string, title: string): string {
  const h = `h${Math.min(level, 6)}`;
  return `<${h} id="${e(id)}">${e(title)}</${h}>`;
}

/** The sections as HTML: `<section>`s with their headings, sub-sections one level down. */
export function sectionsHtml(sections: readonly HtmlSection[], level: number): string {
  return sections
    .map(
      (s) =>
        `<section class="level${level}${s.newPage === true ? ' new-page' : ''}${s.keep === true ? ' keep' : ''}">\n${heading(level, s.id, s.title)}\n${s.html}${
          s.subsections === undefined || s.subsections.length === 0
            ? ''
            : `\n${sectionsHtml(s.subsections, level + 1)}`
        }\n</section>`,
    )
    .join('\n');
}

/** Nested ordered lists of links to the sections, `depth` levels deep. */
export function tocHtml(sections: readonly HtmlSection[], depth: number): string {
  const list = (items: readonly HtmlSection[], left: number): string =>
    `<ol>${items
      .map(
        (s) =>
          `<li><a href="#${e(s.id)}">${e(s.title)}</a>${
            left > 1 && s.subsections !== undefined && s.subsections.length > 0
              ? list(s.subsections, left - 1)
              : ''
          }</li>`,
      )
      .join('')}</ol>`;
  return `<nav class="toc" aria-label="Contents"><h2 id="contents">Contents</h2>${list(sections, depth)}</nav>`;
}

/** Numbers the sections' titles: "3 Game description", "3.2 Paylines", … */
export function numbered(sections: readonly HtmlSection[], prefix = ''): HtmlSection[] {
  return sections.map((s, i) => {
    const n = `${prefix}${i + 1}`;
    return {
      ...s,
      title: `${n} ${s.title}`,
      ...(s.subsections === undefined ? {} : { subsections: numbered(s.subsections, `${n}.`) }),
    };
  });
}
