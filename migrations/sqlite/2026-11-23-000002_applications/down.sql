DROP TABLE idempotency_keys; DROP TABLE application_events; DROP TABLE application_offerings;
DROP TABLE applications; DROP TABLE notice_receipts; DROP TABLE plan_texts; DROP TABLE offerings;
DROP TABLE service_plans;
