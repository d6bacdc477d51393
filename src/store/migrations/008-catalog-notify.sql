-- Server mode caches the catalogue (business, services, staff, hours, days off) in each process
-- and must drop it when any process — or an operator with psql — changes it. Every statement that
-- changes a catalogue table notifies channel `slotwise_catalog`; PostgreSQL delivers the
-- notification at commit (never for a rolled-back change) to every listening connection
-- (store/catalog-listener.ts). Nobody listens in embedded mode, where the notification is dropped.
CREATE FUNCTION slotwise_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('slotwise_catalog', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER business_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON business
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER services_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER staff_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER staff_services_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_services
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER working_hours_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON working_hours
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER days_off_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON days_off
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
