DROP TABLE plan_window_changes;
