import { frameworkTerms, getFramework, getKeyFactor, localize, type Framework, type Locale } from "../index";
import { MappingSchema, type LinkStrength, type Mapping } from "../mapping-schema";
import { eccarToEurocities } from "./eccar-10-point-plan--eurocities-anti-discrimination";

export * from "../mapping-schema";

// Add new mapping files here.
const SOURCES = [{ file: "benchmark/mappings/eccar-10-point-plan--eurocities-anti-discrimination.ts", data: eccarToEurocities }] as const;

function fail(file: string, id: string, path: string, message: string): never {
  throw new Error(`${file}: Mapping "${id}" is invalid: ${path}: ${message}`);
}

function requireMappedFramework(file: string, id: string, side: "from" | "to", ref: { frameworkId: string; version: string }): Framework {
  const framework = getFramework(ref.frameworkId);
  if (!framework) fail(file, id, `${side}.frameworkId`, `unknown framework "${ref.frameworkId}"`);
  // A mapping is written against one version of each text; a new version needs it reread.
  if (framework.version !== ref.version) {
    fail(file, id, `${side}.version`, `written for version ${ref.version} of "${ref.frameworkId}", which is now at ${framework.version}`);
  }
  return framework;
}

/**
 * Validates a mapping against the frameworks it joins: every id must exist in its framework,
 * and every active item of the first framework has exactly one entry. Throws one line naming
 * the file and the first offending path.
 */
export function parseMapping(file: string, input: unknown): Mapping {
  const parsed = MappingSchema.safeParse(input);
  const rawId = typeof input === "object" && input !== null && "id" in input ? String((input as { id: unknown }).id) : "<unknown>";
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(file, rawId, issue ? issue.path.map(String).join(".") || "(root)" : "(root)", issue?.message ?? "unknown error");
  }
  const mapping = parsed.data;
  const from = requireMappedFramework(file, mapping.id, "from", mapping.from);
  const to = requireMappedFramework(file, mapping.id, "to", mapping.to);
  const seen = new Set<string>();
  mapping.entries.forEach((entry, i) => {
    const item = getKeyFactor(from, entry.from);
    if (!item) fail(file, mapping.id, `entries.${i}.from`, `"${entry.from}" is not an item of "${from.id}"`);
    if (seen.has(entry.from)) fail(file, mapping.id, `entries.${i}.from`, `"${entry.from}" is mapped twice`);
    seen.add(entry.from);
    entry.links.forEach((link, j) => {
      if (!getKeyFactor(to, link.to)) fail(file, mapping.id, `entries.${i}.links.${j}.to`, `"${link.to}" is not an item of "${to.id}"`);
    });
  });
  const unmapped = from.keyFactors.filter((item) => item.retired !== true && !seen.has(item.id)).map((item) => item.id);
  if (unmapped.length) fail(file, mapping.id, "entries", `no entry for ${unmapped.join(", ")}`);
  return mapping;
}

/* Checked once at import, like the frameworks: a mapping naming an unknown id stops start-up
 * and fails the test run. */
export const mappings: readonly Mapping[] = Object.freeze(SOURCES.map((source) => parseMapping(source.file, source.data)));

/** The mappings that join this framework to another, whichever side it is on. */
export function listMappingsOf(frameworkId: string): Mapping[] {
  return mappings.filter((mapping) => mapping.from.frameworkId === frameworkId || mapping.to.frameworkId === frameworkId);
}

export type MappedItem = { frameworkId: string; id: string; number: number; title: string; strength: LinkStrength; reason: string };

/** One item's counterparts in another framework, in the reader's language. */
export type ItemCounterparts = { itemId: string; links: MappedItem[]; noCounterpart: string | null };

export type LocalizedMapping = {
  id: string;
  /** The other framework, as the reader sees it; Item is what it calls its items ("Key factor"). */
  other: { id: string; title: string; Item: string };
  note: string;
  /** By item of the framework being read, in its order. */
  items: ItemCounterparts[];
};

/**
 * The mappings of one framework seen from it, in one language: for each of its items, the items
 * of the other framework it covers (read forwards) or that cover it (read backwards), primary
 * links first. What the reference pages show.
 */
export function localizedMappingsOf(framework: Framework, locale: Locale): LocalizedMapping[] {
  const l = (text: { fr: string; en: string }) => localize(text, locale);
  return listMappingsOf(framework.id).map((mapping) => {
    const forwards = mapping.from.frameworkId === framework.id;
    const other = getFramework(forwards ? mapping.to.frameworkId : mapping.from.frameworkId)!;
    const describe = (id: string, strength: LinkStrength, reason: { fr: string; en: string }): MappedItem => {
      const item = getKeyFactor(other, id)!;
      return { frameworkId: other.id, id, number: item.number, title: l(item.title), strength, reason: l(reason) };
    };
    const order = (a: MappedItem, b: MappedItem) => (a.strength === b.strength ? a.number - b.number : a.strength === "primary" ? -1 : 1);
    const items = framework.keyFactors.map((item): ItemCounterparts => {
      if (forwards) {
        const entry = mapping.entries.find((candidate) => candidate.from === item.id);
        return {
          itemId: item.id,
          links: (entry?.links ?? []).map((link) => describe(link.to, link.strength, link.reason)).sort(order),
          noCounterpart: entry?.noCounterpart ? l(entry.noCounterpart) : null,
        };
      }
      const links = mapping.entries.flatMap((entry) =>
        entry.links.filter((link) => link.to === item.id).map((link) => describe(entry.from, link.strength, link.reason)),
      );
      return { itemId: item.id, links: links.sort(order), noCounterpart: null };
    });
    return {
      id: mapping.id,
      other: { id: other.id, title: l(other.shortTitle ?? other.title), Item: frameworkTerms(other, locale).Item },
      note: l(mapping.note),
      items,
    };
  });
}
