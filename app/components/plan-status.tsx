import { useTranslation } from "react-i18next";
import type { PlanStatus } from "#db/enums";

/** Where a plan action stands, as a pill (the plan's table and the action's page alike). */
export function PlanStatusPill({ status }: { status: PlanStatus }) {
  const { t } = useTranslation("plan");
  return <span className={`pill plan-status-${status}`}>{t(`statuses.${status}`)}</span>;
}

/** An overdue action says so in words (and an icon), not by colour alone; nothing when it is not. */
export function OverdueMark({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation("plan");
  if (!overdue) return null;
  return (
    <>
      {" "}
      <strong className="pill overdue">
        <span aria-hidden="true">⚠ </span>
        {t("overdue")}
      </strong>
    </>
  );
}
