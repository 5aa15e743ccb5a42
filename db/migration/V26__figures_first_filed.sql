-- When a value for a figure's period was first reported at all (for a derived figure, when the
-- last of its parts was). A restatement moves filed_on, not this: a claim judged on "the latest
-- period reported when it was said" keeps its period when that period is restated later. Existing
-- rows start from filed_on; the next import of the entity sets the real date.
ALTER TABLE figures ADD COLUMN first_filed_on DATE NULL;
UPDATE figures SET first_filed_on = filed_on;
