ALTER TYPE "public"."role" ADD VALUE 'reviewer';--> statement-breakpoint
CREATE TABLE "certificate_holds" (
	"user_id" uuid NOT NULL,
	"programme_id" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "certificate_holds_user_id_programme_id_pk" PRIMARY KEY("user_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_holds" ADD CONSTRAINT "certificate_holds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_holds_programme_idx" ON "certificate_holds" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "review_decisions_item_idx" ON "review_decisions" USING btree ("item_kind","item_id","decided_at");--> statement-breakpoint
CREATE INDEX "review_decisions_decided_idx" ON "review_decisions" USING btree ("decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_decisions_key_uq" ON "review_decisions" USING btree ("reviewer_id","idempotency_key");