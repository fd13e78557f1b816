/**
 * A page area's messages: Indonesian first, English with exactly the same keys (the type
 * refuses a missing or extra English text). `{name}` in a text is filled in by `t`.
 */
export function defineMessages<const Keys extends string>(messages: { id: Record<Keys, string>; en: Record<Keys, string> }): { id: Record<Keys, string>; en: Record<Keys, string> } {
  return messages;
}
