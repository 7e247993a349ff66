ALTER TABLE offerings DROP COLUMN segments;
