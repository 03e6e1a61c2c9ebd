/**
 * Long work on the pane's thread in slices (issue 17, item 11): Office restarts an add-in that stays
 * unresponsive for 5 seconds, "when they do not regularly yield processing while performing long-running
 * tasks" (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The returned function resolves at once until `sliceMs` milliseconds have passed since the last yield,
 * then after one turn of the event loop (setTimeout 0), when the pane handles input and paints. Queued
 * Office.js actions wait in their request context meanwhile; nothing is sent by yielding.
 */
export function paneSlices(sliceMs = 50): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}
