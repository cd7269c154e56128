import { describe, expect, it } from "vitest";
import { foldText } from "#db/search-text";
import {
  foreignParams,
  matchesSearch,
  normaliseColumns,
  parseTableState,
  searchTerms,
  serializeSort,
  tableStateToSearchParams,
  type TableConfig,
  type TableState,
} from "#app/utils/table-state";

const CONFIG: TableConfig = {
  filterKeys: ["factor", "kind"],
  defaultSort: [{ id: "date", desc: true }],
  transientKeys: ["saved", "deleted"],
};

const DEFAULT_VIEW: TableState = {
  q: "",
  sort: [{ id: "date", desc: true }],
  filters: {},
  columns: null,
  group: null,
  page: 1,
};

describe("the accent-insensitive search", () => {
  it("folds accents, ligatures, ß, curly apostrophes and case alike", () => {
    expect(foldText("Égalité")).toBe("egalite");
    expect(foldText("Œuvre ÆSIR")).toBe("oeuvre aesir");
    expect(foldText("Straße")).toBe("strasse");
    expect(foldText("l’accès")).toBe("l'acces");
  });

  it("splits a query into folded words and matches a row holding every one, in any order", () => {
    expect(searchTerms("  Égalité   Accès ")).toEqual(["egalite", "acces"]);
    expect(searchTerms("   ")).toEqual([]);
    const row = foldText("Accès au logement et égalité");
    expect(matchesSearch(row, searchTerms("egalite ACCES"))).toBe(true);
    expect(matchesSearch(row, searchTerms("egalite emploi"))).toBe(false);
    expect(matchesSearch(row, [])).toBe(true);
  });
});

describe("reading a view from the URL", () => {
  it("gives the default view for an empty query string", () => {
    expect(parseTableState(new URLSearchParams(), CONFIG)).toEqual(DEFAULT_VIEW);
  });

  it("keeps only the configured filters, trimmed, without empty or repeated values", () => {
    const view = parseTableState(new URLSearchParams("factor=kf-01&factor=%20kf-01%20&factor=&kind=data&other=x"), CONFIG);
    expect(view.filters).toEqual({ factor: ["kf-01"], kind: ["data"] });
  });

  it("lets the last sort win and drops malformed sort entries", () => {
    expect(parseTableState(new URLSearchParams("sort=date.desc&sort=kind.asc"), CONFIG).sort).toEqual([{ id: "kind", desc: false }]);
    expect(parseTableState(new URLSearchParams("sort=kind,reviewer.desc,bad%20id,x.sideways"), CONFIG).sort).toEqual([
      { id: "kind", desc: false },
      { id: "reviewer", desc: true },
    ]);
    expect(parseTableState(new URLSearchParams("sort=%20,%20"), CONFIG).sort).toEqual(DEFAULT_VIEW.sort);
  });

  it("reads the page as a whole number from 1, and the search trimmed and capped at 200 characters", () => {
    expect(parseTableState(new URLSearchParams("page=3"), CONFIG).page).toBe(3);
    for (const page of ["0", "-2", "abc", ""]) expect(parseTableState(new URLSearchParams({ page }), CONFIG).page).toBe(1);
    expect(parseTableState(new URLSearchParams({ q: `  ${"a".repeat(300)}  ` }), CONFIG).q).toBe("a".repeat(200));
  });

  it("reads chosen columns once each, and a blank group as none", () => {
    const view = parseTableState(new URLSearchParams("cols=text&cols=kind&cols=text&cols=%20&group=%20"), CONFIG);
    expect(view.columns).toEqual(["text", "kind"]);
    expect(view.group).toBeNull();
  });
});

describe("writing a view to the URL", () => {
  it("writes nothing for the default view", () => {
    expect(tableStateToSearchParams(DEFAULT_VIEW, CONFIG).toString()).toBe("");
  });

  it("writes every part of a chosen view, and reads back the same view", () => {
    const view: TableState = {
      q: "logement",
      sort: [{ id: "kind", desc: false }],
      filters: { factor: ["kf-01", "kf-02"], kind: ["data"] },
      columns: ["text", "kind"],
      group: "factor",
      page: 2,
    };
    const params = tableStateToSearchParams(view, CONFIG);
    expect(params.toString()).toBe("q=logement&factor=kf-01&factor=kf-02&kind=data&sort=kind.asc&cols=text&cols=kind&group=factor&page=2");
    expect(parseTableState(params, CONFIG)).toEqual(view);
  });

  it("keeps parameters the table does not own and drops the transient ones and the old view", () => {
    const base = new URLSearchParams("tab=notes&saved=abc&deleted=x&factor=kf-09&q=old&page=4");
    const params = tableStateToSearchParams({ ...DEFAULT_VIEW, q: "new" }, CONFIG, base);
    expect(params.toString()).toBe("tab=notes&q=new");
    expect(foreignParams(base, CONFIG)).toEqual([["tab", "notes"]]);
  });

  it("serialises a sort as id.direction pairs", () => {
    expect(
      serializeSort([
        { id: "date", desc: true },
        { id: "kind", desc: false },
      ]),
    ).toBe("date.desc,kind.asc");
    expect(serializeSort([])).toBe("");
  });
});

describe("choosing columns", () => {
  const hideable = ["text", "factors", "kind", "date"];

  it("keeps the table's order and answers null for the default set", () => {
    expect(normaliseColumns(["date", "text"], hideable)).toEqual(["text", "date"]);
    expect(normaliseColumns(["date", "kind", "factors", "text"], hideable)).toBeNull();
    expect(normaliseColumns(["text", "kind"], hideable, ["kind", "text"])).toBeNull();
    expect(normaliseColumns(["text"], hideable, ["kind", "text"])).toEqual(["text"]);
    expect(normaliseColumns(null, hideable)).toBeNull();
  });

  it("ignores column ids the table does not have", () => {
    expect(normaliseColumns(["text", "nonsense"], hideable)).toEqual(["text"]);
  });
});
