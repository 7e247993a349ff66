ALTER TABLE club_choices DROP COLUMN queue_position;
ALTER TABLE club_choices DROP COLUMN placement;
ALTER TABLE clubs DROP COLUMN waiting;
ALTER TABLE clubs DROP COLUMN taken;
