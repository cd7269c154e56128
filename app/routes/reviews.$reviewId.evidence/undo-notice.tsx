import { useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { FormError } from "#app/components/field";
import { readOutcome, useHydrated } from "./labels";
import type { action, loader } from "./route";

export function UndoNotice() {
  const { notice } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("evidence");
  const deleter = useFetcher<typeof action>({ key: "evidence-delete" });
  const restorer = useFetcher<typeof action>({ key: "evidence-restore" });
  const deleted = readOutcome(deleter.data);
  const restoredNow = readOutcome(restorer.data);
  const hydrated = useHydrated();
  const [deletedId, setDeletedId] = useState<string | null>(notice.deleted);
  const [restored, setRestored] = useState(notice.restored);
  const undoRef = useRef<HTMLButtonElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const outcome = readOutcome(deleter.data);
    if (deleter.state === "idle" && outcome?.ok) {
      setDeletedId(outcome.id);
      setRestored(false);
    }
  }, [deleter.state, deleter.data]);
  useEffect(() => {
    if (restorer.state === "idle" && readOutcome(restorer.data)?.ok) {
      setDeletedId(null);
      setRestored(true);
    }
  }, [restorer.state, restorer.data]);
  // The row and its button are gone: the undo button takes the focus so the keyboard is not lost.
  useEffect(() => {
    if (deletedId && hydrated && readOutcome(deleter.data)?.ok) undoRef.current?.focus();
  }, [deletedId, hydrated, deleter.data]);
  // Undo answered: its button is gone, so the answer ("put back", or why not) takes the focus; the
  // keyboard goes on from there rather than from the top of the page.
  const focusAnswer = useRef(false);
  useEffect(() => {
    if (hydrated && restorer.state === "idle" && restorer.data) focusAnswer.current = true;
  }, [hydrated, restorer.state, restorer.data]);
  // The "put back" notice is drawn one render after the answer arrives.
  useEffect(() => {
    if (!focusAnswer.current || !answerRef.current) return;
    focusAnswer.current = false;
    answerRef.current.focus();
  });
  const failed = (deleted && !deleted.ok ? deleted : null) ?? (restoredNow && !restoredNow.ok ? restoredNow : null);
  if (failed) {
    return (
      <div ref={answerRef} tabIndex={-1} className="undo-answer">
        <FormError message={failed.errors._form?.[0] ?? "errors.title"} />
      </div>
    );
  }
  if (deletedId) {
    return (
      <div className="notice ok" role="status">
        {t("log.deleted")}{" "}
        <restorer.Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="evidenceId" value={deletedId} />
          <input type="hidden" name="via" value={hydrated ? "fetcher" : "form"} />
          <button type="submit" ref={undoRef} className="secondary">
            {t("log.undo")}
          </button>
        </restorer.Form>
      </div>
    );
  }
  if (restored) {
    return (
      <div ref={answerRef} tabIndex={-1} className="notice ok undo-answer" role="status">
        {t("log.restored")}
      </div>
    );
  }
  return null;
}
