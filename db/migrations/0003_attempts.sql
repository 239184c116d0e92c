CREATE TABLE "consult_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"state" jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"note" jsonb,
	"result" jsonb,
	"score" double precision,
	"passed" boolean,
	"critical_errors" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"quiz_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"seed" integer NOT NULL,
	"paper" jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"grade" jsonb,
	"score" double precision,
	"passed" boolean
);
--> statement-breakpoint
ALTER TABLE "consult_attempts" ADD CONSTRAINT "consult_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consult_attempts_user_case_idx" ON "consult_attempts" USING btree ("user_id","case_id","started_at");--> statement-breakpoint
CREATE INDEX "consult_attempts_case_finished_idx" ON "consult_attempts" USING btree ("case_id","finished_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consult_attempts_one_open_uq" ON "consult_attempts" USING btree ("user_id","case_id") WHERE finished_at is null;--> statement-breakpoint
CREATE INDEX "quiz_attempts_user_quiz_idx" ON "quiz_attempts" USING btree ("user_id","quiz_id","started_at");--> statement-breakpoint
CREATE INDEX "quiz_attempts_quiz_submitted_idx" ON "quiz_attempts" USING btree ("quiz_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_one_open_uq" ON "quiz_attempts" USING btree ("user_id","quiz_id") WHERE submitted_at is null;