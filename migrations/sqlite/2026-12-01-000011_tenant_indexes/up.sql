-- Every tenant table has an index leading with school_id (the tenant filter of every
-- query, and the shard key of a distributed PostgreSQL).
CREATE INDEX notice_receipts_school_text_student ON notice_receipts (school_id, text_id, student_id);
