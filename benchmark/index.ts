import { z } from "zod";
import { eccar10PointPlan } from "./eccar-10-point-plan";
import { eurocitiesAntiDiscrimination } from "./eurocities-anti-discrimination";
import { parseFramework } from "./parse";
import { localize, type Locale } from "./locales";
import type { ContextualFactor, Framework, GuidingQuestion, KeyFactor } from "./schema";

export * from "./schema";
export { parseFramework, formatFrameworkError } from "./parse";

export { LOCALES, localize, type Locale } from "./locales";
export * from "./scales";
export * from "./terms";

// Add new framework data files here (and their mappings in mappings/index.ts); order is the
// display order, the first is the default offered when a review is created.
const SOURCES = [
  { file: "benchmark/eurocities-anti-discrimination.ts", data: eurocitiesAntiDiscrimination },
  { file: "benchmark/eccar-10-point-plan.ts", data: eccar10PointPlan },
] as const;

export const FRAMEWORK_IDS = SOURCES.map((source) => source.data.id);
export type FrameworkId = (typeof SOURCES)[number]["data"]["id"];

/**
 * Parses one framework data file; a broken one throws a single line naming the file, the
 * framework and the first offending path (e.g. a missing English text), which `npm start`
 * prints as is before stopping.
 */
export function parseFrameworkFile(file: string, data: unknown): Framework {
  try {
    return parseFramework(data);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/* Parsed once at import so a corrupt data file breaks startup and the test
 * run immediately instead of surfacing as a half-rendered page. */
export const frameworks: readonly Framework[] = Object.freeze(SOURCES.map((source) => parseFrameworkFile(source.file, source.data)));

{
  const ids = frameworks.map((f) => f.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw new Error(`Framework "${dup}" is defined more than once`);
}

export function listFrameworks(): readonly Framework[] {
  return frameworks;
}

export function getFramework(id: string): Framework | undefined {
  return frameworks.find((f) => f.id === id);
}

export function requireFramework(id: string): Framework {
  const framework = getFramework(id);
  if (framework === undefined) {
    throw new Error(`Unknown framework "${id}". Known frameworks: ${FRAMEWORK_IDS.join(", ")}`);
  }
  return framework;
}

/* Lookups deliberately include retired entries: stored assessments that
 * reference them must still render. The validators below accept only active
 * entries, because new answers must not target retired ones. */
export function getKeyFactor(framework: Framework, factorId: string): KeyFactor | undefined {
  return framework.keyFactors.find((kf) => kf.id === factorId);
}

export function getContextualFactor(framework: Framework, contextualFactorId: string): ContextualFactor | undefined {
  return framework.contextualFactors.find((cf) => cf.id === contextualFactorId);
}

export function getQuestion(framework: Framework, questionId: string): GuidingQuestion | undefined {
  for (const kf of framework.keyFactors) {
    const question = kf.guidingQuestions.find((q) => q.id === questionId);
    if (question !== undefined) return question;
  }
  return undefined;
}

function activeKeyFactorIds(framework: Framework): string[] {
  return framework.keyFactors.filter((kf) => kf.retired !== true).map((kf) => kf.id);
}

export function isKeyFactorId(framework: Framework, id: string): boolean {
  return activeKeyFactorIds(framework).includes(id);
}

export function isQuestionId(framework: Framework, factorId: string, questionId: string): boolean {
  const kf = getKeyFactor(framework, factorId);
  if (kf === undefined || kf.retired === true) return false;
  return kf.guidingQuestions.some((q) => q.id === questionId && q.retired !== true);
}

function enumOf(ids: readonly string[], what: string): z.ZodEnum<Record<string, string>> {
  const [first, ...rest] = ids;
  if (first === undefined) throw new Error(`No active ${what} to build an id schema from`);
  return z.enum([first, ...rest]);
}

/** Active key factor ids of one framework, for validating form input. */
export function keyFactorIdSchema(framework: Framework): z.ZodEnum<Record<string, string>> {
  return enumOf(activeKeyFactorIds(framework), `key factors in framework "${framework.id}"`);
}

/** Key factor ids active in at least one framework. Use keyFactorIdSchema()
 * when the framework is known, since ids like kf-03 exist in several. */
export const FactorIdSchema = enumOf([...new Set(frameworks.flatMap((f) => activeKeyFactorIds(f)))], "key factors in any framework");

export type LocalizedFactor = {
  id: string;
  number: number;
  title: string;
  questions: { id: string; number: number; text: string }[];
};

/**
 * The active key factors in one language, each with its active guiding questions numbered in
 * order: what every factor and question picker offers (evidence log, evidence item, documents,
 * development plan), built once so they all list and number them alike.
 */
export function listLocalizedFactors(framework: Framework, locale: Locale): LocalizedFactor[] {
  return framework.keyFactors
    .filter((factor) => factor.retired !== true)
    .map((factor) => ({
      id: factor.id,
      number: factor.number,
      title: localize(factor.title, locale),
      questions: factor.guidingQuestions
        .filter((question) => question.retired !== true)
        .map((question, index) => ({ id: question.id, number: index + 1, text: localize(question.text, locale) })),
    }));
}
