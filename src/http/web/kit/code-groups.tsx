/**
 * A code written in hyphenated groups ("K6NG-4EXH-ZW4G-S7P6", "2026-000123"), which a narrow
 * screen may wrap only between groups: each group (with its hyphen) never breaks, so a reporter
 * copying it by hand never reads half a group on each line. Copied, it is the same text.
 */
export function CodeGroups({ code }: { code: string }) {
  const groups = code.split('-');
  return (
    <>
      {groups.map((group, index) => (
        <>
          <span class="code-group">{index < groups.length - 1 ? `${group}-` : group}</span>
          {index < groups.length - 1 && <wbr />}
        </>
      ))}
    </>
  );
}
