DROP TABLE import_jobs; DROP TABLE audit_events; DROP TABLE api_clients; DROP TABLE refresh_tokens;
DROP TABLE pickup_persons; DROP TABLE student_guardians; DROP TABLE guardians; DROP TABLE students;
DROP TABLE rooms; DROP TABLE homerooms; DROP TABLE staff; DROP TABLE users; DROP TABLE terms;
DROP TABLE schools; DROP TABLE districts; DROP TABLE settings;
