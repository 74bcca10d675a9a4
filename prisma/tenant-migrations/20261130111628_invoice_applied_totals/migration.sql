-- CreateTable
CREATE TABLE "invoice_applied_totals" (
    "invoice_id" UUID NOT NULL,
    "applied_minor" INTEGER NOT NULL,
    "from_credit_minor" INTEGER NOT NULL,

    CONSTRAINT "invoice_applied_totals_pkey" PRIMARY KEY ("invoice_id")
);

-- AddForeignKey
ALTER TABLE "invoice_applied_totals" ADD CONSTRAINT "invoice_applied_totals_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the totals are derived by the database, never written by the clinic. Each allocation
-- is added to its invoice's row by a trigger in the allocation's own transaction (allocations are
-- written once, so an insert-only trigger is exact; a void's reversal is a negative allocation).
-- INSERT ... ON CONFLICT DO UPDATE takes the row's lock, so concurrent allocations add up exactly.
-- SECURITY DEFINER: it runs as its owner (the admin that runs migrations and owns the table), with
-- a fixed search_path so nothing the caller puts on its path is called instead.
CREATE FUNCTION "invoice_applied_totals_add"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO public."invoice_applied_totals" AS t ("invoice_id", "applied_minor", "from_credit_minor")
  VALUES (NEW."invoice_id", NEW."amount_minor", CASE WHEN NEW."from_credit" THEN NEW."amount_minor" ELSE 0 END)
  ON CONFLICT ("invoice_id") DO UPDATE
    SET "applied_minor" = t."applied_minor" + EXCLUDED."applied_minor",
        "from_credit_minor" = t."from_credit_minor" + EXCLUDED."from_credit_minor";
  RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION "invoice_applied_totals_add"() FROM PUBLIC;

CREATE TRIGGER "payment_allocations_applied_totals" AFTER INSERT ON "payment_allocations"
  FOR EACH ROW EXECUTE FUNCTION "invoice_applied_totals_add"();

-- Only the table's owner writes it (through the trigger above, or a restore): any other role is
-- refused, whatever it was granted. Provisioning grants the clinic's role every table in the schema
-- after each migration, so the REVOKE below alone would not last.
CREATE FUNCTION "invoice_applied_totals_derived"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = TG_RELID) THEN
    RAISE EXCEPTION 'invoice_applied_totals is derived from payment_allocations and cannot be written.'
      USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "invoice_applied_totals_derived" BEFORE INSERT OR UPDATE OR DELETE ON "invoice_applied_totals"
  FOR EACH ROW EXECUTE FUNCTION "invoice_applied_totals_derived"();
CREATE TRIGGER "invoice_applied_totals_not_truncated" BEFORE TRUNCATE ON "invoice_applied_totals"
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_applied_totals_derived"();

-- Every role but the owner may read it, nothing more (the default privileges granted the rest).
DO $$
DECLARE
  grantee text;
BEGIN
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE "invoice_applied_totals" FROM PUBLIC;
  FOR grantee IN
    SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
     WHERE g.table_schema = 'public' AND g.table_name = 'invoice_applied_totals'
       AND g.grantee <> current_user AND g.grantee <> 'PUBLIC'
  LOOP
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE "invoice_applied_totals" FROM %I', grantee);
  END LOOP;
END;
$$;

-- The totals of what was applied before this migration. Exact: the migration is one transaction and
-- CREATE TRIGGER above holds a lock that keeps new allocations out until it commits.
INSERT INTO "invoice_applied_totals" ("invoice_id", "applied_minor", "from_credit_minor")
SELECT "invoice_id", SUM("amount_minor")::int, (COALESCE(SUM("amount_minor") FILTER (WHERE "from_credit"), 0))::int
  FROM "payment_allocations" GROUP BY "invoice_id";

-- Whether an invoice is voided (a credit note names it), for the list's state counts and outstanding:
-- an anti-join on these ~2 % of rows instead of every invoice.
CREATE INDEX "invoices_voided_idx" ON "invoices" ("credited_invoice_id") WHERE "credited_invoice_id" IS NOT NULL;
