import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** Warns before leaving with text that has not reached the server (closing the tab or following a link). */
export function useUnsavedWarning(dirty: boolean) {
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty) return;
        event.preventDefault();
        event.returnValue = "";
      },
      [dirty],
    ),
  );
  return useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
}

export function LeaveDialog({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const { t } = useTranslation("selfAssessment");
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === "blocked") stay.current?.focus();
  }, [blocker.state]);
  if (blocker.state !== "blocked") return null;
  return (
    <div className="sa-leave-dialog" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-text">
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
