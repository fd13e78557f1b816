/**
 * The start of a text, cut at a word and marked with an ellipsis, for a list that links to the
 * whole. Line breaks become spaces: an excerpt is one paragraph.
 */
export function excerpt(text: string, maxLength: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  // A word longer than a third of the excerpt is cut where it stands.
  const end = lastSpace > maxLength * 0.66 ? lastSpace : maxLength;
  return `${cut.slice(0, end).replace(/[\s.,;:!?-]+$/, '')}…`;
}
