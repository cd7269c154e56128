import { useBeforeUnload, useBlocker, type Location } from "@remix-run/react";
import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { hasUnsavedText, subscribeUnsaved, type FormDraft } from "#app/utils/drafts";

/**
 * The app's one leave guard (a router supports one blocker at a time): any part of the page that
 * holds text the server does not have says so with `useUnsavedText` or `useFormDraft`; following
 * a link to another page then asks first, and closing the tab gets the browser's own question.
 * When the last text reaches the server while the question is open, the navigation goes on.
 */
export function LeaveGuard() {
  const dirty = useSyncExternalStore(subscribeUnsaved, hasUnsavedText, () => false);
  useBeforeUnload(
    useCallback((event: BeforeUnloadEvent) => {
      if (!hasUnsavedText()) return;
      event.preventDefault();
      event.returnValue = "";
    }, []),
  );
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: Location; nextLocation: Location }) =>
        hasUnsavedText() && currentLocation.pathname !== nextLocation.pathname,
      [],
    ),
  );
  useEffect(() => {
    if (blocker.state === "blocked" && !dirty) blocker.proceed();
  }, [blocker, dirty]);
  return <LeaveDialog blocker={blocker} />;
}

export function LeaveDialog({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const { t } = useTranslation("drafts");
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === "blocked") stay.current?.focus();
  }, [blocker.state]);
  if (blocker.state !== "blocked") return null;
  return (
    <div className="leave-dialog" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-text">
      <h2 id="leave-title">{t("leave.title")}</h2>
      <p id="leave-text">{t("leave.text")}</p>
      <div className="actions">
        <button type="button" ref={stay} onClick={() => blocker.reset()}>
          {t("leave.stay")}
        </button>
        <button type="button" className="secondary" onClick={() => blocker.proceed()}>
          {t("leave.leave")}
        </button>
      </div>
    </div>
  );
}

/** "Your unsaved text from last time was put back", with a way to throw it away, above a form. */
export function DraftRestored({ draft }: { draft: Pick<FormDraft, "restored" | "discard"> }) {
  const { t } = useTranslation("drafts");
  if (draft.restored === null) return null;
  return (
    <p className="notice warn draft-restored" role="status">
      {t("restored.text")}{" "}
      <button type="button" className="button-link" onClick={draft.discard}>
        {t("restored.discard")}
      </button>
    </p>
  );
}
