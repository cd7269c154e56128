import { z } from "zod";
import type { ParticipantInput } from "#app/models/interview.server";
import { choice, dateSchema, msg, optionalText } from "#app/utils/validation";
import { INTERVIEW_FORMATS, PARTICIPANT_CATEGORIES, type ParticipantCategory } from "#db/enums";

/* The interview form, checked with this one schema in the browser and in the action. */

/** A repeated field (one per participant row or reviewer): empty rows arrive as missing. */
const rows = z
  .array(z.string().optional())
  .optional()
  .transform((values) => (values ?? []).map((value) => (value ?? "").trim()));

/** Deleting an interview that no evidence cites. */
export const DeleteInterviewSchema = z.object({
  intent: z.literal("delete"),
  interviewId: z
    .string({ error: msg("errors.required") })
    .trim()
    .min(1, msg("errors.required"))
    .max(100),
});

export const PARTICIPANT_FIELDS = ["participantRole", "participantOrganisation", "participantCategory", "participantName"] as const;

export const InterviewSchema = z
  .object({
    intent: z.enum(["create", "update"]),
    interviewId: z.string().trim().max(100).optional(),
    date: z.string({ error: msg("errors.invalidDate") }).pipe(dateSchema),
    place: optionalText(200),
    format: choice(INTERVIEW_FORMATS),
    consentNotes: optionalText(2000),
    recordNames: z.string().optional(),
    withholdOrganisations: z.string().optional(),
    reviewerIds: z
      .array(z.string().trim().max(100))
      .max(50)
      .optional()
      .transform((ids) => [...new Set(ids ?? [])]),
    participantRole: rows,
    participantOrganisation: rows,
    participantCategory: rows,
    participantName: rows,
  })
  .transform((form, context) => {
    /*
     * People met, row by row: empty rows are skipped, a started row needs a role and a category.
     * Names are kept only when "record names" was ticked.
     */
    const participants: ParticipantInput[] = [];
    const problems: string[] = [];
    const count = Math.max(...PARTICIPANT_FIELDS.map((field) => form[field].length));
    for (let index = 0; index < count; index += 1) {
      const role = form.participantRole[index] ?? "";
      const organisation = form.participantOrganisation[index] ?? "";
      const category = form.participantCategory[index] ?? "";
      const name = form.recordNames ? (form.participantName[index] ?? "") : "";
      if (!role && !organisation && !category && !name) continue;
      if ([role, organisation, name].some((value) => value.length > 200)) {
        problems.push(msg("errors.tooLong", { max: 200 }));
        continue;
      }
      if (!role || !(PARTICIPANT_CATEGORIES as readonly string[]).includes(category)) {
        problems.push(msg("evidence:errors.participantIncomplete", { number: index + 1 }));
        continue;
      }
      participants.push({ role, organisation, category: category as ParticipantCategory, name: name || null });
    }
    if (!participants.length && !problems.length) problems.push("evidence:errors.noParticipant");
    for (const message of problems) context.addIssue({ code: "custom", path: ["participants"], message });
    if (problems.length) return z.NEVER;
    return {
      intent: form.intent,
      interviewId: form.interviewId ?? "",
      input: {
        date: form.date,
        place: form.place,
        format: form.format,
        consentNotes: form.consentNotes,
        organisationsWithheld: form.withholdOrganisations === "on",
        participants,
        recordNames: Boolean(form.recordNames),
        reviewerIds: form.reviewerIds,
      },
    };
  });
