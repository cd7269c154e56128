import { z } from "zod";
import { LocalizedTextSchema } from "./schema";

/*
 * Schema for a mapping between two frameworks: for each item of the first (an ECCAR
 * commitment), the items of the second (EUROCITIES key factors) it covers, each link "primary"
 * (the item's main subject) or "related" (it touches part of it), with a one-line reason. An
 * item with no counterpart says why instead of being forced onto one.
 *
 * Mappings are written by hand from both texts; mappings/index.ts checks every id against the
 * frameworks at import, so a mapping naming an unknown id stops start-up and the test run.
 */

export const LINK_STRENGTHS = ["primary", "related"] as const;
export const LinkStrengthSchema = z.enum(LINK_STRENGTHS);

export const MappingLinkSchema = z.strictObject({
  to: z.string().trim().min(1),
  strength: LinkStrengthSchema,
  reason: LocalizedTextSchema,
});

export const MappingEntrySchema = z.strictObject({
  from: z.string().trim().min(1),
  links: z.array(MappingLinkSchema),
  // Only for an item with no link: why the other framework has nothing for it.
  noCounterpart: LocalizedTextSchema.optional(),
});

const FrameworkRefSchema = z.strictObject({
  frameworkId: z.string().trim().min(1),
  version: z.string().trim().min(1),
});

export const MappingSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+--[a-z0-9-]+$/, 'mapping id must look like "<from-id>--<to-id>"'),
    from: FrameworkRefSchema,
    to: FrameworkRefSchema,
    note: LocalizedTextSchema,
    entries: z.array(MappingEntrySchema).min(1),
  })
  .superRefine((mapping, ctx) => {
    if (mapping.id !== `${mapping.from.frameworkId}--${mapping.to.frameworkId}`) {
      ctx.addIssue({ code: "custom", path: ["id"], message: `mapping id must be "${mapping.from.frameworkId}--${mapping.to.frameworkId}"` });
    }
    mapping.entries.forEach((entry, i) => {
      if (entry.links.length === 0 && entry.noCounterpart === undefined) {
        ctx.addIssue({ code: "custom", path: ["entries", i], message: `"${entry.from}" has no link and does not say why (noCounterpart)` });
      }
      if (entry.links.length > 0 && entry.noCounterpart !== undefined) {
        ctx.addIssue({ code: "custom", path: ["entries", i, "noCounterpart"], message: `"${entry.from}" has links, so it cannot also have no counterpart` });
      }
      const targets = entry.links.map((link) => link.to);
      const twice = targets.find((target, j) => targets.indexOf(target) !== j);
      if (twice !== undefined) ctx.addIssue({ code: "custom", path: ["entries", i, "links"], message: `"${entry.from}" links to "${twice}" twice` });
    });
  });

export type LinkStrength = z.output<typeof LinkStrengthSchema>;
export type MappingLink = z.output<typeof MappingLinkSchema>;
export type MappingEntry = z.output<typeof MappingEntrySchema>;
export type Mapping = z.output<typeof MappingSchema>;
export type MappingInput = z.input<typeof MappingSchema>;
