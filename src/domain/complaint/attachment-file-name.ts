/**
 * The name an attachment keeps: the one the person gave, without any path, within a sane
 * length, and without characters that make it read as something else. A bidirectional
 * control turns `a\u202etxt.exe` into what a clerk reads as `aexe.txt`; other control and
 * format characters only ever serve to confuse logs, terminals and the people reading them.
 */
export function attachmentFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // Control characters (C0, DEL, C1), bidirectional marks, embeddings, overrides and
    // isolates, invisible separators, and halves of broken surrogate pairs.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .trim();
  // Cut on a whole character, never between the halves of a surrogate pair.
  const short = Array.from(cleaned).slice(0, 200).join('').trim();
  return short === '' || short === '.' || short === '..' ? 'lampiran' : short;
}
