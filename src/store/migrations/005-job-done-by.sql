-- Which worker finished a job (locked_by is cleared at completion). Worker ids are
-- "host:pid:random", so an operator can see which process sent what, and tests can check that
-- several processes shared the work.
ALTER TABLE jobs ADD COLUMN done_by text;
