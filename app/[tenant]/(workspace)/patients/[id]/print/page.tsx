import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatientFrame } from "@/components/clinical/patient-frame";
import { LetterPrintList } from "@/components/clinical/printing/letter-print-list";
import { PrescriptionPrintList } from "@/components/clinical/printing/prescription-print-list";
import { VisitPrintList } from "@/components/clinical/printing/visit-print-list";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findPatient } from "@/lib/clinic/patients";
import { findAllergyBanner } from "@/lib/clinical/allergy-banner";
import { recordChartRead } from "@/lib/clinical/chart-read";
import { findPrintables } from "@/lib/documents/printing/print-list";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../../require-workspace";

export const metadata: Metadata = { title: "Print" };

type PrintPageProps = { params: Promise<{ tenant: string; id: string }> };

export default async function PrintPage({ params }: PrintPageProps) {
  const workspace = await requireWorkspace(params, "prescriptions.print");
  if (!workspace) return null;
  const { clinic, role, settings, session } = workspace;
  const { id } = await params;
  const withLetters = clinicRoleCan(role, "letters.write");
  const withSummaries = clinicRoleCan(role, "summaries.print");
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const patient = await findPatient({ db, patientId: id });
    if (!patient) return null;
    const [banner, printables] = await Promise.all([
      clinicRoleCan(role, "chart.allergyBanner") ? findAllergyBanner({ db, patientId: id }) : null,
      findPrintables({ db, patientId: id, withLetters }),
    ]);
    // The list names the patient's medicines: opening it is a read of their record, like a chart page.
    await recordChartRead(db, session, { patientId: id, what: "print" });
    return { patient, banner, printables };
  });
  if (!data) notFound();
  const { patient, banner, printables } = data;
  const clock = { timeZone: settings.timezone, hour12: settings.hour12 };

  return (
    <PatientFrame patient={patient} banner={banner} role={role} timeZone={settings.timezone} current="print">
      <div className="flex max-w-4xl flex-col gap-8">
        <section aria-labelledby="prescriptions-heading" className="flex flex-col gap-3">
          <div className="flex flex-col gap-1">
            <h2 id="prescriptions-heading" className="text-lg font-semibold text-slate-900">
              Prescriptions
            </h2>
            <p className="text-sm text-slate-600">
              Each opens as a PDF to print on {settings.paperSize === "LETTER" ? "US Letter" : "A4"} paper. A
              second print says COPY.
            </p>
          </div>
          <PrescriptionPrintList prescriptions={printables.prescriptions} {...clock} />
        </section>
        {withSummaries ? (
          <section aria-labelledby="visits-heading" className="flex flex-col gap-3">
            <h2 id="visits-heading" className="text-lg font-semibold text-slate-900">
              Visit summaries
            </h2>
            <VisitPrintList visits={printables.visits} {...clock} />
          </section>
        ) : null}
        {withLetters ? (
          <section aria-labelledby="letters-heading" className="flex flex-col gap-3">
            <h2 id="letters-heading" className="text-lg font-semibold text-slate-900">
              Sick notes and referral letters
            </h2>
            <LetterPrintList letters={printables.letters} {...clock} dateOrder={settings.dateOrder} />
          </section>
        ) : null}
      </div>
    </PatientFrame>
  );
}
