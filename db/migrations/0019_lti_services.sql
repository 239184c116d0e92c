CREATE TABLE "lti_deep_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"platform_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"sub" text NOT NULL,
	"deployment_id" text NOT NULL,
	"return_url" text NOT NULL,
	"data" text,
	"context_title" text,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lti_grade_posts" (
	"event_id" text NOT NULL,
	"resource_link_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"line_item_url" text NOT NULL,
	"score" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"outcome" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lti_grade_posts_event_id_resource_link_id_pk" PRIMARY KEY("event_id","resource_link_id")
);
--> statement-breakpoint
CREATE TABLE "lti_resource_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"resource_link_id" text NOT NULL,
	"context_id" text,
	"title" text,
	"activity" text NOT NULL,
	"line_item_url" text,
	"line_items_url" text,
	"ags_scopes" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lti_resource_links_uq" UNIQUE("platform_id","resource_link_id")
);
--> statement-breakpoint
ALTER TABLE "lti_contexts" ADD COLUMN "memberships_url" text;--> statement-breakpoint
ALTER TABLE "lti_contexts" ADD COLUMN "roster_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lti_deep_links" ADD CONSTRAINT "lti_deep_links_platform_id_lti_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."lti_platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_grade_posts" ADD CONSTRAINT "lti_grade_posts_event_id_learning_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_grade_posts" ADD CONSTRAINT "lti_grade_posts_resource_link_id_lti_resource_links_id_fk" FOREIGN KEY ("resource_link_id") REFERENCES "public"."lti_resource_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_grade_posts" ADD CONSTRAINT "lti_grade_posts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_resource_links" ADD CONSTRAINT "lti_resource_links_platform_id_lti_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."lti_platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lti_deep_links_expires_idx" ON "lti_deep_links" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "lti_grade_posts_link_idx" ON "lti_grade_posts" USING btree ("resource_link_id","created_at");--> statement-breakpoint
CREATE INDEX "lti_grade_posts_user_idx" ON "lti_grade_posts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "lti_resource_links_activity_idx" ON "lti_resource_links" USING btree ("platform_id","activity");--> statement-breakpoint
CREATE INDEX "lti_contexts_cohort_idx" ON "lti_contexts" USING btree ("cohort_id");