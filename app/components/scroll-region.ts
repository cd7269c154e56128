/**
 * The props of a box that scrolls a wide table sideways on a narrow screen: a named region a
 * keyboard can reach (Tab, then the arrow keys scroll it), as WCAG 2.1.1 asks of scrollable
 * content (axe `scrollable-region-focusable`). `label` names the table it holds.
 */
export function scrollRegion(label: string) {
  return { className: "table-scroll", role: "region", "aria-label": label, tabIndex: 0 } as const;
}
