import { z } from "zod";
import { PLAN_STATUSES } from "#db/enums";
import { choice, msg, optionalDateSchema, optionalText, requiredText } from "#app/utils/validation";

/*
 * The forms of a development-plan action (decision 0009): its planning (owner, axis, dates,
 * indicator, status) and a progress update. Browser-safe: the page and the action parse alike.
 */

export const PLAN_LIMITS = { short: 200, indicator: 300, note: 4000 } as const;

/** The statuses an action is finished in: it is never overdue. */
export const CLOSED_STATUSES = ["done", "dropped"] as const;

/** Planning an action: who owns it, along which axis, when, measured how, where it stands. */
export const PlanActionSchema = z
  .object({
    intent: z.literal("save-action"),
    /** A partner organisation of the city; empty: a city service owns it. */
    ownerPartnerId: optionalText(100),
    ownerService: optionalText(PLAN_LIMITS.short),
    axis: optionalText(PLAN_LIMITS.short),
    startDate: optionalDateSchema,
    dueDate: optionalDateSchema,
    indicator: optionalText(PLAN_LIMITS.indicator),
    baseline: optionalText(PLAN_LIMITS.short),
    target: optionalText(PLAN_LIMITS.short),
    status: choice(PLAN_STATUSES),
  })
  .superRefine((form, context) => {
    if (!form.ownerPartnerId && !form.ownerService) {
      context.addIssue({ code: "custom", path: ["ownerService"], message: "plan:errors.ownerRequired" });
    }
    if (form.startDate && form.dueDate && form.dueDate < form.startDate) {
      context.addIssue({ code: "custom", path: ["dueDate"], message: "plan:errors.dueBeforeStart" });
    }
    if (form.target && !form.baseline) {
      context.addIssue({ code: "custom", path: ["baseline"], message: "plan:errors.targetWithoutBaseline" });
    }
    if ((form.baseline || form.target) && !form.indicator) {
      context.addIssue({ code: "custom", path: ["indicator"], message: "plan:errors.indicatorRequired" });
    }
  });

/** A progress update: what was done, where the indicator stands, the status the action is left in. */
export const PlanUpdateSchema = z.object({
  intent: z.literal("add-update"),
  note: requiredText(PLAN_LIMITS.note),
  value: optionalText(PLAN_LIMITS.short),
  status: z.string({ error: msg("plan:errors.statusRequired") }).pipe(choice(PLAN_STATUSES)),
});

export type PlanActionInput = Omit<z.output<typeof PlanActionSchema>, "intent">;
export type PlanUpdateInput = Omit<z.output<typeof PlanUpdateSchema>, "intent">;
