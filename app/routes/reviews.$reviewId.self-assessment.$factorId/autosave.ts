import { useFetcher, type useActionData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { DRAFT_FIELD } from "#app/utils/drafts";
import { isFormResult } from "#app/utils/forms";
import { isSaveFailure, useRetryHandler, type SaveFailure } from "#app/utils/save-failures";
import type { action } from "./route";

export type ActionData = ReturnType<typeof useActionData<typeof action>>;
/** The action's answer, or the shared clientAction's "not saved yet" (no network, session ended, server fault). */
export type FetcherResult = NonNullable<ActionData> | SaveFailure;

// Saving while typing: wait for a pause this long (milliseconds) before sending.
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Sends one item's save in the background, one request at a time: a change made while a save
 * is on its way is sent when the answer comes back, with the version that answer returned, so a
 * user never conflicts with their own earlier save. A save that did not reach the server stays
 * on the page and is sent again when the shared notice asks (back online, signed in again).
 * `draftKey` names the item's local draft, which the shared clientAction removes once saved.
 */
export function useAutosave(
  draftKey: string | null,
  payload: () => Record<string, string>,
  onResult: (result: FetcherResult) => void,
  onBusy: (busy: boolean) => void,
) {
  const fetcher = useFetcher<FetcherResult>();
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef(false);
  const again = useRef(false);
  const payloadRef = useRef(payload);
  const onResultRef = useRef(onResult);
  const onBusyRef = useRef(onBusy);
  payloadRef.current = payload;
  onResultRef.current = onResult;
  onBusyRef.current = onBusy;
  const { submit } = fetcher;

  const saveNow = useCallback(
    (extra: Record<string, string> = {}) => {
      window.clearTimeout(timer.current);
      if (pending.current) {
        again.current = true;
        return;
      }
      pending.current = true;
      onBusyRef.current(true);
      submit({ ...payloadRef.current(), ...(draftKey ? { [DRAFT_FIELD]: draftKey } : {}), ...extra }, { method: "post" });
    },
    [submit, draftKey],
  );
  useRetryHandler(draftKey, () => saveNow());
  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);
  const cancel = useCallback(() => window.clearTimeout(timer.current), []);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (fetcher.state !== "idle" || fetcher.data === undefined || !pending.current) return;
    pending.current = false;
    onResultRef.current(fetcher.data);
    if (again.current && !isFormResult(fetcher.data) && !isSaveFailure(fetcher.data)) {
      again.current = false;
      saveNow();
      return;
    }
    again.current = false;
    onBusyRef.current(false);
  }, [fetcher.state, fetcher.data, saveNow]);

  return { saveNow, schedule, cancel, saving: fetcher.state !== "idle" };
}

/** Which items of the page are in some state (unsaved, saving), as each reports it. */
export function useItemSet() {
  const [items, setItems] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback((id: string, on: boolean) => {
    setItems((current) => {
      if (current.has(id) === on) return current;
      const updated = new Set(current);
      if (on) updated.add(id);
      else updated.delete(id);
      return updated;
    });
  }, []);
  return [items, report] as const;
}
