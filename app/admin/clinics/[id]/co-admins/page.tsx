import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoAdminForm } from "@/components/admin/co-admin-form";
import { CoAdminTable } from "@/components/admin/co-admin-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { findCoAdmins } from "@/lib/admin/co-admins";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { AppError } from "@/lib/errors";
import { clinicIdSchema } from "@/lib/validations/admin";

export const metadata: Metadata = { title: "Co-admins" };

/** The owner's page for a clinic's co-admins; to anyone else (co-admins included) it does not exist. */
export default async function CoAdminsPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePlatformPage("clinics.manageOwn");
  const parsed = clinicIdSchema.safeParse({ clinicId: (await params).id });
  if (!parsed.success) notFound();
  const found = await findCoAdmins({
    central: getCentralDb(),
    userId: session.user.id,
    clinicId: parsed.data.clinicId,
  }).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  if (!found) notFound();
  const { clinic, coAdmins } = found;

  return (
    <main id="main" className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader
        title={`Co-admins of ${clinic.name}`}
        description="Co-admins can open, suspend and resume this clinic. They cannot delete it or change who its co-admins are."
      />
      <CoAdminForm clinicId={clinic.id} />
      <CoAdminTable clinicId={clinic.id} coAdmins={coAdmins} />
      <ButtonLink href="/admin" variant="secondary" className="self-start">
        Back to my clinics
      </ButtonLink>
    </main>
  );
}
