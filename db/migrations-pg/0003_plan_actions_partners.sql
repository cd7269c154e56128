CREATE TABLE "partner_trainings" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"date" text NOT NULL,
	"topic" text NOT NULL,
	"people_trained" integer NOT NULL,
	"created_by" text,
	"created_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" text PRIMARY KEY NOT NULL,
	"city_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"charter_signed_on" text,
	"created_by" text,
	"created_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_action_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"review_id" text NOT NULL,
	"recommendation_id" text NOT NULL,
	"note" text NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"author_id" text,
	"created_at" bigint DEFAULT (floor(extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"recommendation_id" text PRIMARY KEY NOT NULL,
	"review_id" text NOT NULL,
	"owner_service" text DEFAULT '' NOT NULL,
	"owner_partner_id" text,
	"axis" text DEFAULT '' NOT NULL,
	"start_date" text,
	"due_date" text,
	"indicator" text DEFAULT '' NOT NULL,
	"baseline" text DEFAULT '' NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'not-started' NOT NULL,
	"updated_by" text,
	"updated_at" bigint
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "partner_id" text;--> statement-breakpoint
ALTER TABLE "review_members" ADD COLUMN "partner_id" text;--> statement-breakpoint
ALTER TABLE "partner_trainings" ADD CONSTRAINT "partner_trainings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_trainings" ADD CONSTRAINT "partner_trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_updates" ADD CONSTRAINT "plan_action_updates_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_updates" ADD CONSTRAINT "plan_action_updates_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_updates" ADD CONSTRAINT "plan_action_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_partner_id_partners_id_fk" FOREIGN KEY ("owner_partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_trainings_partner_idx" ON "partner_trainings" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partners_city_idx" ON "partners" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "plan_action_updates_action_idx" ON "plan_action_updates" USING btree ("recommendation_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_actions_review_idx" ON "plan_actions" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "plan_actions_partner_idx" ON "plan_actions" USING btree ("owner_partner_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_members" ADD CONSTRAINT "review_members_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;