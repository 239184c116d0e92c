ALTER TABLE "users" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "users_deletion_due_idx" ON "users" USING btree ("deletion_requested_at") WHERE deletion_requested_at is not null and erased_at is null;--> statement-breakpoint
-- Hand-written (keep when regenerating): the audit log stays append-only, except that erasing an
-- account may rewrite an entry's `detail` (to replace the person's name and addresses) inside a
-- transaction that set `app.privacy_erasure` to 'on' (db/queries/privacy.ts, applyErasure). Everything else about
-- the entry must stay as it was.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('app.privacy_erasure', true) = 'on'
    AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
    AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.subject_type = OLD.subject_type
    AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
