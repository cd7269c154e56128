import { getFormProps } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { ChoiceGroup, FormError, SelectField, TextField } from "#app/components/field";
import { useSchemaForm, type FormResult, type readResult } from "#app/utils/forms";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { SLOT_SCHEMAS } from "./schema";

export type SlotFormContext = {
  factors: { id: string; number: number; title: string }[];
  reviewers: { id: string; name: string }[];
  /** The last refused submission of any form on the page, and the same read for display. */
  result: FormResult | null;
  failure: ReturnType<typeof readResult> | null;
};

type SlotValues = {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  meeting: string;
  factorIds: string[];
  leadReviewerId: string | null;
};

/**
 * A slot's fields: the host team's proposal, the lead's new slot, or the lead's correction of one.
 * A refused submission comes back into the form it was sent from, messages beside the fields and
 * everything typed kept.
 */
export function SlotForm({ intent, slot, context }: { intent: keyof typeof SLOT_SCHEMAS; slot?: SlotValues; context: SlotFormContext }) {
  const { t } = useFrameworkTranslation("agenda");
  const navigation = useNavigation();
  const { result, failure } = context;
  const sent = failure?.values ?? {};
  const ours = sent.intent === intent && (intent !== "update" || sent.slotId === slot?.id);
  const formId = slot ? `slot-form-${slot.id}` : `slot-form-${intent}`;
  const [form, fields] = useSchemaForm(SLOT_SCHEMAS[intent], { id: formId, lastResult: ours ? result : null });
  const value = (name: Exclude<keyof SlotValues, "id" | "factorIds" | "leadReviewerId">) => (ours ? String(sent[name] ?? "") : (slot?.[name] ?? ""));
  const factorIds = ours ? [sent.factorIds ?? []].flat() : (slot?.factorIds ?? []);
  const leadReviewerId = ours ? String(sent.leadReviewerId ?? "") : (slot?.leadReviewerId ?? "");
  const field = (name: string) => `${formId}-${name}`;
  return (
    <Form method="post" className="slot-form" {...getFormProps(form)}>
      <FormError message={ours ? failure?.formError : null} />
      <input type="hidden" name="intent" value={intent} />
      {slot ? <input type="hidden" name="slotId" value={slot.id} /> : null}
      <div className="field-row">
        <TextField id={field("date")} label={t("fields.date")} name="date" type="date" required defaultValue={value("date")} errors={fields.date.errors} />
        <TextField
          id={field("start")}
          label={t("fields.startTime")}
          name="startTime"
          type="time"
          required
          defaultValue={value("startTime")}
          errors={fields.startTime.errors}
        />
        <TextField id={field("end")} label={t("fields.endTime")} name="endTime" type="time" defaultValue={value("endTime")} errors={fields.endTime.errors} />
      </div>
      <TextField
        id={field("meeting")}
        label={t("fields.meeting")}
        hint={t("fields.meetingHint")}
        name="meeting"
        required
        defaultValue={value("meeting")}
        errors={fields.meeting.errors}
      />
      <TextField id={field("place")} label={t("fields.place")} name="place" defaultValue={value("place")} errors={fields.place.errors} />
      <ChoiceGroup
        legend={t("fields.factors")}
        name="factorIds"
        type="checkbox"
        value={factorIds}
        errors={fields.factorIds.errors}
        options={context.factors.map((factor) => ({ value: factor.id, label: t("factorLabel", { number: factor.number, title: factor.title }) }))}
      />
      {intent !== "propose" ? (
        <SelectField
          id={field("lead")}
          label={t("fields.leadReviewer")}
          name="leadReviewerId"
          defaultValue={leadReviewerId}
          errors={fields.leadReviewerId.errors}
          options={[{ value: "", label: t("noLeadReviewer") }, ...context.reviewers.map((reviewer) => ({ value: reviewer.id, label: reviewer.name }))]}
        />
      ) : null}
      <button type="submit" disabled={navigation.state !== "idle"}>
        {t(`submit.${intent}`)}
      </button>
    </Form>
  );
}
