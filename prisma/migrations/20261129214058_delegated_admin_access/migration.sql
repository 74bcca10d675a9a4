-- AlterTable
ALTER TABLE "clinic_tickets" ADD COLUMN     "auth_session_id" UUID;

-- Hand-written: every app process caches what a clinic admin may do inside a clinic for a few
-- seconds; these tell it at once when that changes ("user:<id>" or "clinic:<subdomain>").
CREATE FUNCTION notify_admin_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'clinics' THEN
    PERFORM pg_notify('admin_access_changed', 'clinic:' || OLD.subdomain);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('admin_access_changed', 'user:' || OLD.user_id);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('admin_access_changed', 'user:' || NEW.id);
  ELSE
    PERFORM pg_notify('admin_access_changed', 'user:' || NEW.user_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER users_notify_admin_access
  AFTER UPDATE OF status, role, session_version ON "users"
  FOR EACH ROW EXECUTE FUNCTION notify_admin_access_changed();

CREATE TRIGGER auth_sessions_notify_admin_access
  AFTER UPDATE OF revoked_at OR DELETE ON "auth_sessions"
  FOR EACH ROW EXECUTE FUNCTION notify_admin_access_changed();

CREATE TRIGGER clinic_co_admins_notify_admin_access
  AFTER INSERT OR DELETE ON "clinic_co_admins"
  FOR EACH ROW EXECUTE FUNCTION notify_admin_access_changed();

CREATE TRIGGER clinics_notify_admin_access
  AFTER UPDATE OF owner_id, status, subdomain OR DELETE ON "clinics"
  FOR EACH ROW EXECUTE FUNCTION notify_admin_access_changed();
