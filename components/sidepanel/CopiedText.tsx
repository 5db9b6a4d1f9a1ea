/**
 * What a "copy" button copied: whether the clipboard took it, and the text itself (selectable, for when it did not),
 * in a scrolling box reachable by keyboard.
 */
export function CopiedText({ ok, said, text, testId }: { ok: boolean; said: string; text: string; testId: string }) {
  return (
    <>
      <p class={ok ? "note" : "error"} role="status">
        {said}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard (WCAG 2.1.1). */}
      <pre data-testid={testId} tabIndex={0}>
        {text}
      </pre>
    </>
  );
}
