/**
 * A text staff typed, as paragraphs: a blank line starts a new one, a single line break stays a
 * line break. Preact escapes the text; nothing in it becomes markup.
 */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
  return (
    <>
      {paragraphs.map((paragraph) => {
        const lines = paragraph.split(/\r?\n/);
        return <p>{lines.map((line, index) => (index === 0 ? line : <><br />{line}</>))}</p>;
      })}
    </>
  );
}
