import { useId, type ReactNode } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { useDates } from "#app/utils/use-dates";

export function useFormatDateTime() {
  const dates = useDates();
  return (value: Date | string) => dates.dateTime(value);
}

export type SaveState = "idle" | "saved" | "unsaved" | "saving" | "failed";

export function SaveStatus({ state, id }: { state: SaveState; id: string }) {
  const { t } = useFrameworkTranslation("selfAssessment");
  const label = {
    idle: "",
    saved: t("common:status.saved"),
    unsaved: t("common:status.unsaved"),
    saving: t("common:status.saving"),
    failed: t("factor.notSaved"),
  }[state];
  return (
    <p id={id} className={`sa-save-status ${state}`} role="status">
      {label}
    </p>
  );
}

export type Their = { text: string; version: number; updatedAt: Date | string; updatedByName: string | null };

export function ConflictPanel({
  theirs,
  forceName,
  takeName,
  onKeepMine,
  onTakeTheirs,
  children,
}: {
  theirs: { version: number; updatedAt: Date | string; updatedByName: string | null };
  forceName: string;
  takeName: string;
  onKeepMine?: () => void;
  onTakeTheirs?: () => void;
  children: ReactNode;
}) {
  const { t } = useFrameworkTranslation("selfAssessment");
  const formatDateTime = useFormatDateTime();
  const titleId = useId();
  return (
    <div className="sa-conflict" role="alert" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>{t("conflict.title")}</strong>{" "}
        {t("conflict.explain", { name: theirs.updatedByName ?? t("conflict.someone"), when: formatDateTime(theirs.updatedAt) })}
      </p>
      <div className="sa-conflict__versions">
        <div>
          <h4>{t("conflict.theirs", { version: theirs.version })}</h4>
          <div className="sa-their-text">{children}</div>
        </div>
        <div>
          <h4>{t("conflict.yours")}</h4>
          <p>{t("conflict.yoursInBox")}</p>
        </div>
      </div>
      <div className="sa-conflict__actions">
        <button
          type="submit"
          name={forceName}
          value={theirs.version}
          onClick={
            onKeepMine
              ? (event) => {
                  event.preventDefault();
                  onKeepMine();
                }
              : undefined
          }
        >
          {t("conflict.keepMine")}
        </button>
        <button
          type="submit"
          name={takeName}
          value={theirs.version}
          className="secondary"
          onClick={
            onTakeTheirs
              ? (event) => {
                  event.preventDefault();
                  onTakeTheirs();
                }
              : undefined
          }
        >
          {t("conflict.takeTheirs")}
        </button>
      </div>
    </div>
  );
}
