import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase } from "#db/backup";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { asyncDbOf } from "#db/async-db";
import { createDb, migrateDb, MIGRATIONS_FOLDER } from "#db/client";
import { DEMO_ACCOUNTS, seedDemo } from "#db/seed/index";

function tempPath(name: string) {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "workbench-db-")), name);
}

describe("migrations", () => {
  it("apply to a fresh database and are idempotent", () => {
    const file = tempPath("fresh.sqlite");
    const db = createDb(file);
    migrateDb(db);
    const tables = () =>
      db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    const first = tables();
    expect(first).toEqual(
      expect.arrayContaining([
        "users",
        "reviews",
        "review_members",
        "sa_answers",
        "documents",
        "interviews",
        "evidence",
        "conclusions",
        "recommendations",
        "context_notes",
        "audit_log",
        "city_actions",
        "city_action_years",
        "prefill_decisions",
      ]),
    );
    migrateDb(db);
    expect(tables()).toEqual(first);
    const applied = db.$client.prepare("select count(*) from __drizzle_migrations").pluck().get();
    expect(applied).toBe(fs.readdirSync("db/migrations").filter((f) => f.endsWith(".sql")).length);
    db.$client.close();
  });

  it("turn default attributions stored as English or French words into category codes, and leave typed words alone", () => {
    // The database as it was before 0007: the migrations up to 0006 only.
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-migrations-"));
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
    const upTo = journal.entries.filter((entry) => entry.idx <= 6);
    fs.mkdirSync(path.join(before, "meta"));
    fs.writeFileSync(path.join(before, "meta/_journal.json"), JSON.stringify({ ...journal, entries: upTo }));
    for (const entry of upTo) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(before, `${entry.tag}.sql`));
    const db = createDb(tempPath("attributions.sqlite"));
    migrate(db, { migrationsFolder: before });
    // Only the evidence rows matter here: the review and author they point to are left out.
    db.$client.pragma("foreign_keys = OFF");
    const insert = db.$client.prepare(
      "insert into evidence (id, review_id, kind, text, search_text, polarity, attribution, created_by, created_at, version) values (?, 'demo', 'interview-quote', 'x', 'x', 'supports', ?, 'demo-peer', 0, 1)",
    );
    insert.run("old-en", "an NGO representative");
    insert.run("old-fr-role", "une personne élue (adjointe au maire)");
    insert.run("old-typed", "une juriste associative");
    migrateDb(db);
    const read = db.$client.prepare("select attribution, attribution_category as category, attribution_role as role from evidence where id = ?");
    expect(read.get("old-en")).toEqual({ attribution: "", category: "ngo", role: null });
    expect(read.get("old-fr-role")).toEqual({ attribution: "", category: "elected-official", role: "adjointe au maire" });
    expect(read.get("old-typed")).toEqual({ attribution: "une juriste associative", category: null, role: null });
    db.$client.close();
  });

  it("open the file with WAL, foreign keys and a busy timeout", () => {
    const db = createDb(tempPath("pragmas.sqlite"));
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    // 1 = NORMAL, 2 = FULL (SQLITE_SYNCHRONOUS=full)
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(1);
    db.$client.close();
    const full = createDb(tempPath("full.sqlite"), { synchronous: "full" });
    expect(full.$client.pragma("synchronous", { simple: true })).toBe(2);
    full.$client.close();
  });

  it("explain an unwritable database folder in one line", () => {
    const notAFolder = tempPath("plain-file");
    fs.writeFileSync(notAFolder, "");
    expect(() => createDb(path.join(notAFolder, "db.sqlite"))).toThrow(/cannot be created or written/);
  });
});

/** A copy of the migrations folder holding only the migrations before `tag`: a database as an older release left it. */
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

describe("upgrading a database", () => {
  it("keeps factual comments and issued reports when review_running reshapes their tables", () => {
    const db = createDb(tempPath("upgrade.sqlite"));
    migrate(db, { migrationsFolder: migrationsBefore("0006_review_running") });
    const sqlite = db.$client;
    sqlite.prepare("insert into users (id, email, name, password_hash) values ('u1', 'a@b.test', 'A', 'x')").run();
    sqlite
      .prepare("insert into reviews (id, host_city, country, framework_id, framework_version, kind) values ('r1', 'City', 'FR', 'f', '1', 'peer-review')")
      .run();
    sqlite
      .prepare("insert into factual_comments (id, review_id, factor_id, text, author_id, response) values ('c1', 'r1', 'kf-01', 'Wrong date', 'u1', 'Fixed')")
      .run();
    sqlite.prepare("insert into issued_reports (review_id, locale, sha256, pdf, pages, issued_at) values ('r1', 'fr', 'abc', x'25504446', 3, 1000)").run();
    migrateDb(db);
    expect(sqlite.prepare("select part, factor_id, text, response, outcome from factual_comments").get()).toEqual({
      part: "factor",
      factor_id: "kf-01",
      text: "Wrong date",
      response: "Fixed",
      outcome: null,
    });
    expect(sqlite.prepare("select locale, version, sha256, pages, issue_reason, superseded_at from issued_reports").get()).toEqual({
      locale: "fr",
      version: 1,
      sha256: "abc",
      pages: 3,
      issue_reason: null,
      superseded_at: null,
    });
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    sqlite.close();
  });
});

describe("backup", () => {
  it("makes a copy that opens as a working database with the same data", async () => {
    const db = createDb(tempPath("live.sqlite"));
    migrateDb(db);
    await seedDemo(asyncDbOf(db));
    const target = tempPath("backup.sqlite");
    await backupDatabase(db, target);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.prepare("select host_city from reviews where id = 'demo'").pluck().get()).toBe("Belleforge");
    expect(copy.prepare("select count(*) from users").pluck().get()).toBe(DEMO_ACCOUNTS.length);
    copy.close();
    db.$client.close();
  });

  it("refuses to overwrite an existing file and leaves nothing half-written", async () => {
    const db = createDb(tempPath("live2.sqlite"));
    migrateDb(db);
    const target = tempPath("exists.sqlite");
    fs.writeFileSync(target, "keep me");
    await expect(backupDatabase(db, target)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    db.$client.close();
  });
});
