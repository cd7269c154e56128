import { getFormProps } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ChoiceGroup, FormError } from "#app/components/field";
import { readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { msg } from "#app/utils/validation";

/* The Team page's "who covers which key factor": the peer team reads it, the lead shares the factors out. */

export const AssignFactorsSchema = z.object({
  intent: z.literal("assign-factors"),
  userId: z
    .string({ error: msg("agenda:errors.unknownReviewer") })
    .trim()
    .min(1, msg("agenda:errors.unknownReviewer"))
    .max(100),
  factorIds: z
    .array(z.string().trim().max(50))
    .max(50)
    .optional()
    .transform((ids) => [...new Set(ids ?? [])]),
});

type Team = {
  assignments: { factorId: string; userId: string }[];
  reviewers: { id: string; name: string }[];
  factors: { id: string; number: number; title: string }[];
};

export function FactorAssignments({
  team,
  canManage,
  result,
  savedFor,
}: {
  team: Team;
  canManage: boolean;
  result: FormResult | null;
  /** The reviewer whose factors were just saved. */
  savedFor: string | null;
}) {
  const { t } = useFrameworkTranslation("agenda");
  const failure = result ? readResult(result) : null;
  const label = (factor: Team["factors"][number]) => t("factorLabel", { number: factor.number, title: factor.title });
  const uncovered = team.factors.filter((factor) => !team.assignments.some((assignment) => assignment.factorId === factor.id));
  return (
    <section aria-labelledby="factor-assignments-title" id="factor-assignments">
      <h2 id="factor-assignments-title">{t("assignments.title")}</h2>
      <p className="muted">{t(canManage ? "assignments.introLead" : "assignments.intro")}</p>
      {team.reviewers.map((reviewer) => {
        const mine = team.factors.filter((factor) =>
          team.assignments.some((assignment) => assignment.userId === reviewer.id && assignment.factorId === factor.id),
        );
        const refused = failure && failure.values.userId === reviewer.id ? { result, failure } : null;
        return (
          <div key={reviewer.id} className="card factor-assignment" data-reviewer={reviewer.name}>
            <h3>{reviewer.name}</h3>
            <p>{mine.length ? mine.map(label).join(" · ") : <span className="muted">{t("assignments.none")}</span>}</p>
            {savedFor === reviewer.id ? (
              <p className="notice ok" role="status">
                {t("assignments.saved", { name: reviewer.name })}
              </p>
            ) : null}
            {canManage ? (
              <details open={Boolean(refused)}>
                <summary>{t("assignments.change", { name: reviewer.name })}</summary>
                <AssignForm
                  reviewerId={reviewer.id}
                  factors={team.factors.map((factor) => ({ value: factor.id, label: label(factor) }))}
                  chosen={refused ? [refused.failure.values.factorIds ?? []].flat() : mine.map((factor) => factor.id)}
                  result={refused?.result ?? null}
                  legend={t("assignments.legend", { name: reviewer.name })}
                />
              </details>
            ) : null}
          </div>
        );
      })}
      {uncovered.length ? (
        <p className="muted">
          {t("assignments.uncovered", { count: uncovered.length })} {uncovered.map((factor) => factor.number).join(", ")}
        </p>
      ) : null}
    </section>
  );
}

function AssignForm({
  reviewerId,
  factors,
  chosen,
  result,
  legend,
}: {
  reviewerId: string;
  factors: { value: string; label: string }[];
  chosen: string[];
  result: FormResult | null;
  legend: string;
}) {
  const { t } = useFrameworkTranslation("agenda");
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(AssignFactorsSchema, { id: `assign-${reviewerId}`, lastResult: result });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormError message={form.errors?.[0]} />
      <input type="hidden" name="intent" value="assign-factors" />
      <input type="hidden" name="userId" value={reviewerId} />
      <ChoiceGroup legend={legend} name="factorIds" type="checkbox" value={chosen} options={factors} errors={fields.factorIds.errors ?? fields.userId.errors} />
      <button type="submit" disabled={navigation.state !== "idle"}>
        {t("assignments.save")}
      </button>
    </Form>
  );
}
