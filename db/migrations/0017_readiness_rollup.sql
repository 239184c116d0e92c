CREATE TABLE "readiness_changes" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learner_readiness" (
	"user_id" uuid NOT NULL,
	"programme_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"computed_seq" bigint NOT NULL,
	"progress" double precision NOT NULL,
	"started" boolean NOT NULL,
	"earned" boolean NOT NULL,
	"modules" jsonb NOT NULL,
	"domains" jsonb NOT NULL,
	"domain_percents" smallint[] NOT NULL,
	"requirements" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learner_readiness_user_id_programme_id_pk" PRIMARY KEY("user_id","programme_id")
);
--> statement-breakpoint
ALTER TABLE "readiness_changes" ADD CONSTRAINT "readiness_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_readiness" ADD CONSTRAINT "learner_readiness_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consult_attempts_critical_idx" ON "consult_attempts" USING btree ("user_id") WHERE finished_at is not null and jsonb_array_length(critical_errors) > 0;--> statement-breakpoint
CREATE INDEX "cohorts_institution_idx" ON "cohorts" USING btree ("institution_id");