import { PERMISSION_MATRIX, PHASES, ROLES, ROUTE_ACCESS, type Permission } from "./permissions";

const ROLE_TITLES = {
  "host-team": "Host team",
  "peer-reviewer": "Peer reviewer",
  "lead-expert": "Lead expert",
  "host-reader": "Host reader",
  "plan-partner": "Plan partner",
} as const;

function cell(phases: readonly string[] | undefined) {
  if (!phases) return "—";
  if (phases.length === PHASES.length) return "always";
  return phases.join(", ");
}

/** docs/permissions.md, rendered from the matrix in code; a test fails when the file is stale. */
export function renderPermissionsDoc() {
  const lines = [
    "# Who may see and do what",
    "",
    "Generated from `app/utils/permissions.ts` by `npm run docs:permissions`; do not edit by hand.",
    "",
    "Roles are per review. The instance administrator manages accounts and reviews but reads a review's",
    "content only as a member. A non-member, administrator included, gets **404** on every URL under",
    "`/reviews/$reviewId`, exactly as for a review that does not exist, but one: the review's settings",
    "(`/reviews/$reviewId/settings`), where the administrator archives the review and hands the lead role",
    "on (an `admin or …` access below); a signed-out visitor is sent to",
    "`/login` (pages) or gets 401 (files and exports). A member whose role lacks a permission gets **403**;",
    "when only the phase stops a change, **409**. An issued review is read-only for everyone, but for its",
    "development plan (`plan:manage`, `plan:update`): the plan is carried out after the issue. A plan",
    "partner reads and updates only the plan actions its organisation owns, and nothing else of the review.",
    "",
    `Phases: ${PHASES.join(" → ")} (an internal self-assessment goes self-assessment → issued).`,
    "",
    "## Permissions by role (and the phases in which they apply)",
    "",
    `| Permission | ${ROLES.map((role) => ROLE_TITLES[role]).join(" | ")} |`,
    `|---|${ROLES.map(() => "---").join("|")}|`,
    ...(Object.keys(PERMISSION_MATRIX) as Permission[]).map((permission) => {
      const grants = PERMISSION_MATRIX[permission] as Partial<Record<(typeof ROLES)[number], readonly string[]>>;
      return `| \`${permission}\` | ${ROLES.map((role) => cell(grants[role])).join(" | ")} |`;
    }),
    "",
    "## Routes and the permission each checks first",
    "",
    "| Route module | Loader | Action |",
    "|---|---|---|",
    ...Object.entries(ROUTE_ACCESS).map(([route, access]) => {
      const action =
        access.action === undefined
          ? "—"
          : typeof access.action === "string"
            ? `\`${access.action}\``
            : Object.entries(access.action)
                .map(([intent, needed]) => `${intent}: \`${needed}\``)
                .join("<br>");
      return `| \`${route}\` | ${access.loader ? `\`${access.loader}\`` : "—"} | ${action} |`;
    }),
    "",
  ];
  return lines.join("\n");
}
