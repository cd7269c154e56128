import { createRequire } from "node:module";
import type * as PdfMake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { structurePatches, tagArtifact, tagContent } from "./pdf-structure";

/*
 * The only pdfmake import in the codebase: document definition in, PDF bytes out.
 * pdfmake 0.3 is CommonJS exporting one configured instance, so it is loaded with require,
 * which works the same under tsx, vitest and the Vite server build.
 */
const require = createRequire(import.meta.url);
const pdfmake = require("pdfmake") as typeof PdfMake;

/*
 * Roboto as shipped inside the pdfmake package: covers French (é è à ç œ « » … ’) and the rest
 * of Latin, Greek and Cyrillic, and is embedded (subset) in every PDF, so the server needs no
 * system font.
 */
const FONT_FILES = {
  normal: require.resolve("pdfmake/fonts/Roboto/Roboto-Regular.ttf"),
  bold: require.resolve("pdfmake/fonts/Roboto/Roboto-Medium.ttf"),
  italics: require.resolve("pdfmake/fonts/Roboto/Roboto-Italic.ttf"),
  bolditalics: require.resolve("pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf"),
};
const ALLOWED_FILES = new Set(Object.values(FONT_FILES));

// A report never fetches anything: no URLs, and no local file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => ALLOWED_FILES.has(path));

/*
 * Shaping each word with fontkit (OpenType layout) is about half the cost of a report, and
 * pdfkit caches it per document only. The result depends only on the font and the text, so
 * the cache is shared by every render in the process (keyed by font, bounded). The bytes are
 * the same either way; if pdfkit's internals ever change shape, its own cache is left alone.
 */
const SHARED_LAYOUT_LIMIT = 20_000;

/*
 * The speed patches below, each able to step aside: a test renders the same documents with and
 * without them and compares the text a reader gets (test/reports/render-patches.test.ts).
 */
type SpeedPatch = { name: string; apply: () => void; remove: () => void };
const speedPatches: SpeedPatch[] = [];
function install(patch: SpeedPatch) {
  speedPatches.push(patch);
  patch.apply();
}

/** The speed patches that found pdfmake's internals in the shape they expect. */
export function installedSpeedPatches(): string[] {
  return speedPatches.map((patch) => patch.name);
}

/** Turns the speed patches off or back on, for the whole process (tests compare both renders). */
export function setSpeedPatches(on: boolean) {
  for (const patch of speedPatches) (on ? patch.apply : patch.remove)();
}

function shareLayoutCache() {
  const PDFDocument = createRequire(require.resolve("pdfmake"))("pdfkit") as new (options: object) => {
    font: (src: string) => unknown;
    _font?: object;
  };
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font(FONT_FILES.normal);
  type EmbeddedFont = {
    font?: { postscriptName?: string; numGlyphs?: number };
    layoutRun: (text: string) => unknown;
    layoutCached: (text: string) => unknown;
  };
  const prototype = probe._font ? (Object.getPrototypeOf(probe._font) as EmbeddedFont) : undefined;
  if (!prototype || typeof prototype.layoutRun !== "function" || typeof prototype.layoutCached !== "function") return;
  const caches = new Map<string, Map<string, unknown>>();
  // fontkit computes a font's name on every read: resolve each embedded font's cache once.
  const cacheOf = new WeakMap<object, Map<string, unknown> | null>();
  const lookup = (font: EmbeddedFont) => {
    let cache = cacheOf.get(font);
    if (cache === undefined) {
      const name = font.font?.postscriptName;
      const key = name ? `${name}/${font.font?.numGlyphs}` : null;
      cache = key === null ? null : (caches.get(key) ?? new Map<string, unknown>());
      if (key !== null && cache) caches.set(key, cache);
      cacheOf.set(font, cache);
    }
    return cache;
  };
  const original = prototype.layoutCached;
  const shared = function layoutCached(this: EmbeddedFont, text: string) {
    const cache = lookup(this);
    if (cache === null) return this.layoutRun(text);
    let run = cache.get(text);
    if (run === undefined) {
      if (cache.size >= SHARED_LAYOUT_LIMIT) cache.clear();
      // fontkit sums a run's advance on every read: keep what pdfkit reads, summed once.
      const { glyphs, positions, advanceWidth } = this.layoutRun(text) as { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
      run = { glyphs, positions, advanceWidth };
      cache.set(text, run);
    }
    return run;
  };
  install({
    name: "shared word-shaping cache",
    apply: () => (prototype.layoutCached = shared),
    remove: () => (prototype.layoutCached = original),
  });
}
shareLayoutCache();

/*
 * pdfmake lays text out word by word and then writes every word as its own PDF text object
 * (its renderer leaves writing same-styled runs at once as an open item). Writing is the other half
 * of a report's cost, so consecutive words of a line that share every style and sit end to
 * end are joined into one run before writing: the same glyphs at the same places, several
 * times fewer operators.
 */
type Inline = {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  [key: string]: unknown;
};
/** Inlines that carry anything besides plain styled text are written on their own. */
function plain(inline: Inline) {
  return (
    !inline.link &&
    !inline.linkToPage &&
    !inline.linkToDestination &&
    !inline._pageNodeRef &&
    !inline.decoration &&
    !inline.background &&
    !inline.fontFeatures &&
    !inline.sup &&
    !inline.sub &&
    // Letter-spaced text is measured word by word; joined, its spaces would be spaced too.
    !inline.characterSpacing
  );
}
function joinable(a: Inline, b: Inline) {
  return (
    a.font === b.font &&
    a.fontSize === b.fontSize &&
    a.color === b.color &&
    a.opacity === b.opacity &&
    Math.abs(a.x + a.width - b.x) < 0.001 &&
    plain(a) &&
    plain(b)
  );
}
function joinRuns() {
  const Renderer = (require("pdfmake/js/Renderer") as { default?: { prototype: Record<string, unknown> } }).default;
  const original = Renderer?.prototype.renderLine as ((this: unknown, line: { inlines: Inline[] }, x: number, y: number) => void) | undefined;
  if (!Renderer || typeof original !== "function") return;
  const joinedRenderLine = function renderLine(this: unknown, line: { inlines: Inline[] }, x: number, y: number) {
    const runs: Inline[] = [];
    let joined = false;
    for (const inline of line.inlines) {
      const last = runs[runs.length - 1];
      if (last && joinable(last, inline)) {
        // Copy a run once, when it first grows, so pdfmake's own inlines stay untouched.
        const run = joined ? last : Object.assign({}, last);
        run.text += inline.text;
        run.width += inline.width;
        runs[runs.length - 1] = run;
        joined = true;
      } else {
        runs.push(inline);
        joined = false;
      }
    }
    if (runs.length !== line.inlines.length) line = Object.assign(Object.create(Object.getPrototypeOf(line)), line, { inlines: runs });
    return original.call(this, line, x, y);
  };
  install({
    name: "one text run per line and style",
    apply: () => (Renderer.prototype.renderLine = joinedRenderLine),
    remove: () => (Renderer.prototype.renderLine = original),
  });
}
joinRuns();

/*
 * A tagged PDF (reports/pdf-structure.ts, decision 0026): pdfmake carries each node's structure
 * path to the words it measures and marks what it writes. Always on; if pdfmake's internals
 * change shape the PDF is written untagged, and the tagged-PDF test fails.
 */
const structure = structurePatches(
  (require("pdfmake/js/DocMeasure") as { default?: { prototype: Record<string, unknown> } }).default?.prototype,
  (require("pdfmake/js/Renderer") as { default?: { prototype: Record<string, unknown> } }).default?.prototype,
);
structure?.apply();

/** Drafts and any definition without a date get this one, so bytes never depend on the clock. */
const FIXED_DATE = new Date(0);

/* Characters the font lacks, replaced by the closest it has, so no glyph renders as a box.
 * The narrow no-break space comes from French number and date formatting and from typing. */
const FALLBACKS: [RegExp, string][] = [
  [/\u202f/g, "\u00a0"],
  [/[\u2192\u27f6]/g, "->"],
  [/\u2713/g, "v"],
];

function replaceMissingGlyphs(node: unknown): unknown {
  if (typeof node === "string") return FALLBACKS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), node);
  if (Array.isArray(node)) return node.map(replaceMissingGlyphs);
  if (node && typeof node === "object" && Object.getPrototypeOf(node) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // SVG markup is left as is: its text goes through the same font, and it is ours.
      copy[key] = key === "svg" ? value : replaceMissingGlyphs(value);
    }
    return copy;
  }
  return node;
}

type Styles = NonNullable<TDocumentDefinitions["styles"]>;

/*
 * Named styles resolved into each node before layout: the same properties, so the same
 * bytes. pdfmake looks ~25 properties of every word up through a stack of styles, and each
 * named style on that stack costs a fresh lookup (with allocations) per property per word;
 * a property on the node itself is a plain read.
 */
function inlineStyles(node: unknown, styles: Styles): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineStyles(item, styles));
  if (!node || typeof node !== "object" || Object.getPrototypeOf(node) !== Object.prototype) return node;
  const source = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  if (source.style !== undefined) {
    for (const name of Array.isArray(source.style) ? source.style : [source.style]) {
      const style = typeof name === "string" ? styles[name] : name;
      if (style && typeof style === "object") Object.assign(copy, style);
    }
  }
  for (const [key, value] of Object.entries(source)) {
    if (key === "style") continue;
    // One side of the node's own margin overrides that side of its style's.
    const side = ["marginLeft", "marginTop", "marginRight", "marginBottom"].indexOf(key);
    if (side !== -1 && Array.isArray(copy.margin)) {
      copy.margin = (copy.margin as number[]).map((margin, i) => (i === side ? value : margin));
      continue;
    }
    copy[key] = key === "svg" ? value : inlineStyles(value, styles);
  }
  return copy;
}

export type RenderedPdf = { buffer: Buffer; pages: number };

function countPages(buffer: Buffer): number {
  // pdfkit writes one uncompressed page tree root: "/Type /Pages\n/Count N".
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(buffer.toString("latin1"));
  if (!match) throw new Error("The rendered PDF has no page tree");
  return Number(match[1]);
}

/**
 * Renders a document definition to PDF bytes. The definition is copied first (pdfmake
 * annotates what it is given), so a caller may render the same definition twice.
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<RenderedPdf> {
  pdfmake.setFonts({ Roboto: { ...FONT_FILES } });
  const { header, footer, background, pageBreakBefore, info, ...rest } = definition;
  const styles = rest.styles ?? {};
  const prepare = <T>(value: T): T => inlineStyles(replaceMissingGlyphs(value), styles) as T;
  // Running headers, footers and backgrounds are page furniture: artifacts, not content.
  const dynamic = <F extends ((...args: never[]) => unknown) | undefined>(fn: F): F =>
    (typeof fn === "function" ? (...args: Parameters<NonNullable<F>>) => prepare(tagArtifact(fn(...args))) : fn) as F;
  const copy = {
    ...rest,
    // Tagged, in the document's language, its title shown in the viewer's title bar.
    version: "1.7",
    tagged: structure !== undefined,
    displayTitle: true,
    content: prepare(tagContent(rest.content)),
    header: dynamic(header as never),
    footer: dynamic(footer as never),
    background: dynamic(background as never),
    pageBreakBefore,
    info: {
      ...info,
      creationDate: info?.creationDate ?? FIXED_DATE,
      modDate: info?.modDate ?? info?.creationDate ?? FIXED_DATE,
    },
  } as TDocumentDefinitions;
  const buffer = await pdfmake.createPdf(copy).getBuffer();
  return { buffer, pages: countPages(buffer) };
}
