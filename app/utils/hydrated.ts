import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while the browser hydrates the server's HTML, true after: the one
 * way a component asks "does the page's script run?" (autosave, a print button, rows added by
 * a button). Both renders agree on false, so hydration never mismatches.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
