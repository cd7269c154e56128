-- The database's change counter (docs/decisions/0029): every INSERT, UPDATE, DELETE or TRUNCATE
-- statement on an application table moves it, committed or not, from any instance, as SQLite's
-- total_changes() does for one connection. The evidence log's cache and the browser's copy of
-- the log key on it. A sequence, so moving it takes no row lock and is seen at once by every
-- session. test/db/pg-migrate.test.ts checks that every table has the trigger.
CREATE SEQUENCE "change_counter";
--> statement-breakpoint
CREATE FUNCTION "count_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('change_counter');
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  name text;
BEGIN
  FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('CREATE TRIGGER "count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "count_change"()', name);
  END LOOP;
END
$$;
