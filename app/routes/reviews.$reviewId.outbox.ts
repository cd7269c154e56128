import type { ActionFunctionArgs } from "@remix-run/node";
import { requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission } from "#app/utils/permissions";
import { readForm } from "#app/utils/forms.server";
import { asRefusal } from "#app/utils/refusal";
import { guardWrites } from "#app/utils/storage.server";
import { msg } from "#app/utils/validation";
import { saveNewEvidence, saveNewInterview } from "#app/offline/save.server";
import type { OutboxAnswer } from "#app/offline/outbox-answer";

/*
 * Where the browser's outbox sends what was logged offline, one item per request, in order
 * (docs/decisions/0022-offline-visit.md). The same permission as the evidence log's and the
 * interviews page's own saves, the same schemas and model checks (app/offline/save.server.ts),
 * answered in JSON the outbox reads: saved (or already saved: the id was sent before), refused
 * with its reasons, or signed out. Never a redirect: a sync that meets an ended session keeps its items.
 */

const answer = (body: OutboxAnswer, status = 200) => Response.json(body, { status });

/** Why the guard refused, as messages the outbox shows beside the item it keeps. */
function refusalAnswer(error: unknown) {
  const refusal = asRefusal(error);
  if (!refusal) throw error;
  const reason = (refusal as { reason?: string }).reason;
  if (refusal.status === 409 && refusal.phase) return answer({ status: "refused", messages: [msg("errors.phaseClosedForm", { phase: refusal.phase })] }, 409);
  if (refusal.status === 404) return answer({ status: "refused", messages: ["evidence:offline.notMember"] }, 404);
  if (refusal.status === 403 && reason === "phase" && refusal.phase) {
    return answer({ status: "refused", messages: [msg("errors.phaseClosedForm", { phase: refusal.phase })] }, 403);
  }
  if (refusal.status === 403) return answer({ status: "refused", messages: ["evidence:offline.notAllowed"] }, 403);
  throw error;
}

/** The status of a thrown data() value (the guard's "sign in first" is a 401). */
function statusOf(error: unknown) {
  const init = error && typeof error === "object" && "init" in error ? (error as { init?: { status?: number } | null }).init : null;
  return init?.status;
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  let access;
  try {
    access = await requireReviewPermission(request, params.reviewId, actionPermission("reviews.$reviewId.outbox"), { resource: true });
  } catch (error) {
    if (statusOf(error) === 401) return answer({ status: "signed-out" }, 401);
    return refusalAnswer(error);
  }
  const form = await readForm(request);
  const item = form.get("item");
  const saved = item === "evidence" ? await saveNewEvidence(access, form) : item === "interview" ? await saveNewInterview(access, form) : null;
  if (!saved) return answer({ status: "refused", messages: ["evidence:offline.unknownItem"] }, 400);
  if (saved.ok) return answer({ status: "saved", id: saved.id, alreadySaved: saved.alreadySaved });
  const messages = Object.values(saved.reply.error ?? {}).flatMap((list) => list ?? []);
  return answer({ status: "refused", messages: messages.length ? messages : ["evidence:form.fixErrors"] }, saved.status);
}
