import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { INTERVIEW_SEARCH, type loader } from "./route";

const FORM_ID = "log-interview-search-form";

/**
 * A long review lists only some of its interviews (chooseInterviews): these fields, under the
 * form's interview choice, find the others by place, organisation or role. They belong to
 * InterviewSearchForm (the `form` attribute), a GET form outside the logging form, so they work
 * without JavaScript and never send what is being logged.
 */
export function InterviewSearchFields() {
  const { interviewChoice } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("evidence");
  if (interviewChoice.total <= interviewChoice.listed && !interviewChoice.search) return null;
  return (
    <div className="field interview-search">
      <p className="hint" id="log-interview-listed">
        {t("form.interviewsListed", { count: interviewChoice.listed, total: interviewChoice.total, recent: interviewChoice.recent })}
      </p>
      <label htmlFor="log-interview-search">{t("form.findInterview")}</label>
      <div className="interview-search__row">
        <input
          id="log-interview-search"
          type="search"
          name={INTERVIEW_SEARCH}
          form={FORM_ID}
          defaultValue={interviewChoice.search}
          aria-describedby="log-interview-listed"
        />
        <button type="submit" form={FORM_ID} className="secondary">
          {t("form.findInterviewButton")}
        </button>
      </div>
      {interviewChoice.found !== null ? (
        <p className="muted" role="status">
          {t("form.interviewsFound", { count: interviewChoice.found })}
        </p>
      ) : null}
    </div>
  );
}

/** The GET form the search fields submit: the same view of the log, with the search's words. */
export function InterviewSearchForm() {
  const { interviewChoice, tableConfig } = useLoaderData<typeof loader>();
  const location = useLocation();
  if (interviewChoice.total <= interviewChoice.listed && !interviewChoice.search) return null;
  const skipped = new Set<string>([INTERVIEW_SEARCH, ...tableConfig.transientKeys]);
  const kept = [...new URLSearchParams(location.search)].filter(([name]) => !skipped.has(name));
  return (
    <Form method="get" id={FORM_ID} replace preventScrollReset>
      {kept.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
    </Form>
  );
}
