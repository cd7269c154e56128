/*
 * A tagged PDF from pdfmake (decision 0026). pdfmake 0.3 hands `tagged`, `language` and
 * `displayTitle` to pdfkit, which writes /MarkInfo, /StructTreeRoot, /Lang and the viewer's title,
 * but pdfmake never marks its content, so the structure tree would stay empty. Two steps fill it:
 *
 * 1. `tagContent` walks the document definition before layout and gives every leaf node the path
 *    of structure elements it belongs to: H1/H2/H3 for the heading styles, P for other text,
 *    L > LI > LBody for lists, Table > TR > TH/TD for tables, Figure (with its `_alt` text) for an
 *    image or SVG, TOC for the contents, and Artifact for running headers, footers, backgrounds
 *    and drawn rules.
 * 2. `installStructurePatches` makes pdfmake carry that path from a node to its measured words
 *    and, when it writes a line, a drawing or an image, wraps it in marked content attached to its
 *    structure element (created on first use, in reading order, i.e. the order pdfmake writes
 *    them); what has no path (list numbers, rules, the watermark) is written as an Artifact.
 *
 * Every line is its own marked-content sequence, so none spans a page. The same definition gives
 * the same tree and the same bytes.
 */

export type StructureRole = "H1" | "H2" | "H3" | "P" | "L" | "LI" | "LBody" | "Table" | "TR" | "TH" | "TD" | "Figure" | "TOC" | "Artifact";
export type StructureStep = { id: number; role: StructureRole; alt?: string };
/** The structure elements a node sits in, outermost first; the last is its own. */
export type StructurePath = StructureStep[];

const HEADING_STYLES: Record<string, StructureRole> = { h1: "H1", tocTitle: "H1", h2: "H2", h3: "H3" };
export const ARTIFACT: StructurePath = [{ id: 0, role: "Artifact" }];

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => Boolean(value) && typeof value === "object" && !Array.isArray(value);

function styleRole(node: Node): StructureRole {
  const styles = Array.isArray(node.style) ? node.style : [node.style];
  for (const style of styles) if (typeof style === "string" && HEADING_STYLES[style]) return HEADING_STYLES[style];
  return "P";
}

/**
 * The definition's content with a `_tag` path on every leaf (a bare string becomes `{ text }`,
 * which pdfmake lays out the same). `ancestors` are the elements the content sits in.
 */
export function tagContent(content: unknown, ancestors: StructurePath = [], counter = { next: 1 }): unknown {
  const step = (role: StructureRole, extra: Partial<StructureStep> = {}): StructureStep => ({ id: counter.next++, role, ...extra });
  const inArtifact = ancestors.some((entry) => entry.role === "Artifact");
  /** A leaf: its own element (`role`), unless it is the content of an element made for it (a cell, a list body). */
  const leaf = (node: Node, own: StructureRole | null): Node => ({ ...node, _tag: inArtifact ? ARTIFACT : own ? [...ancestors, step(own)] : ancestors });

  if (typeof content === "string") return tagContent({ text: content }, ancestors, counter);
  if (Array.isArray(content)) return content.map((item) => tagContent(item, ancestors, counter));
  if (!isNode(content)) return content;
  const node = content;
  if (inArtifact && !("stack" in node) && !("columns" in node)) return { ...node, _tag: ARTIFACT };

  if ("text" in node) return leaf(node, ancestors.at(-1)?.role === "LBody" || ["TD", "TH"].includes(ancestors.at(-1)?.role ?? "") ? null : styleRole(node));
  if ("svg" in node || "image" in node) return { ...node, _tag: [...ancestors, step("Figure", typeof node._alt === "string" ? { alt: node._alt } : {})] };
  if ("canvas" in node) return { ...node, _tag: ARTIFACT };
  if ("stack" in node) return { ...node, stack: tagContent(node.stack, ancestors, counter) };
  if ("columns" in node) return { ...node, columns: tagContent(node.columns, ancestors, counter) };
  if ("toc" in node && isNode(node.toc)) {
    const toc = [...ancestors, step("TOC")];
    return { ...node, _tag: toc, toc: { ...node.toc, ...(node.toc.title ? { title: tagContent(node.toc.title, ancestors, counter) } : {}) } };
  }
  for (const key of ["ul", "ol"] as const) {
    if (Array.isArray(node[key])) {
      const list = [...ancestors, step("L")];
      return {
        ...node,
        [key]: (node[key] as unknown[]).map((item) => {
          const body = [...list, step("LI"), step("LBody")];
          return tagContent(item, body, counter);
        }),
      };
    }
  }
  if (isNode(node.table) && Array.isArray(node.table.body)) {
    const table = [...ancestors, step("Table")];
    const headerRows = typeof node.table.headerRows === "number" ? node.table.headerRows : 0;
    const body = (node.table.body as unknown[][]).map((row, index) => {
      const tr = [...table, step("TR")];
      return row.map((cell) => {
        // A spanned-over placeholder ({}) draws nothing.
        if (isNode(cell) && Object.keys(cell).length === 0) return cell;
        return tagContent(cell, [...tr, step(index < headerRows ? "TH" : "TD")], counter);
      });
    });
    return { ...node, table: { ...node.table, body } };
  }
  return node;
}

/** Content from a header, footer or background function: drawn on every page, read by no one. */
export function tagArtifact(content: unknown): unknown {
  return tagContent(content, ARTIFACT);
}

type Inline = { _tag?: StructurePath };
type StructElement = { add: (child: unknown) => StructElement; dictionary: { data: { S: string } } };
type TaggedDoc = {
  struct: (role: string, options?: { alt?: string }) => StructElement;
  addStructure: (element: StructElement) => void;
  markContent: (tag: string, options?: { type?: string }) => void;
  markStructureContent: (tag: string) => unknown;
  endMarkedContent: () => void;
  _structureElements?: Map<number, StructElement>;
};
type Prototype = Record<string, unknown>;
type Patch = { apply: () => void; remove: () => void };

/** Patches pdfmake's measuring and writing; each is undone by `remove`. Undefined when pdfmake's internals are not as expected. */
export function structurePatches(docMeasure: Prototype | undefined, renderer: Prototype | undefined): Patch | undefined {
  if (!docMeasure || !renderer) return undefined;
  const names = {
    measure: ["measureLeaf", "measureToc", "buildOrderedMarker"],
    render: ["renderPages", "renderLine", "renderVector", "renderImage", "renderSVG", "renderWatermark"],
  };
  if (![...names.measure.map((name) => docMeasure[name]), ...names.render.map((name) => renderer[name])].every((fn) => typeof fn === "function"))
    return undefined;
  type Fn = (this: { _tocTag?: StructurePath; pdfDocument?: TaggedDoc }, ...args: unknown[]) => unknown;
  const original = Object.fromEntries(names.measure.map((name) => [name, docMeasure[name]])) as Record<string, Fn>;

  const tagInlines = (inlines: unknown, tag: StructurePath | undefined) => {
    if (!tag || !Array.isArray(inlines)) return;
    for (const inline of inlines as Inline[]) inline._tag ??= tag;
  };
  const measure: Record<string, Fn> = {
    measureLeaf(node) {
      const result = original.measureLeaf!.call(this, node) as { _inlines?: unknown; _tag?: StructurePath };
      tagInlines(result._inlines, result._tag ?? this._tocTag);
      return result;
    },
    // The contents' entries are made by pdfmake from the headings: they belong to the TOC element.
    measureToc(node) {
      const previous = this._tocTag;
      this._tocTag = (node as { _tag?: StructurePath })._tag;
      try {
        return original.measureToc!.call(this, node);
      } finally {
        this._tocTag = previous;
      }
    },
    buildOrderedMarker(...args) {
      const marker = original.buildOrderedMarker!.apply(this, args) as { _inlines?: unknown };
      tagInlines(marker._inlines, ARTIFACT);
      return marker;
    },
  };

  /** The element for a path, made (and attached to its parent) the first time a path names it. */
  const elementFor = (doc: TaggedDoc, path: StructurePath): StructElement => {
    const made = (doc._structureElements ??= new Map());
    let parent: StructElement | undefined;
    for (const entry of path) {
      let element = made.get(entry.id);
      if (!element) {
        element = doc.struct(entry.role, entry.alt ? { alt: entry.alt } : {});
        if (parent) parent.add(element);
        else doc.addStructure(element);
        made.set(entry.id, element);
      }
      parent = element;
    }
    return parent!;
  };
  const marked = (doc: TaggedDoc, path: StructurePath | undefined, write: () => unknown) => {
    if (!path || path.length === 0 || path.some((entry) => entry.role === "Artifact")) {
      doc.markContent("Artifact", { type: "Layout" });
      try {
        return write();
      } finally {
        doc.endMarkedContent();
      }
    }
    const element = elementFor(doc, path);
    const content = doc.markStructureContent(element.dictionary.data.S);
    try {
      return write();
    } finally {
      doc.endMarkedContent();
      element.add(content);
    }
  };
  const render: Record<string, Fn> = {
    renderLine(line, ...rest) {
      const tag = (line as { inlines?: Inline[] }).inlines?.find((inline) => inline._tag)?._tag;
      return marked(this.pdfDocument!, tag, () => proto(this).renderLine!.call(this, line, ...rest));
    },
    renderVector(...args) {
      return marked(this.pdfDocument!, ARTIFACT, () => proto(this).renderVector!.apply(this, args));
    },
    renderImage(image, ...rest) {
      return marked(this.pdfDocument!, (image as { _tag?: StructurePath })._tag, () => proto(this).renderImage!.call(this, image, ...rest));
    },
    renderSVG(svg, ...rest) {
      return marked(this.pdfDocument!, (svg as { _tag?: StructurePath })._tag, () => proto(this).renderSVG!.call(this, svg, ...rest));
    },
    renderWatermark(...args) {
      return marked(this.pdfDocument!, ARTIFACT, () => proto(this).renderWatermark!.apply(this, args));
    },
  };
  // The writers are wrapped on each renderer, around whatever its prototype holds when it runs
  // (render.ts's own patches replace the prototype's renderLine and may be switched off and on).
  const proto = (instance: object) => Object.getPrototypeOf(instance) as Record<string, Fn>;
  const renderPages = renderer.renderPages as Fn;
  const taggedRenderPages: Fn = function (this: object, ...args: unknown[]) {
    Object.assign(this, render);
    return renderPages.apply(this, args);
  };
  return {
    apply: () => {
      Object.assign(docMeasure, measure);
      renderer.renderPages = taggedRenderPages;
    },
    remove: () => {
      for (const name of names.measure) docMeasure[name] = original[name];
      renderer.renderPages = renderPages;
    },
  };
}
