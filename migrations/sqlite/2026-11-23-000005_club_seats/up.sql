-- Club seats: a guarded counter per club and a placement per choice.
ALTER TABLE clubs ADD COLUMN taken INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clubs ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE club_choices ADD COLUMN placement TEXT NOT NULL DEFAULT 'not_placed';
ALTER TABLE club_choices ADD COLUMN queue_position INTEGER;
