DROP TABLE invitations;
DROP INDEX students_national_no;
ALTER TABLE students DROP COLUMN national_no;
ALTER TABLE users DROP COLUMN last_sign_in_at;
ALTER TABLE schools DROP COLUMN kind;
