-- Segments of a session (relax, homework, club).
ALTER TABLE offerings ADD COLUMN segments TEXT NOT NULL DEFAULT '[]';
