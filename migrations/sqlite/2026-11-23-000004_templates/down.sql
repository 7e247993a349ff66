ALTER TABLE plan_texts DROP COLUMN template_id;
ALTER TABLE service_plans DROP COLUMN exemption_categories;
DROP TABLE text_templates;
