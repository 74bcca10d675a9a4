import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { lineFormValuesOf } from "@/components/clinical/prescriptions/line-form-values";
import { PrescriptionEditor } from "@/components/clinical/prescriptions/prescription-editor";
import { WithdrawPrescription } from "@/components/clinical/prescriptions/prescription-status-actions";
import { PrescriptionView } from "@/components/clinical/prescriptions/prescription-view";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { lineValuesOf } from "@/lib/clinical/prescriptions/drafts";
import { findFavourites } from "@/lib/clinical/prescriptions/favourites";
import { findMedicationSuggestions } from "@/lib/clinical/prescriptions/medication-suggestions";
import { revisionOf } from "@/lib/clinical/prescriptions/prescription-access";
import { checkPrescriptionLines } from "@/lib/clinical/prescriptions/prescription-checks";
import {
  findPrescription,
  findStaffName,
  type PrescriptionRecord,
} from "@/lib/clinical/prescriptions/prescription-queries";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Prescription" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type PrescriptionPageProps = { params: Promise<{ tenant: string; id: string }> };

export default async function PrescriptionPage({ params }: PrescriptionPageProps) {
  const workspace = await requireWorkspace(params, "chart.view");
  if (!workspace) return null;
  const { clinic, role, session, settings } = workspace;
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const me = session.user.id;
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const prescription = await findPrescription({ db, prescriptionId: id });
    if (!prescription) return null;
    const patientId = prescription.patientId;
    const editing = prescription.status === "DRAFT" && prescription.prescriberId === me;
    const favourites = editing ? await findFavourites({ db, ownerId: me }) : [];
    const [banner, statusChangedBy, suggestions, warnings] = await Promise.all([
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId }) : null,
      findStaffName({ db, staffId: prescription.statusChangedById }),
      editing
        ? findMedicationSuggestions({ db, favouriteNames: favourites.map((f) => f.line.medicationName) })
        : [],
      editing && prescription.lines.length > 0
        ? checkPrescriptionLines({
            db,
            patientId,
            prescriptionId: id,
            medicationNames: prescription.lines.map((line) => line.medicationName),
          })
        : [],
      recordChartRead(db, session, { patientId, what: "prescription", itemId: id }),
    ]);
    return { prescription, editing, favourites, banner, statusChangedBy, suggestions, warnings };
  });
  if (!data) notFound();
  const { prescription, editing, favourites, banner, statusChangedBy, suggestions, warnings } = data;
  const canEdit = editing && clinicRoleCan(role, "prescriptions.write");
  const leaveTo = prescription.visitId
    ? `/visits/${prescription.visitId}`
    : `/patients/${prescription.patientId}`;

  return (
    <PatientFrame
      patient={prescription.patient}
      banner={banner}
      role={role}
      timeZone={settings.timezone}
      title={prescription.number ? `Prescription ${prescription.number}` : "New prescription"}
    >
      {canEdit ? (
        <PrescriptionEditor
          prescriptionId={prescription.id}
          revision={revisionOf(prescription)}
          lines={prescription.lines.map((line) => lineFormValuesOf(lineValuesOf(line)))}
          warnings={warnings}
          favourites={favourites}
          suggestions={suggestions}
          leaveTo={leaveTo}
        />
      ) : (
        <PrescriptionView
          prescription={prescription}
          statusChangedBy={statusChangedBy}
          timeZone={settings.timezone}
          hour12={settings.hour12}
          notice={printNotice(prescription, role)}
          actions={statusActions(prescription, role)}
        />
      )}
    </PatientFrame>
  );
}

/** Print for a signed prescription whose lines are all active or completed; otherwise why not. */
function printNotice(prescription: PrescriptionRecord, role: StaffRole) {
  if (prescription.status === "DRAFT" || !clinicRoleCan(role, "prescriptions.print")) return null;
  const printable =
    prescription.status === "SIGNED" &&
    prescription.lines.every((line) => line.status === "ACTIVE" || line.status === "COMPLETED");
  if (printable)
    return (
      <a
        href={`/print/prescriptions/${prescription.id}`}
        target="_blank"
        rel="noopener"
        className={`${buttonClasses({ variant: "primary", size: "sm" })} self-start`}
      >
        Print prescription
      </a>
    );
  const why =
    prescription.status === "CANCELLED"
      ? "This prescription was cancelled, so it cannot be printed."
      : prescription.status === "ENTERED_IN_ERROR"
        ? "This prescription was marked entered in error, so it cannot be printed."
        : "Part of this prescription was stopped or withdrawn, so it cannot be printed: write a new one for what the patient still needs.";
  return <Notice tone="info">{why}</Notice>;
}

/** Cancel (only while every line is active) and entered in error, for doctors. */
function statusActions(prescription: PrescriptionRecord, role: StaffRole) {
  if (!clinicRoleCan(role, "prescriptions.write")) return undefined;
  const cancellable =
    prescription.status === "SIGNED" && prescription.lines.every((line) => line.status === "ACTIVE");
  const markable = prescription.status === "SIGNED" || prescription.status === "CANCELLED";
  if (!cancellable && !markable) return undefined;
  return (
    <>
      {cancellable ? <WithdrawPrescription prescriptionId={prescription.id} kind="cancel" /> : null}
      {markable ? <WithdrawPrescription prescriptionId={prescription.id} kind="error" /> : null}
    </>
  );
}
