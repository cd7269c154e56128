// Over 400 lines for now: the loader, the server action (create, delete, restore) and the client action that hands saves to the offline outbox live together; the client action is the seam to split next.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData, useOutlet, useRevalidator, type ClientActionFunctionArgs, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { z } from "zod";
import { listLocalizedFactors, requireFramework } from "#benchmark/index";
import { DataTable, type DataTableFilter } from "#app/components/data-table";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { describeAttribution } from "#app/models/attribution";
import { deleteEvidence, restoreEvidence } from "#app/models/evidence.server";
import { saveNewEvidence } from "#app/offline/save.server";
import { inFlight, isInOutbox, isUnreachable, notSentAnswer, noteUnreachable, removeFromOutbox } from "#app/offline/outbox";
import { OutboxStatus } from "#app/offline/outbox-status";
import { chooseInterviews, INTERVIEW_CHOICES, getLogFacets, listEvidenceLog, loadLogContext } from "#app/models/evidence-log.server";
import { databaseVersion } from "#app/utils/while-unchanged.server";
import { copyCanShow, EVIDENCE_LOG_TABLE, parseEvidenceView, viewOfCopy, type LogPage } from "#app/models/evidence-log-view";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, evidenceEditor, loaderPermission } from "#app/utils/permissions";
import { getI18n, pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { tableStateToSearchParams } from "#app/utils/table-state";
import { EVIDENCE_KINDS, PARTICIPANT_CATEGORIES, POLARITIES, type EvidenceKind, type Polarity } from "#db/enums";
import { COLUMNS, DEFAULT_COLUMNS, GROUP_OPTION_COLUMN } from "./columns";
import { useHydrated } from "#app/utils/hydrated";
import { CellLabelsContext, HydratedContext, RowActionsContext, RowsShownContext, useCellLabels, type RowActions } from "./labels";
import { LogForm } from "./log-form";
import { UndoNotice } from "./undo-notice";
import { copyShowsNext, useLogCopy, useLogViewState } from "./log-copy";
import { parseSubmission } from "#app/utils/forms";
import { invalid, readForm, refusedWithForm, unparsedSubmission } from "#app/utils/forms.server";
import { guardWrites } from "#app/utils/storage.server";
import { isSaveFailure } from "#app/utils/save-failures";
import type { RenderFromData } from "#app/utils/render-cache.server";

/** Parameters that keep the logging form's choices across a save when the browser runs no script. */
const MEMORY = {
  interview: "form-interview",
  factor: "form-factor",
  kind: "form-kind",
  polarity: "form-polarity",
  attribution: "form-attribution",
} as const;

/** The interview search of a long review (see chooseInterviews): its words, in the page's address. */
export const INTERVIEW_SEARCH = "interview-search";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.evidence"));
  const { review } = access;
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  const view = parseEvidenceView(url.searchParams);
  const actor = evidenceEditor(access);
  const { canWrite } = actor;
  // Read before the log: the browser's copy of the log is used only if it is at least this recent.
  const logVersion = await databaseVersion();
  const context = await loadLogContext({ reviewId: review.id });
  const [log, facets] = await Promise.all([listEvidenceLog({ reviewId: review.id, view, actor, context }), getLogFacets({ reviewId: review.id, context })]);
  const { t } = getI18n(locale);
  // A default attribution is a category code: each reader reads it in their own language.
  const rows = log.rows.map((row) => ({ ...row, attribution: describeAttribution(t, row) }));
  const search = url.searchParams;
  const kind = search.get(MEMORY.kind);
  const polarity = search.get(MEMORY.polarity);
  const interviewSearch = (search.get(INTERVIEW_SEARCH) ?? "").trim().slice(0, 200);
  const choice = chooseInterviews(facets.interviews, {
    keep: [search.get(MEMORY.interview) ?? "", ...(view.filters.interview ?? [])],
    query: interviewSearch,
  });
  return {
    reviewId: review.id,
    userId: access.user.id,
    frameworkId: review.frameworkId,
    tableConfig: EVIDENCE_LOG_TABLE,
    factors: listLocalizedFactors(framework, locale),
    log: { ...log, rows },
    logVersion,
    facets: { ...facets, interviews: choice.interviews },
    interviewChoice: { total: choice.total, listed: choice.interviews.length, recent: INTERVIEW_CHOICES, found: choice.found, search: interviewSearch },
    canWrite,
    canExportQda: hasPermission(access, "evidence-qda:read"),
    remembered: {
      interviewId: search.get(MEMORY.interview) ?? "",
      factorIds: search.getAll(MEMORY.factor),
      // With no interview chosen, a kind that needs none: the first Enter saves.
      kind: (EVIDENCE_KINDS as readonly string[]).includes(kind ?? "")
        ? (kind as EvidenceKind)
        : search.get(MEMORY.interview)
          ? "interview-quote"
          : "observation",
      polarity: (POLARITIES as readonly string[]).includes(polarity ?? "") ? (polarity as Polarity) : "supports",
      attribution: search.get(MEMORY.attribution),
    },
    notice: {
      saved: search.has("saved"),
      deleted: search.get("deleted"),
      restored: search.has("restored"),
    },
  };
}

const IntentSchema = z.enum(["create", "delete", "restore"]);
const ItemSchema = z.object({ evidenceId: z.string().trim().min(1).max(100) });

/**
 * What a fetcher gets back from a write that worked; a refusal is a FormResult. `queued`: the
 * server could not be reached, the item waits in this browser's outbox (app/offline/outbox.ts).
 */
export type Done = { ok: true; intent: "create" | "delete" | "restore"; id: string; queued?: boolean };
/** The server could not be reached and the item could not be kept in the outbox either: the form gives the text back. */
/** A delete or an undo that did not reach the server: nothing changed. */
export type NotDone = { ok: false; intent: "delete" | "restore"; errors: Record<string, string[]>; values: Record<string, never> };
export type NotSent = { ok: false; intent: "create"; notSent: true; errors: Record<string, string[]>; values: Record<string, never> };

/**
 * A new item is in the outbox before it is sent (the form put it there). When the server answers,
 * saved or refused, the outbox lets it go and the form shows the answer. When it cannot be reached
 * (no network, server down), the item stays in the outbox for the sync and the page stays: the
 * answer's 503 status also keeps Remix from reloading the page's data, which would fail offline.
 */
export async function clientAction({ request, serverAction }: ClientActionFunctionArgs) {
  const form = await request.clone().formData();
  const clientId = form.get("clientId");
  if (form.get("intent") !== "create" || typeof clientId !== "string" || !clientId) return changeOrSayNotDone(form, serverAction<typeof action>);
  inFlight.add(clientId);
  try {
    const answer = await serverAction<typeof action>();
    await removeFromOutbox(clientId).catch(() => null);
    return answer;
  } catch (error) {
    if (!isUnreachable(error)) {
      await removeFromOutbox(clientId).catch(() => null);
      throw error;
    }
    noteUnreachable();
    if (await isInOutbox(clientId)) return notSentAnswer<Done>({ ok: true, intent: "create", id: clientId, queued: true });
    return notSentAnswer<NotSent>({ ok: false, intent: "create", notSent: true, errors: { _form: ["evidence:offline.notSent"] }, values: {} });
  } finally {
    inFlight.delete(clientId);
  }
}

/**
 * A delete or an undo the server did not get (no network, server down): nothing changed, so the
 * row stays and the undo notice says so beside its button, rather than the page becoming an error.
 */
async function changeOrSayNotDone(form: FormData, send: () => Promise<unknown>) {
  try {
    return await send();
  } catch (error) {
    const intent = form.get("intent");
    if ((intent !== "delete" && intent !== "restore") || !isUnreachable(error)) throw error;
    noteUnreachable();
    return notSentAnswer<NotDone>({ ok: false, intent, errors: { _form: ["evidence:offline.notDone"] }, values: {} });
  }
}

/** Where a plain (script-less) form post lands: the same view of the log, with the form's choices kept. */
function backToLog(url: URL, extra: Record<string, string | string[]>) {
  const params = new URLSearchParams(url.searchParams);
  for (const key of [...Object.values(MEMORY), ...EVIDENCE_LOG_TABLE.transientKeys]) params.delete(key);
  for (const [key, value] of Object.entries(extra)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return `${url.pathname}?${params}`;
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, actionPermission("reviews.$reviewId.evidence"));
  const { review } = access;
  const form = await readForm(request);
  const url = new URL(request.url);
  const viaFetcher = form.get("via") === "fetcher";
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return invalid(unparsedSubmission(form), { formErrors: ["evidence:errors.unknownIntent"] });
  const actor = evidenceEditor(access);

  if (intent.data === "create") {
    const saved = await saveNewEvidence(access, form);
    if (!saved.ok) return data(saved.reply, { status: saved.status });
    const { input } = saved;
    if (viaFetcher) return data<Done>({ ok: true, intent: "create", id: saved.id });
    return redirect(
      backToLog(url, {
        [MEMORY.interview]: input.interviewId ?? "",
        [MEMORY.factor]: input.factorIds,
        [MEMORY.kind]: input.kind,
        [MEMORY.polarity]: input.polarity,
        [MEMORY.attribution]: input.attribution,
        saved: saved.id,
      }),
    );
  }

  const submission = parseSubmission(form, ItemSchema);
  if (submission.status !== "success") return invalid(submission, { formErrors: ["evidence:errors.notFound"] });
  const change = intent.data === "delete" ? deleteEvidence : restoreEvidence;
  const outcome = await change({ reviewId: review.id, evidenceId: submission.value.evidenceId, actor });
  // The undo notice shows the refusal beside its button: the row stays, the page stays.
  if (!outcome.ok) return refusedWithForm(submission, outcome.status, outcome.errors);
  if (viaFetcher) return data<Done>({ ok: true, intent: intent.data, id: outcome.id });
  return redirect(backToLog(url, intent.data === "delete" ? { deleted: outcome.id } : { restored: "1" }));
}

export default function EvidenceLog() {
  const hydrated = useHydrated();
  return (
    <HydratedContext.Provider value={hydrated}>
      <EvidenceLogPage />
    </HydratedContext.Provider>
  );
}

function EvidenceLogPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { reviewId, userId, frameworkId, factors, facets, canWrite, canExportQda, tableConfig, notice, logVersion } = loaderData;
  const revalidator = useRevalidator();
  const reload = revalidator.revalidate;
  const onSaved = useCallback(() => reload(), [reload]);
  const { t } = useFrameworkTranslation("evidence");
  const outlet = useOutlet();
  const [state, setState, search] = useLogViewState(tableConfig, reviewId);
  // With the script running, a view the copy of the whole log shows is worked out here, at once.
  const copy = useLogCopy(reviewId, logVersion, useHydrated());
  const fromCopy = useMemo(() => (copy && copyCanShow(state) ? viewOfCopy(copy, state, loaderData.log.pageSize) : null), [copy, state, loaderData.log]);
  const log: LogPage = fromCopy ?? loaderData.log;
  const labels = useCellLabels();
  const interviewLabel = labels.interviewLong;
  // One fetcher for every row's delete button (a fetcher per row would cost each row a subscription).
  const deleter = useFetcher<typeof action>({ key: "evidence-delete" });
  const submit = deleter.submit;
  const rowActions = useMemo<RowActions>(
    () => ({
      search,
      deleteUrl: `/reviews/${reviewId}/evidence${search}`,
      submitDelete: (form) => submit(new FormData(form), { method: "post", action: `/reviews/${reviewId}/evidence` }),
    }),
    [search, reviewId, submit],
  );

  const filters = useMemo<DataTableFilter[]>(
    () => [
      {
        id: "factor",
        label: t("columns.factors"),
        type: "select",
        options: [{ value: "", label: t("log.allFactors") }, ...factors.map((factor) => ({ value: factor.id, label: `${factor.number}. ${factor.title}` }))],
      },
      {
        id: "kind",
        label: t("columns.kind"),
        type: "select",
        options: [{ value: "", label: t("log.allKinds") }, ...EVIDENCE_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))],
      },
      {
        id: "polarity",
        label: t("columns.polarity"),
        type: "select",
        options: [{ value: "", label: t("log.allPolarities") }, ...POLARITIES.map((value) => ({ value, label: t(`polarities.${value}`) }))],
      },
      {
        id: "reviewer",
        label: t("columns.reviewer"),
        type: "select",
        options: [{ value: "", label: t("log.allReviewers") }, ...facets.reviewers.map((reviewer) => ({ value: reviewer.id, label: reviewer.name }))],
      },
      {
        id: "interview",
        label: t("columns.interview"),
        type: "select",
        options: [{ value: "", label: t("log.allInterviews") }, ...facets.interviews.map((option) => ({ value: option.id, label: interviewLabel(option) }))],
      },
      {
        id: "category",
        label: t("columns.category"),
        type: "select",
        options: [{ value: "", label: t("log.allCategories") }, ...PARTICIPANT_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))],
      },
      {
        id: "origin",
        label: t("columns.origin"),
        type: "select",
        options: [
          { value: "", label: t("log.allOrigins") },
          { value: "peer-team", label: t("origins.peer-team") },
          { value: "host-city", label: t("origins.host-city") },
        ],
      },
      { id: "from", label: t("log.from"), type: "date" },
      { id: "to", label: t("log.to"), type: "date" },
    ],
    [t, factors, facets, interviewLabel],
  );

  const csvHref = `/reviews/${reviewId}/evidence.csv?${tableStateToSearchParams(state, tableConfig)}`;
  const rowsShown = useMemo(() => log.rows.map((row) => row.id), [log.rows]);

  // The page around the table (heading, outbox, logging form, notices) does not depend on the
  // view: kept as the same elements, React skips them when only the view changes (decision 0037).
  const warm = useMemo(() => [`/benchmark/${frameworkId}`, `/reviews/${reviewId}/interviews`, `/reviews/${reviewId}/evidence`], [frameworkId, reviewId]);
  const aroundTable = useMemo(
    () => (
      <>
        <h1>{t("log.title")}</h1>
        <p className="muted">{t("log.intro")}</p>
        {canWrite ? <OutboxStatus userId={userId} onSaved={onSaved} warm={warm} /> : null}
        {outlet ?? (canWrite ? <LogForm /> : null)}
        {notice.saved && !outlet ? (
          <p className="notice ok" role="status">
            {t("form.saved")}
          </p>
        ) : null}
        <UndoNotice />
      </>
    ),
    [t, canWrite, userId, onSaved, warm, outlet, notice.saved],
  );

  return (
    <CellLabelsContext.Provider value={labels}>
      <RowActionsContext.Provider value={rowActions}>
        <RowsShownContext.Provider value={rowsShown}>
          {aroundTable}
          <div className="actions no-print">
            <a href={csvHref} download className="button secondary">
              {t("log.export")}
            </a>
            <a href={csvHref.replace("/evidence.csv?", "/evidence.xlsx?")} download className="button secondary">
              {t("log.exportXlsx")}
            </a>
            <span className="muted">{t("log.exportHint")}</span>
            {canExportQda ? (
              <>
                <a href={`/reviews/${reviewId}/evidence.qdpx`} download className="button secondary">
                  {t("log.exportQdpx")}
                </a>
                <span className="muted">{t("log.exportQdpxHint")}</span>
              </>
            ) : null}
          </div>
          <DataTable
            id="evidence-log"
            source={fromCopy ? "browser" : "server"}
            caption={
              state.group ? (
                <>
                  {t("log.caption")} <span className="muted">— {t("log.items", { count: log.itemCount })}</span>
                </>
              ) : (
                t("log.caption")
              )
            }
            columns={COLUMNS}
            data={log.rows}
            getRowId={(row) => row.key}
            config={tableConfig}
            state={{ ...state, page: log.page }}
            onStateChange={setState}
            mode="server"
            rowCount={log.rowCount}
            pageSize={log.pageSize}
            filters={filters}
            defaultColumns={DEFAULT_COLUMNS}
            groupOptions={[{ value: "factor", label: t("log.groupFactor"), columnId: GROUP_OPTION_COLUMN }]}
            renderGroupHeader={({ value }) => {
              const factor = factors.find((candidate) => candidate.id === value);
              const label = factor ? t("factorLabel", { number: factor.number, title: factor.title }) : t("log.noFactorGroup");
              return t("log.groupHeader", { label, count: log.groupCounts[String(value ?? "")] ?? 0 });
            }}
            searchLabel={t("log.search")}
            emptyMessage={log.itemCount || Object.keys(state.filters).length || state.q ? t("log.empty") : t("log.emptyLog")}
            rowClassName={(row) => (row.source === "document" ? "row-document" : undefined)}
          />
        </RowsShownContext.Provider>
      </RowActionsContext.Provider>
    </CellLabelsContext.Provider>
  );
}

/** The log renders from its data alone: no clock, no random value (app/utils/render-cache.server.ts). */
export const handle: RenderFromData = { renderFromData: true };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.evidence"));

/** Choosing columns changes nothing the server sends, so it does not refetch the page. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, actionResult, defaultShouldRevalidate }) => {
  // A quote kept in the outbox changed nothing on the server, and reloading would fail the same way.
  if (isSaveFailure(actionResult)) return false;
  if (formMethod && formMethod.toUpperCase() !== "GET") return defaultShouldRevalidate;
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  // Another view the browser's copy of the log shows: nothing to ask the server.
  if (!formMethod && copyShowsNext(currentUrl.pathname.split("/")[2], currentUrl, nextUrl)) return false;
  // The same address: an explicit reload of the data (the outbox has just sent waiting items).
  if (currentUrl.href === nextUrl.href) return true;
  const before = new URLSearchParams(currentUrl.search);
  const after = new URLSearchParams(nextUrl.search);
  before.delete("cols");
  after.delete("cols");
  before.sort();
  after.sort();
  return before.toString() === after.toString() ? false : defaultShouldRevalidate;
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
