-- The day an entity's fiscal year ends, as MM-DD ("09-30" for a year ending in September), so that
-- "fiscal 2024" or "im vierten Quartal seines Geschäftsjahres" in a text can be given its dates.
-- NULL: not told (the figures of an SEC import tell it, else the calendar year is assumed).
-- Expand only: replicas that do not know the column ignore it.
ALTER TABLE subjects ADD COLUMN fiscal_year_end CHAR(5) NULL;
