import fs from "node:fs";
import { renderPermissionsDoc } from "#app/utils/permissions-doc";

fs.writeFileSync("docs/permissions.md", renderPermissionsDoc());
console.log("docs/permissions.md written.");
