import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { asyncDbOf } from "#db/async-db";
import { createDb, migrateDb } from "#db/client";
import { seedDemo } from "#db/seed/index";

function tempPath(name: string) {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "workbench-cities-")), name);
}

/** A copy of the migrations folder without `tag` and those after it: the database as the release before it left it. */
function migrationsBefore(tag: string) {
  const folder = tempPath("migrations");
  fs.cpSync("db/migrations", folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(index).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const CONTENT_TABLES = ["reviews", "review_members", "sa_answers", "sa_factors", "city_actions", "evidence", "conclusions", "recommendations", "audit_log"];

describe("the cities migration (0010)", () => {
  it("runs on a copy of a database holding the demo: every review, answer and recommendation is kept and attached to its city", async () => {
    // The demo as it is seeded today, copied column by column into a database that stops before 0010.
    const demo = tempPath("demo.sqlite");
    const seeded = createDb(demo);
    migrateDb(seeded);
    await seedDemo(asyncDbOf(seeded));
    seeded.$client.close();

    const db = createDb(tempPath("before-cities.sqlite"));
    migrate(db, { migrationsFolder: migrationsBefore("0010_cities") });
    const sqlite = db.$client;
    sqlite.pragma("foreign_keys = OFF");
    sqlite.prepare("attach database ? as demo").run(demo);
    const tables = sqlite
      .prepare(
        "select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and sql not like 'CREATE VIRTUAL%'",
      )
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const columns = (sqlite.prepare(`select name from pragma_table_info('${table}')`).pluck().all() as string[]).map((c) => `"${c}"`).join(", ");
      sqlite.prepare(`insert into main."${table}" (${columns}) select ${columns} from demo."${table}"`).run();
    }
    // A second city, written twice with its reviews in two languages, to show the grouping.
    for (const [id, locales] of [
      ["eastport-1", '["en"]'],
      ["eastport-2", '["fr"]'],
    ] as const) {
      sqlite
        .prepare(
          "insert into reviews (id, host_city, country, framework_id, framework_version, kind, time_zone, report_locales, created_at) values (?, 'Eastport', 'Ireland', 'eurocities-anti-discrimination', '2012.1', 'peer-review', 'Europe/Dublin', ?, 1000)",
        )
        .run(id, locales);
      sqlite
        .prepare(
          "insert into recommendations (id, review_id, factor_id, text, priority, horizon, position) values (?, ?, 'kf-01', 'Publish the data', 'high', 'short', 0)",
        )
        .run(`rec-${id}`, id);
    }
    sqlite.prepare("detach database demo").run();
    sqlite.pragma("foreign_keys = ON");
    const count = (table: string) => sqlite.prepare(`select count(*) from "${table}"`).pluck().get() as number;
    const before = Object.fromEntries(CONTENT_TABLES.map((table) => [table, count(table)]));
    expect(before.reviews).toBe(5);
    expect(before.sa_answers).toBeGreaterThan(0);
    expect(before.recommendations).toBeGreaterThan(2);

    migrateDb(db);

    expect(Object.fromEntries(CONTENT_TABLES.map((table) => [table, count(table)]))).toEqual(before);
    expect(sqlite.prepare("select name, country, time_zone as timeZone, languages from cities order by name").all()).toEqual([
      { name: "Belleforge", country: "France", timeZone: "Europe/Paris", languages: '["fr","en"]' },
      { name: "Eastport", country: "Ireland", timeZone: "Europe/Dublin", languages: expect.stringMatching(/^\["(en|fr)","(fr|en)"\]$/) },
    ]);
    // Every review is attached to the city of its name and country.
    expect(
      sqlite
        .prepare("select r.id, c.name from reviews r left join cities c on c.id = r.city_id where c.name is not r.host_city or c.country is not r.country")
        .all(),
    ).toEqual([]);
    expect(sqlite.prepare("select r.id from reviews r join cities c on c.id = r.city_id where c.name = 'Belleforge' order by r.id").pluck().all()).toEqual([
      "demo",
      "demo-2023",
      "demo-eccar",
    ]);
    // Answers and recommendations reach their city through their review.
    for (const table of ["sa_answers", "recommendations"]) {
      const attached = sqlite.prepare(`select count(*) from "${table}" t join reviews r on r.id = t.review_id join cities c on c.id = r.city_id`).pluck().get();
      expect(attached).toBe(before[table]);
    }
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    sqlite.close();
  });
});
