import { randomUUID } from "node:crypto";
import { clinicSnapshotOf, type InvoiceSnapshot } from "../billing/invoice-snapshot";
import { wallClockOf } from "../clinic/time";
import type { PaymentMethod } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import { demoPriceList } from "./demo-price-list";
import type { Random } from "./demo-vitals";
import { insertRows } from "./insert-rows";

type Completed = {
  id: string;
  patientId: string;
  doctorId: string;
  locationId: string;
  endsAt: Date;
  reason: string | null;
};

const METHODS: PaymentMethod[] = ["CASH", "CARD", "CARD", "CARD", "BANK_TRANSFER", "OTHER"];
const DAY = 86_400_000;

/**
 * Appointment types with prices, and the last three months of completed appointments billed: issued
 * invoices with gapless numbers, payments by mixed methods (most in full, some in part, some not
 * yet), one invoice voided by a credit note with its payment refunded. Written in bulk.
 */
export async function generateDemoBilling(options: {
  db: TenantDb;
  random: Random;
  timeZone: string;
  now: Date;
  completed: Completed[];
}): Promise<{ invoices: number; payments: number }> {
  const { db, random, timeZone, now } = options;
  const [settings, billing] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
    db.staffUser.findFirstOrThrow({ where: { role: "BILLING" }, select: { id: true } }),
  ]);
  const typeByReason = await demoPriceList(db);
  for (const [reason, type] of typeByReason)
    await db.appointment.updateMany({ where: { reason }, data: { typeId: type.typeId } });

  const since = now.getTime() - 90 * DAY;
  const billed = options.completed
    .filter((appointment) => appointment.endsAt.getTime() >= since && appointment.endsAt < now)
    .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
  const [patients, locations, doctors] = await Promise.all([
    db.patient.findMany({ where: { id: { in: [...new Set(billed.map((a) => a.patientId))] } } }),
    db.location.findMany(),
    db.staffUser.findMany({ where: { role: "DOCTOR" }, include: { doctorProfile: true } }),
  ]);
  const patientOf = new Map(patients.map((patient) => [patient.id, patient]));
  const locationOf = new Map(locations.map((location) => [location.id, location]));
  const doctorOf = new Map(doctors.map((doctor) => [doctor.id, doctor]));
  const counters = new Map<string, number>();
  const numberOf = (series: string, at: Date) => {
    const key = `${series}-${wallClockOf(at, timeZone).year}`;
    const taken = (counters.get(key) ?? 0) + 1;
    counters.set(key, taken);
    return `${key}-${String(taken).padStart(6, "0")}`;
  };

  const invoices: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const payments: Record<string, unknown>[] = [];
  const allocations: Record<string, unknown>[] = [];
  for (const appointment of billed) {
    const patient = patientOf.get(appointment.patientId);
    const location = locationOf.get(appointment.locationId);
    const type = typeByReason.get(appointment.reason ?? "") ?? typeByReason.get("Consultation");
    if (!patient || !location || !type) continue;
    const doctor = doctorOf.get(appointment.doctorId);
    const issuedAt = new Date(appointment.endsAt.getTime() + 5 * 60_000);
    const id = randomUUID();
    const name = `${patient.firstName} ${patient.lastName}`;
    const snapshot: InvoiceSnapshot = {
      clinic: clinicSnapshotOf(settings),
      location: { name: location.name, address: location.address, phone: location.phone },
      doctor: doctor
        ? { name: doctor.name, registration: doctor.doctorProfile?.licenceNumber ?? null }
        : null,
      patient: {
        name,
        address: patient.address,
        mrn: patient.mrn,
        dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
      },
      billTo: { kind: "PATIENT", name, address: patient.address, reference: null },
    };
    const total = type.priceMinor;
    invoices.push({
      id,
      patientId: patient.id,
      appointmentId: appointment.id,
      locationId: location.id,
      doctorId: appointment.doctorId,
      currency: settings.currency,
      pricesIncludeTax: settings.pricesIncludeTax,
      subtotalMinor: total,
      taxMinor: 0,
      totalMinor: total,
      number: numberOf("INV", issuedAt),
      issuedAt,
      issuedById: billing.id,
      snapshot,
      createdAt: issuedAt,
      updatedAt: issuedAt,
    });
    lines.push({
      id: randomUUID(),
      invoiceId: id,
      position: 1,
      itemId: type.itemId,
      description: type.name,
      quantity: 1,
      unitPriceMinor: total,
      discountMinor: 0,
      taxTreatment: "EXEMPT",
      exemptReason: "Medical care",
      netMinor: total,
      taxMinor: 0,
      totalMinor: total,
    });
    const roll = random.next();
    // Most pay in full at the desk, some pay part, the rest still owe.
    const paid = roll < 0.78 ? total : roll < 0.88 ? Math.round(total / 2) : 0;
    if (paid === 0) continue;
    const paymentId = randomUUID();
    payments.push({
      id: paymentId,
      receiptNumber: numberOf("RCT", issuedAt),
      patientId: patient.id,
      locationId: location.id,
      method: random.pick(METHODS),
      amountMinor: paid,
      takenById: billing.id,
      takenAt: issuedAt,
    });
    allocations.push({
      id: randomUUID(),
      paymentId,
      invoiceId: id,
      amountMinor: paid,
      fromCredit: false,
      appliedById: billing.id,
      appliedAt: issuedAt,
    });
  }
  // Drafts first (lines may be written only to a draft), then issued in one statement.
  await insertRows(
    db,
    "invoices",
    invoices.map(({ number, issuedAt, issuedById, snapshot, ...draft }) => draft),
  );
  await insertRows(db, "invoice_lines", lines);
  await db.$executeRawUnsafe(
    `UPDATE invoices AS i SET status = 'ISSUED', number = v.number, issued_at = v.issued_at::timestamptz,
            issued_by_id = v.issued_by_id::uuid, snapshot = v.snapshot
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, number text, issued_at text, issued_by_id text, snapshot jsonb)
      WHERE i.id = v.id`,
    JSON.stringify(
      invoices.map((row) => ({
        id: row.id,
        number: row.number,
        issued_at: row.issuedAt,
        issued_by_id: row.issuedById,
        snapshot: row.snapshot,
      })),
    ),
  );
  await insertRows(db, "payments", payments);
  await insertRows(db, "payment_allocations", allocations);
  await voidOne(db, { invoices, allocations, billingId: billing.id, numberOf, now });
  for (const [key, taken] of counters) {
    const [series, year] = key.split("-");
    await db.documentCounter.upsert({
      where: { series_year: { series: series ?? "", year: Number(year) } },
      create: { series: series ?? "", year: Number(year), next: taken + 1 },
      update: { next: taken + 1 },
    });
  }
  return { invoices: invoices.length, payments: payments.length };
}

/** A paid invoice voided by a credit note: its payment goes back to credit and is refunded. */
async function voidOne(
  db: TenantDb,
  options: {
    invoices: Record<string, unknown>[];
    allocations: Record<string, unknown>[];
    billingId: string;
    numberOf: (series: string, at: Date) => string;
    now: Date;
  },
) {
  const allocation = options.allocations.find((row) => {
    const invoice = options.invoices.find((candidate) => candidate.id === row.invoiceId);
    return invoice && row.amountMinor === invoice.totalMinor;
  });
  const invoice = allocation && options.invoices.find((candidate) => candidate.id === allocation.invoiceId);
  if (!allocation || !invoice) return;
  const total = invoice.totalMinor as number;
  const at = new Date(Math.max((invoice.issuedAt as Date).getTime() + DAY, options.now.getTime() - 3 * DAY));
  const creditNote = await db.invoice.create({
    data: {
      kind: "CREDIT_NOTE",
      patientId: invoice.patientId as string,
      locationId: invoice.locationId as string,
      doctorId: invoice.doctorId as string,
      creditedInvoiceId: invoice.id as string,
      currency: invoice.currency as string,
      pricesIncludeTax: invoice.pricesIncludeTax as boolean,
      subtotalMinor: -total,
      totalMinor: -total,
      note: "Charged twice by mistake",
      lines: {
        create: {
          position: 1,
          description: "Credit for the invoice charged twice",
          quantity: 1,
          unitPriceMinor: -total,
          taxTreatment: "EXEMPT",
          exemptReason: "Medical care",
          netMinor: -total,
          taxMinor: 0,
          totalMinor: -total,
        },
      },
    },
  });
  await db.invoice.update({
    where: { id: creditNote.id },
    data: {
      status: "ISSUED",
      number: options.numberOf("CRN", at),
      issuedAt: at,
      issuedById: options.billingId,
      snapshot: invoice.snapshot as object,
    },
  });
  const paymentId = allocation.paymentId as string;
  await db.paymentAllocation.create({
    data: {
      paymentId,
      invoiceId: invoice.id as string,
      amountMinor: -total,
      appliedById: options.billingId,
      appliedAt: at,
    },
  });
  await db.refund.create({
    data: {
      paymentId,
      amountMinor: total,
      method: "CARD",
      reason: "Charged twice by mistake",
      refundedById: options.billingId,
      refundedAt: at,
    },
  });
}
