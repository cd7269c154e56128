import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { SelectField, TextField } from "#app/components/field";
import { describeAuditSubjects, listAudit, listAuditFacets } from "#app/models/audit.server";
import { getLocale } from "#app/utils/locale.server";
import { listMembers } from "#app/models/review-members.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import { useDates } from "#app/utils/use-dates";
import { optionalDateSchema } from "#app/utils/validation";
import { pageTitle } from "#app/utils/i18n";
import { scrollRegion } from "#app/components/scroll-region";

const FilterSchema = z.object({
  userId: z.string().max(100).optional().catch(undefined),
  entity: z.string().max(100).optional().catch(undefined),
  action: z.string().max(100).optional().catch(undefined),
  from: optionalDateSchema.catch(null),
  to: optionalDateSchema.catch(null),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.audit"));
  // Unreadable filters are dropped rather than refused: this is a read-only view.
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [entries, facets, members] = await Promise.all([
    listAudit({
      reviewId: review.id,
      userId: filter.userId || undefined,
      entity: filter.entity || undefined,
      action: filter.action || undefined,
      from: filter.from ?? undefined,
      to: filter.to ?? undefined,
      timeZone: review.timeZone,
    }),
    listAuditFacets({ reviewId: review.id }),
    listMembers({ reviewId: review.id }),
  ]);
  // People and things by name and title, not by id.
  const subjects = await describeAuditSubjects({ review, entries, locale: await getLocale(request) });
  return {
    entries: entries.map((entry) => ({
      ...entry,
      subject: subjects[entry.id] ?? entry.entityId,
      before: entry.before === null ? null : JSON.stringify(entry.before, null, 1),
      after: entry.after === null ? null : JSON.stringify(entry.after, null, 1),
    })),
    facets,
    people: members.map((member) => ({ id: member.userId, name: member.name })),
  };
}

export default function Audit() {
  const { entries, facets, people } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("reviews");
  const dates = useDates();
  const any = { value: "", label: t("audit.any") };
  // Codes stay in the URL and the data; people read words (an unknown code shows as it is).
  const entityLabel = (entity: string) => t(`audit.entities.${entity}`, { defaultValue: entity });
  const actionLabel = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <Form method="get" className="table-tools no-print">
        <SelectField
          label={t("audit.filterUser")}
          name="userId"
          defaultValue={searchParams.get("userId") ?? ""}
          options={[any, ...people.map((person) => ({ value: person.id, label: person.name }))]}
        />
        <SelectField
          label={t("audit.filterEntity")}
          name="entity"
          defaultValue={searchParams.get("entity") ?? ""}
          options={[any, ...facets.entities.map((entity) => ({ value: entity, label: entityLabel(entity) }))]}
        />
        <SelectField
          label={t("audit.filterAction")}
          name="action"
          defaultValue={searchParams.get("action") ?? ""}
          options={[any, ...facets.actions.map((action) => ({ value: action, label: actionLabel(action) }))]}
        />
        <TextField label={t("audit.from")} name="from" type="date" defaultValue={searchParams.get("from") ?? ""} />
        <TextField label={t("audit.to")} name="to" type="date" defaultValue={searchParams.get("to") ?? ""} />
        <div className="field">
          <button type="submit">{t("common:actions.filter")}</button>
        </div>
      </Form>
      {entries.length ? (
        <div {...scrollRegion(t("audit.title"))}>
          <table>
            <caption className="visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={new Date(entry.at).toISOString()}>{dates.dateTime(entry.at, { seconds: true })}</time>
                  </td>
                  <td>{entry.userName ?? "—"}</td>
                  <td>{actionLabel(entry.action)}</td>
                  <td>
                    {entityLabel(entry.entity)} — <span data-audit-subject>{entry.subject}</span>
                  </td>
                  <td>
                    {entry.before || entry.after ? (
                      <details>
                        <summary>{t("audit.change")}</summary>
                        {entry.before ? (
                          <>
                            <strong>{t("audit.before")}</strong>
                            <pre className="audit-json">{entry.before}</pre>
                          </>
                        ) : null}
                        {entry.after ? (
                          <>
                            <strong>{t("audit.after")}</strong>
                            <pre className="audit-json">{entry.after}</pre>
                          </>
                        ) : null}
                      </details>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("audit.none")}</p>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.audit"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
