-- Review decisions are an accreditation record: like the audit log, the database itself refuses to
-- change or remove one. A correction is a new decision.
CREATE OR REPLACE FUNCTION review_decisions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'review_decisions is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER review_decisions_append_only
  BEFORE UPDATE OR DELETE ON review_decisions
  FOR EACH ROW EXECUTE FUNCTION review_decisions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER review_decisions_no_truncate
  BEFORE TRUNCATE ON review_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION review_decisions_refuse_change();
