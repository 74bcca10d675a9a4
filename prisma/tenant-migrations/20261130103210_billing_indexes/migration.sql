-- DropIndex
DROP INDEX "payment_allocations_invoice_id_idx";

-- DropIndex
DROP INDEX "payment_allocations_payment_id_idx";

-- CreateIndex
CREATE INDEX "payment_allocations_invoice_id_amount_minor_idx" ON "payment_allocations"("invoice_id", "amount_minor");

-- CreateIndex
CREATE INDEX "payment_allocations_payment_id_amount_minor_idx" ON "payment_allocations"("payment_id", "amount_minor");

-- Hand-written: the invoice list's order (newest first by issue date, a draft by when it was made),
-- so a page walks this index and stops instead of sorting every invoice.
CREATE INDEX "invoices_list_date_idx" ON "invoices" ((COALESCE("issued_at", "created_at")), "id");

-- Hand-written: the credit applied on a day (closing the day), without reading every allocation.
CREATE INDEX "payment_allocations_credit_applied_at_idx" ON "payment_allocations" ("applied_at") WHERE "from_credit";
