CREATE TABLE "institution_lrs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"auth_key" text NOT NULL,
	"auth_secret" text NOT NULL,
	"send_email" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institution_lrs_institution_id_unique" UNIQUE("institution_id")
);
--> statement-breakpoint
CREATE TABLE "xapi_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lrs_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"user_id" uuid,
	"statement" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"outcome" text,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "institution_lrs" ADD CONSTRAINT "institution_lrs_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_lrs_id_institution_lrs_id_fk" FOREIGN KEY ("lrs_id") REFERENCES "public"."institution_lrs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_event_id_learning_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."learning_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xapi_statements" ADD CONSTRAINT "xapi_statements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "xapi_statements_pending_idx" ON "xapi_statements" USING btree ("lrs_id","next_attempt_at") WHERE done_at is null;--> statement-breakpoint
CREATE INDEX "xapi_statements_event_idx" ON "xapi_statements" USING btree ("event_id");