CREATE TABLE "follow_ups" (
	"review_id" text NOT NULL,
	"recommendation_id" text NOT NULL,
	"host_account" text DEFAULT '' NOT NULL,
	"host_updated_by" text,
	"host_updated_at" bigint,
	"verdict" text,
	"evidence_id" text,
	"verdict_by" text,
	"verdict_at" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_ups_review_id_recommendation_id_pk" PRIMARY KEY("review_id","recommendation_id")
);
--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "continues_id" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "previous_review_id" text;--> statement-breakpoint
ALTER TABLE "sa_answers" ADD COLUMN "carried_over_from" bigint;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_host_updated_by_users_id_fk" FOREIGN KEY ("host_updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_verdict_by_users_id_fk" FOREIGN KEY ("verdict_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_continues_id_recommendations_id_fk" FOREIGN KEY ("continues_id") REFERENCES "public"."recommendations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_previous_review_id_reviews_id_fk" FOREIGN KEY ("previous_review_id") REFERENCES "public"."reviews"("id") ON DELETE set null ON UPDATE no action;