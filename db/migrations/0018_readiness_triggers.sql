-- The readiness rollup stays exact: every write to a learner's evidence bumps their change count
-- (readiness_changes.seq) in the writing transaction itself, whatever wrote it (a lesson, a quiz
-- start or grade, a consult start, abandon or finish, an offline sync, an erasure, a seed). A
-- rollup row computed at an older count is recomputed before it is shown. Updates count only when
-- they touch what the readiness figures read, so saving an answer or taking a consult step costs
-- nothing here. Users are locked in id order, so two bulk writes never deadlock on them.
CREATE OR REPLACE FUNCTION readiness_bump(user_ids uuid[]) RETURNS void AS $$
BEGIN
  INSERT INTO readiness_changes AS rc (user_id, seq)
  SELECT DISTINCT u.id, 1 FROM users u WHERE u.id = ANY (user_ids) ORDER BY u.id
  ON CONFLICT (user_id) DO UPDATE SET seq = rc.seq + 1;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION readiness_bump_inserted() RETURNS trigger AS $$
BEGIN
  PERFORM readiness_bump(ARRAY(SELECT DISTINCT user_id FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION readiness_bump_deleted() RETURNS trigger AS $$
BEGIN
  PERFORM readiness_bump(ARRAY(SELECT DISTINCT user_id FROM old_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION readiness_bump_updated() RETURNS trigger AS $$
BEGIN
  PERFORM readiness_bump(ARRAY[NEW.user_id, OLD.user_id]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER lesson_completions_readiness_ins AFTER INSERT ON lesson_completions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION readiness_bump_inserted();
--> statement-breakpoint
CREATE TRIGGER lesson_completions_readiness_del AFTER DELETE ON lesson_completions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION readiness_bump_deleted();
--> statement-breakpoint
CREATE TRIGGER lesson_completions_readiness_upd AFTER UPDATE OF user_id, module_slug, lesson_slug ON lesson_completions FOR EACH ROW EXECUTE FUNCTION readiness_bump_updated();
--> statement-breakpoint
CREATE TRIGGER quiz_attempts_readiness_ins AFTER INSERT ON quiz_attempts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION readiness_bump_inserted();
--> statement-breakpoint
CREATE TRIGGER quiz_attempts_readiness_del AFTER DELETE ON quiz_attempts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION readiness_bump_deleted();
--> statement-breakpoint
CREATE TRIGGER quiz_attempts_readiness_upd AFTER UPDATE OF user_id, quiz_id, started_at, submitted_at, grade, score, domain_credit ON quiz_attempts FOR EACH ROW EXECUTE FUNCTION readiness_bump_updated();
--> statement-breakpoint
CREATE TRIGGER consult_attempts_readiness_ins AFTER INSERT ON consult_attempts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION readiness_bump_inserted();
--> statement-breakpoint
CREATE TRIGGER consult_attempts_readiness_del AFTER DELETE ON consult_attempts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION readiness_bump_deleted();
--> statement-breakpoint
CREATE TRIGGER consult_attempts_readiness_upd AFTER UPDATE OF user_id, case_id, started_at, finished_at, passed, score, result ON consult_attempts FOR EACH ROW EXECUTE FUNCTION readiness_bump_updated();
--> statement-breakpoint
-- The rollup's JSON figures (modules, domains, requirements) are stored out of line, so the
-- national view, which reads every row's progress and domain percents, scans a narrow heap.
ALTER TABLE learner_readiness SET (toast_tuple_target = 128);
