import { Link } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import type { EvidenceLogRow } from "#app/models/evidence-log.server";
import { INTERVIEW_SOURCED, useHydrated, useLabels, useRowActions, type CellLabels } from "./labels";
import { useTextLanguage } from "#app/utils/text-language";

function DocumentLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target={href.startsWith("http") ? "_blank" : undefined} rel="noreferrer">
      {children}
    </a>
  );
}

function TextCell({ row }: { row: EvidenceLogRow }) {
  const labels = useLabels();
  const textLang = useTextLanguage(row.language);
  const { search } = useRowActions();
  if (row.source === "document") {
    return (
      <>
        {row.document?.href ? <DocumentLink href={row.document.href}>{row.text}</DocumentLink> : row.text}
        <br />
        <span className="muted">{labels.hostDocument}</span>
      </>
    );
  }
  return (
    <>
      {INTERVIEW_SOURCED.includes(row.kind) ? (
        <q className="evidence-text" lang={textLang}>
          {row.text}
        </q>
      ) : (
        <span className="evidence-text" lang={textLang}>
          {row.text}
        </span>
      )}
      {row.truncated ? (
        <>
          {" "}
          <Link to={{ pathname: row.id, search }} aria-label={`${labels.readAll}: ${row.text.slice(0, 40)}…`}>
            {labels.readAll}
          </Link>
        </>
      ) : null}
      {row.attribution ? <span className="attribution"> — {row.attribution}</span> : null}
      {row.document ? <span className="muted attribution">{labels.sourceDocument(row.document.title)}</span> : null}
    </>
  );
}

function FactorsCell({ ids }: { ids: readonly string[] }) {
  const labels = useLabels();
  return (
    <ul className="factor-list">
      {ids.map((id) => {
        const factor = labels.factors.get(id);
        return (
          <li key={id}>
            <abbr title={factor?.long ?? id}>{factor?.short ?? id}</abbr>
          </li>
        );
      })}
    </ul>
  );
}

/** When an item was logged (day and time); a host-city document's own date (day and year, no time). */
function DateCell({ ms, dayOnly }: { ms: number; dayOnly: boolean }) {
  const labels = useLabels();
  const iso = new Date(ms).toISOString();
  if (dayOnly) {
    return (
      <time dateTime={iso.slice(0, 10)} className="nowrap">
        {labels.day(iso.slice(0, 10))}
      </time>
    );
  }
  return (
    <time dateTime={iso} title={labels.moment(ms)} className="nowrap">
      {labels.short(ms)}
    </time>
  );
}

function ActionsCell({ row }: { row: EvidenceLogRow }) {
  const labels = useLabels();
  const { search, deleteUrl, submitDelete } = useRowActions();
  const hydrated = useHydrated();
  if (row.source === "document") {
    return row.document?.href ? <DocumentLink href={row.document.href}>{labels.openDocument}</DocumentLink> : null;
  }
  const when = labels.moment(row.date);
  return (
    <div className="row-actions">
      <Link to={{ pathname: row.id, search }} aria-label={row.canEdit ? labels.editLabel(when) : labels.viewLabel(when)}>
        {row.canEdit ? labels.edit : labels.view}
      </Link>
      {row.canEdit ? (
        <form
          method="post"
          action={deleteUrl}
          onSubmit={(event) => {
            event.preventDefault();
            submitDelete(event.currentTarget);
          }}
        >
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="evidenceId" value={row.id} />
          <input type="hidden" name="via" value={hydrated ? "fetcher" : "form"} />
          <button type="submit" className="button-link danger-link" aria-label={labels.deleteLabel(when)}>
            {labels.remove}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function Label({ of }: { of: (labels: CellLabels) => string | null }) {
  return <>{of(useLabels())}</>;
}

export const COLUMNS: ColumnDef<EvidenceLogRow, unknown>[] = [
  {
    id: "text",
    accessorKey: "text",
    meta: { labelKey: "evidence:columns.text", searchValue: (row) => `${row.text} ${row.attribution}`, className: "col-text" },
    cell: ({ row }) => <TextCell row={row.original} />,
  },
  {
    id: "factors",
    accessorFn: (row) => row.factors,
    meta: { labelKey: "evidence:columns.factors" },
    cell: ({ row }) => <FactorsCell ids={row.original.factors} />,
  },
  { id: "groupFactor", accessorFn: (row) => row.groupFactor ?? "", enableSorting: false, enableHiding: false, meta: { hidden: true } },
  {
    id: "kind",
    accessorKey: "kind",
    meta: { labelKey: "evidence:columns.kind" },
    cell: ({ row }) => <Label of={(labels) => labels.kinds[row.original.kind]} />,
  },
  {
    id: "polarity",
    accessorKey: "polarity",
    meta: { labelKey: "evidence:columns.polarity" },
    cell: ({ row }) =>
      row.original.polarity ? (
        <span className={`pill ${row.original.polarity}`}>
          <Label of={(labels) => labels.polarities[row.original.polarity!]} />
        </span>
      ) : null,
  },
  { id: "reviewer", accessorKey: "reviewerName", meta: { labelKey: "evidence:columns.reviewer" } },
  {
    id: "interview",
    accessorFn: (row) => row.interview?.id ?? "",
    meta: { labelKey: "evidence:columns.interview" },
    cell: ({ row }) => <Label of={(labels) => (row.original.interview ? labels.interview(row.original.interview) : null)} />,
  },
  {
    id: "category",
    accessorFn: (row) => row.categories,
    meta: { labelKey: "evidence:columns.category" },
    cell: ({ row }) => <Label of={(labels) => row.original.categories.map((category) => labels.categories[category]).join(", ")} />,
  },
  {
    id: "date",
    accessorKey: "date",
    sortDescFirst: true,
    meta: { labelKey: "evidence:columns.date" },
    cell: ({ row }) => <DateCell ms={row.original.date} dayOnly={row.original.source === "document"} />,
  },
  {
    id: "origin",
    accessorKey: "origin",
    meta: { labelKey: "evidence:columns.origin" },
    cell: ({ row }) => <Label of={(labels) => labels.origins[row.original.origin]} />,
  },
  {
    id: "actions",
    enableSorting: false,
    enableHiding: false,
    meta: { labelKey: "evidence:columns.actions" },
    cell: ({ row }) => <ActionsCell row={row.original} />,
  },
];

export const GROUP_OPTION_COLUMN = "groupFactor";
// The category and origin columns are a click away in the column chooser; the text cell already marks host-city documents.
export const DEFAULT_COLUMNS = ["text", "factors", "kind", "polarity", "reviewer", "interview", "date"];
