import { z } from "zod";
import { choice, msg, optionalText, requiredText } from "#app/utils/validation";
import { EVIDENCE_KINDS, POLARITIES, type EvidenceKind, type Polarity } from "#db/enums";

/*
 * The evidence form (the quick-log form and an item's edit form), one schema for the browser and
 * the action (docs/decisions/0009-one-form-convention.md). It depends on the review's framework,
 * so it is built from the factor list both sides already hold. Browser-safe: no database here.
 */

export const MAX_EVIDENCE_TEXT = 10_000;

/** Kinds whose source is an interview or focus group. */
export const INTERVIEW_KINDS = ["interview-quote", "focus-group-note"] as const satisfies readonly EvidenceKind[];

export type EvidenceInput = {
  kind: EvidenceKind;
  text: string;
  polarity: Polarity;
  attribution: string;
  factorIds: string[];
  questionIds: string[];
  interviewId: string | null;
  documentId: string | null;
  /** The text's language when it is not the review's (a French team quoting an English speaker); null: the review's. */
  language: "fr" | "en" | null;
};

/** The factors an item may be tagged with (retired ones left out), as the loaders send them. */
export type TaggableFactor = { id: string; number: number; questions: readonly { id: string }[] };

const optionalId = z
  .string()
  .trim()
  .max(100, msg("errors.tooLong", { max: 100 }))
  .optional()
  .transform((value) => value || null);

const FieldsSchema = z.object({
  kind: choice(EVIDENCE_KINDS),
  // Form posts turn every line break into CRLF; store plain LF so lengths and exports match what was typed.
  text: z
    .string()
    .optional()
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n"))
    .pipe(requiredText(MAX_EVIDENCE_TEXT)),
  polarity: choice(POLARITIES),
  attribution: optionalText(300),
  interviewId: optionalId,
  documentId: optionalId,
  // Empty: the review's language.
  language: z
    .string()
    .optional()
    .transform((value) => value ?? "")
    .pipe(choice(["", "fr", "en"] as const))
    .transform((value) => value || null),
});

const ids = z
  .array(z.string().optional())
  .optional()
  .transform((values) => (values ?? []).filter((value): value is string => Boolean(value)));

/**
 * Factors come from the tag checkboxes (`factorIds`) and from the typed numbers (`factorNumbers`,
 * "3 7 11"); questions must belong to a tagged factor. Every problem is reported at once, next to
 * its field, so the fields are read leniently first and checked together.
 */
export function evidenceSchema(factors: readonly TaggableFactor[]) {
  return z
    .object({
      kind: z.string().optional(),
      text: z.string().optional(),
      polarity: z.string().optional(),
      attribution: z.string().optional(),
      interviewId: z.string().optional(),
      documentId: z.string().optional(),
      language: z.string().optional(),
      factorIds: ids,
      factorNumbers: z.string().optional(),
      questionIds: ids,
    })
    .transform((raw, context): EvidenceInput => {
      let failed = false;
      const add = (field: string, message: string) => {
        failed = true;
        context.addIssue({ code: "custom", path: [field], message });
      };
      const fields = FieldsSchema.safeParse(raw);
      if (!fields.success) for (const issue of fields.error.issues) add(String(issue.path[0] ?? ""), issue.message);

      const factorIds = new Set<string>();
      let factorProblem = false;
      for (const id of raw.factorIds) {
        if (factors.some((factor) => factor.id === id)) factorIds.add(id);
        else {
          add("factorIds", msg("evidence:errors.unknownFactor", { id: id.slice(0, 40) }));
          factorProblem = true;
        }
      }
      const numbers = raw.factorNumbers ?? "";
      if (numbers.length > 100) {
        add("factorNumbers", msg("errors.tooLong", { max: 100 }));
        factorProblem = true;
      } else {
        for (const token of numbers.split(/[\s,;]+/).filter(Boolean)) {
          const factor = /^\d{1,3}$/.test(token) ? factors.find((candidate) => candidate.number === Number(token)) : undefined;
          if (factor) factorIds.add(factor.id);
          else {
            add("factorNumbers", msg("evidence:errors.unknownFactorNumber", { value: token.slice(0, 10) }));
            factorProblem = true;
          }
        }
      }
      if (!factorIds.size && !factorProblem) add("factorIds", "evidence:errors.noFactor");

      const questionIds: string[] = [];
      for (const id of new Set(raw.questionIds)) {
        const factor = factors.find((candidate) => candidate.questions.some((question) => question.id === id));
        if (!factor) add("questionIds", msg("evidence:errors.unknownQuestion", { id: id.slice(0, 40) }));
        else if (!factorIds.has(factor.id)) add("questionIds", msg("evidence:errors.questionOutsideFactors", { number: factor.number }));
        else questionIds.push(id);
      }

      if (fields.success) {
        const { kind, interviewId, documentId } = fields.data;
        if ((INTERVIEW_KINDS as readonly string[]).includes(kind) && !interviewId) add("interviewId", "evidence:errors.interviewRequired");
        if (kind === "document" && !documentId) add("documentId", "evidence:errors.documentRequired");
      }
      if (!fields.success || failed) return z.NEVER;

      const { kind, interviewId, documentId, ...rest } = fields.data;
      // The source follows the kind: a quote points to its interview, a document item to its document.
      const interviewKind = (INTERVIEW_KINDS as readonly string[]).includes(kind);
      return {
        ...rest,
        kind,
        factorIds: [...factorIds].sort(),
        questionIds: questionIds.sort(),
        interviewId: kind === "document" ? null : interviewId,
        documentId: interviewKind ? null : documentId,
      };
    });
}
