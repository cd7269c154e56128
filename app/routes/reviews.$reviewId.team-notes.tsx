import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { listLocalizedFactors, requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FieldErrors, FormError, SelectField, TextAreaField } from "#app/components/field";
import { Paragraphs } from "#app/components/paragraphs";
import { addTeamNote, deleteTeamNote, listTeamNotes } from "#app/models/team-note.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { isFormResult, readResult, useSchemaForm } from "#app/utils/forms";
import { invalid, readSubmission, refused, requireFormPermission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { asRefusal } from "#app/utils/refusal";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { msg, requiredText } from "#app/utils/validation";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.team-notes"));
  const { review, user } = access;
  const locale = await getLocale(request);
  const notes = await listTeamNotes({ reviewId: review.id });
  return {
    reviewId: review.id,
    factors: listLocalizedFactors(requireFramework(review.frameworkId), locale).map(({ id, number, title }) => ({ id, number, title })),
    notes: notes.map(({ authorId, ...note }) => ({ ...note, mine: authorId === user.id })),
    canWrite: hasPermission(access, "team-notes:write"),
  };
}

const AddNoteSchema = z.object({
  intent: z.literal("add"),
  factorId: z
    .string({ error: msg("agenda:errors.unknownFactor") })
    .trim()
    .min(1, msg("agenda:errors.unknownFactor"))
    .max(50),
  text: requiredText(4000),
});

const ActionSchema = z.discriminatedUnion("intent", [AddNoteSchema, z.object({ intent: z.literal("delete"), noteId: z.string().trim().min(1).max(100) })]);

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const gate = await requireFormPermission(request, params.reviewId, actionPermission("reviews.$reviewId.team-notes"));
  if (gate.closed) return gate.closed;
  const { review, user } = gate.access;
  const submission = await readSubmission(request, ActionSchema);
  if (submission.status !== "success") return invalid(submission);
  const submitted = submission.value;
  try {
    if (submitted.intent === "add") {
      const id = await addTeamNote({ review, authorId: user.id, factorId: submitted.factorId, text: submitted.text });
      return redirect(`/reviews/${review.id}/team-notes?factor=${submitted.factorId}&done=add#note-${id}`);
    }
    await deleteTeamNote({ reviewId: review.id, userId: user.id, noteId: submitted.noteId });
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
  return redirect(`/reviews/${review.id}/team-notes?done=delete`);
}

export const clientAction = keepTextOnFailure;

export default function TeamNotes() {
  const { reviewId, factors, notes, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("agenda");
  const dates = useDates();
  const result = isFormResult(actionData) ? actionData : null;
  const failure = result ? readResult(result) : null;
  const sent = failure?.values ?? {};
  const adding = sent.intent === "add";
  const [form, fields] = useSchemaForm(AddNoteSchema, { id: "team-note", lastResult: adding ? result : null });
  const only = searchParams.get("factor");
  const done = searchParams.get("done");
  const shown = factors.filter((factor) => (only ? factor.id === only : notes.some((note) => note.factorId === factor.id)));
  const label = (factor: (typeof factors)[number]) => t("factorLabel", { number: factor.number, title: factor.title });
  return (
    <>
      <h1>{t("notes.title")}</h1>
      <p className="muted">{t("notes.intro")}</p>
      {done === "add" || done === "delete" ? (
        <p className="notice ok" role="status">
          {t(`notes.done.${done}`)}
        </p>
      ) : null}
      {canWrite ? (
        <Form method="post" className="card" {...getFormProps(form)}>
          <FormError message={adding ? failure?.formError : null} />
          <input type="hidden" name="intent" value="add" />
          <SelectField
            label={t("notes.factor")}
            name="factorId"
            defaultValue={adding ? String(sent.factorId ?? "") : (only ?? factors[0]?.id ?? "")}
            options={factors.map((factor) => ({ value: factor.id, label: label(factor) }))}
            errors={fields.factorId.errors}
          />
          <TextAreaField label={t("notes.text")} name="text" rows={4} defaultValue={adding ? String(sent.text ?? "") : ""} errors={fields.text.errors} />
          <button type="submit" disabled={navigation.state !== "idle"}>
            {t("notes.add")}
          </button>
        </Form>
      ) : null}
      {only ? (
        <p>
          <Link to={`/reviews/${reviewId}/team-notes`}>{t("notes.all")}</Link>
        </p>
      ) : null}
      {shown.length ? null : <p className="muted">{t("notes.empty")}</p>}
      {shown.map((factor) => (
        <section key={factor.id} aria-labelledby={`notes-${factor.id}`}>
          <h2 id={`notes-${factor.id}`}>
            <Link to={`/reviews/${reviewId}/conclusions/${factor.id}`}>{label(factor)}</Link>
          </h2>
          {notes.filter((note) => note.factorId === factor.id).length ? null : <p className="muted">{t("notes.none")}</p>}
          <ul className="comment-list">
            {notes
              .filter((note) => note.factorId === factor.id)
              .map((note) => (
                <li key={note.id} id={`note-${note.id}`} className="card team-note">
                  <Paragraphs text={note.text} />
                  <p className="muted">
                    {note.authorName} · <time dateTime={new Date(note.createdAt).toISOString()}>{dates.dateTime(note.createdAt)}</time>
                  </p>
                  {canWrite && note.mine ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="noteId" value={note.id} />
                      <button type="submit" className="button-link" disabled={navigation.state !== "idle"}>
                        {t("notes.delete")}
                      </button>
                    </Form>
                  ) : null}
                  {sent.intent === "delete" && sent.noteId === note.id ? (
                    <FieldErrors id={`note-${note.id}-error`} errors={failure?.formError ? [failure.formError] : undefined} />
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.teamNotes"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
