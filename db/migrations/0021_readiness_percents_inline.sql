-- The institution and national views sum every member's domain percents in the database. With the
-- rollup's small TOAST target (0018: its JSON out of line, so the heap stays narrow) the 36-byte
-- percents array was moved out of line too, and reading it cost a TOAST lookup per row (about half
-- of a 55,000-learner national read). MAIN keeps it in the row unless the row could not fit a page;
-- the JSON columns stay out of line. Existing rows are rewritten with a fresh copy of the array
-- (an unchanged value would keep its TOAST pointer); this touches no evidence, so no row turns stale.
ALTER TABLE learner_readiness ALTER COLUMN domain_percents SET STORAGE MAIN;
--> statement-breakpoint
UPDATE learner_readiness SET domain_percents = domain_percents || '{}'::smallint[];
