import { z } from "zod";
import {
  CityExampleSchema,
  ContextualFactorSchema,
  FrameworkSchema,
  GuidingQuestionSchema,
  KeyFactorSchema,
  LocalizedTextSchema,
  PartNameSchema,
  RatingSchema,
  UseSchema,
} from "./schema";

export const FRAMEWORK_JSON_SCHEMA_ID = "urn:benchmark-workbench:framework";

type Meta = { id: string; description: string };

/* A private registry (not z.globalRegistry) so that re-evaluating this module,
 * e.g. under Vite HMR, cannot trip over ids registered by a previous copy. */
function definitions(): z.core.$ZodRegistry<Meta> {
  const registry = z.registry<Meta>();
  registry.add(LocalizedTextSchema, { id: "LocalizedText", description: "A text in French and English." });
  registry.add(GuidingQuestionSchema, { id: "GuidingQuestion", description: "A question asked when assessing a key factor." });
  registry.add(CityExampleSchema, { id: "CityExample", description: "How one city addresses a key factor." });
  registry.add(KeyFactorSchema, { id: "KeyFactor", description: "A numbered statement a city verifies for itself." });
  registry.add(ContextualFactorSchema, { id: "ContextualFactor", description: "A factor outside the city's control that affects its results." });
  registry.add(PartNameSchema, { id: "PartName", description: "What a framework calls one of its parts (key factor, commitment…), and how its ids start." });
  registry.add(RatingSchema, { id: "Rating", description: "One level of the rating scale." });
  registry.add(UseSchema, { id: "Use", description: "A way of using the framework." });
  return registry;
}

/**
 * JSON Schema for framework data files, for editors and external tools.
 * Describes the input shape; the cross-field rules (unique ids, consecutive
 * numbering, question prefixes, complete rating scale) exist only in zod.
 */
export function frameworkJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(FrameworkSchema, { io: "input", metadata: definitions() });
  const { $schema, ...rest } = generated;
  // $schema first, then identity, then the generated body: stable, readable diffs.
  return {
    $schema,
    $id: FRAMEWORK_JSON_SCHEMA_ID,
    title: "Benchmark framework",
    description:
      "A benchmark framework: a standard, numbered items (key factors, commitments) with their questions (guiding questions, example actions) and city examples, contextual factors, a rating scale and ways of using it; `parts` says what the framework calls each. Every human-readable text is a {fr, en} pair.",
    ...rest,
  };
}

/** Exact file content of benchmark/framework.schema.json. */
export function renderFrameworkJsonSchema(): string {
  return `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
}
