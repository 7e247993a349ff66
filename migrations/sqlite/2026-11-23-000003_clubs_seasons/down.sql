DROP TABLE service_requests; DROP TABLE club_choices; DROP TABLE clubs;
ALTER TABLE offerings DROP COLUMN season_times;
