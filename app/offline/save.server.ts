import { requireFramework } from "#benchmark/index";
import { createEvidence, evidenceFormSchema } from "#app/models/evidence.server";
import type { EvidenceInput } from "#app/models/evidence-schema";
import { createInterview } from "#app/models/interview.server";
import type { ReviewAccess } from "#app/utils/auth.server";
import { parseSubmission, type FormResult } from "#app/utils/forms";
import { modelErrors, unparsedSubmission } from "#app/utils/forms.server";
import { InterviewSchema } from "#app/routes/reviews.$reviewId.interviews/schema";
import { readClientId } from "./client-id";

/*
 * Saving a new evidence item or interview from its form: the one path the page's own action and
 * the outbox (items logged offline, sent later) both take, so a late send meets the same schema
 * and the same model checks. The caller has already checked the member's permission.
 */

export type SaveOutcome<Input> =
  { ok: true; id: string; alreadySaved: boolean; input: Input } | { ok: false; status: 400 | 403 | 404 | 409; reply: FormResult };

const BAD_ID = { formErrors: ["evidence:errors.idTaken"] };

export async function saveNewEvidence(access: ReviewAccess, form: FormData): Promise<SaveOutcome<EvidenceInput>> {
  const { review, user } = access;
  const clientId = readClientId(form);
  if (clientId === null) return { ok: false, status: 400, reply: unparsedSubmission(form).reply(BAD_ID) };
  const submission = parseSubmission(form, evidenceFormSchema(requireFramework(review.frameworkId)));
  if (submission.status !== "success") return { ok: false, status: 400, reply: submission.reply() };
  const input = submission.value;
  const outcome = await createEvidence({ reviewId: review.id, userId: user.id, input, ...(clientId ? { id: clientId } : {}) });
  if (!outcome.ok) return { ok: false, status: outcome.status, reply: submission.reply(modelErrors(outcome.errors)) };
  return { ok: true, id: outcome.id, alreadySaved: Boolean(outcome.alreadySaved), input };
}

/** A new interview (intent "create"); an edit goes through the interviews page only. */
export async function saveNewInterview(access: ReviewAccess, form: FormData) {
  const { review, user } = access;
  const clientId = readClientId(form);
  if (clientId === null) return { ok: false as const, status: 400 as const, reply: unparsedSubmission(form).reply(BAD_ID) };
  const submission = parseSubmission(form, InterviewSchema);
  if (submission.status !== "success") return { ok: false as const, status: 400 as const, reply: submission.reply() };
  const { input } = submission.value;
  const outcome = await createInterview({ reviewId: review.id, userId: user.id, input, ...(clientId ? { id: clientId } : {}) });
  if (!outcome.ok) return { ok: false as const, status: outcome.status, reply: submission.reply(modelErrors(outcome.errors)) };
  return { ok: true as const, id: outcome.id, alreadySaved: Boolean(outcome.alreadySaved), input };
}
