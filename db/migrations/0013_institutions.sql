CREATE TYPE "public"."institution_role" AS ENUM('admin', 'instructor', 'viewer');--> statement-breakpoint
CREATE TABLE "institution_staff" (
	"institution_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "institution_role" NOT NULL,
	"appointed_by" uuid,
	"appointed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institution_staff_institution_id_user_id_pk" PRIMARY KEY("institution_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cohort_staff" (
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_staff_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "institution_id" uuid;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "short_name" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "province" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "email_domain" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "signatory_name" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "signatory_title" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "logo" "bytea";--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "logo_version" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "institution_staff" ADD CONSTRAINT "institution_staff_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_staff" ADD CONSTRAINT "institution_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_staff" ADD CONSTRAINT "institution_staff_appointed_by_users_id_fk" FOREIGN KEY ("appointed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_staff" ADD CONSTRAINT "cohort_staff_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_staff" ADD CONSTRAINT "cohort_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_staff" ADD CONSTRAINT "cohort_staff_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institution_staff_user_idx" ON "institution_staff" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cohort_staff_user_idx" ON "cohort_staff" USING btree ("user_id");--> statement-breakpoint
-- Until now whoever created a cohort ran it: each becomes an instructor of that cohort's institution
-- (a platform admin who created one keeps the platform's powers and is recorded the same way).
INSERT INTO "institution_staff" ("institution_id", "user_id", "role", "appointed_at")
SELECT DISTINCT c."institution_id", c."owner_id", 'instructor'::"institution_role", now() FROM "cohorts" c
ON CONFLICT DO NOTHING;
