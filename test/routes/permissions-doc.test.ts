import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderPermissionsDoc } from "#app/utils/permissions-doc";
import { can, decide, PERMISSION_MATRIX } from "#app/utils/permissions";

describe("docs/permissions.md", () => {
  it("is the matrix in code, rendered (run `npm run docs:permissions` when this fails)", () => {
    expect(fs.readFileSync("docs/permissions.md", "utf8")).toBe(renderPermissionsDoc());
  });
});

describe("the matrix", () => {
  it("keeps interview evidence away from the host city", () => {
    for (const role of ["host-team", "host-reader"] as const) {
      expect(can(role, "evidence:read", "peer-visit")).toBe(false);
      expect(can(role, "evidence:read", "issued")).toBe(false);
    }
  });

  it("makes an issued review read-only for everyone", () => {
    for (const [permission, grants] of Object.entries(PERMISSION_MATRIX)) {
      if (permission.endsWith(":read")) continue;
      // The one exception (decision 0019): the lead moves an issued review back to correct it; the
      // issued files stay as stored and the correction is issued as a new version.
      if (permission === "phase:move") {
        expect(Object.keys(grants), permission).toEqual(["lead-expert"]);
        continue;
      }
      // The other: archiving puts a finished review away (read-only, out of the lists) and changes
      // nothing in it; an issued review is the one most often archived.
      if (permission === "review:archive") {
        expect(Object.keys(grants), permission).toEqual(["lead-expert"]);
        continue;
      }
      // The development plan is carried out after the issue (issue 20): its actions are planned and
      // their progress recorded then; the conclusions and the report stay frozen. The partner
      // register is the city's, not the issued review's.
      if (permission === "plan:manage" || permission === "partners:manage") {
        expect(Object.keys(grants).sort(), permission).toEqual(["host-team", "lead-expert"]);
        continue;
      }
      if (permission === "plan:update") {
        expect(Object.keys(grants).sort(), permission).toEqual(["host-team", "lead-expert", "plan-partner"]);
        continue;
      }
      // And starting the next cycle (issue 20): it writes a new review of the city, nothing in the issued one.
      if (permission === "cycle:start") {
        expect(Object.keys(grants), permission).toEqual(["lead-expert"]);
        continue;
      }
      for (const phases of Object.values(grants) as (readonly string[])[]) expect(phases, permission).not.toContain("issued");
    }
  });

  it("tells a missing role from a closed phase", () => {
    expect(decide("host-team", "self-assessment:write", "drafting")).toBe("wrong-phase");
    expect(decide("host-reader", "self-assessment:write", "self-assessment")).toBe("forbidden");
    expect(decide("host-team", "self-assessment:write", "peer-visit")).toBe("allowed");
  });

  it("lets the host team read the draft only during the factual check, and the host reader only once issued", () => {
    expect(can("host-team", "report:read", "drafting")).toBe(false);
    expect(can("host-team", "report:read", "factual-check")).toBe(true);
    expect(can("host-reader", "report:read", "factual-check")).toBe(false);
    expect(can("host-reader", "report:read", "issued")).toBe(true);
  });
});
