import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { TemplateManager } from "@/components/clinical/notes/template-manager";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findTemplates } from "@/lib/clinical/templates";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Templates" };

/** The owner keeps the clinic's templates and quick texts; doctors and nurses keep their own. */
export default async function TemplatesPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "clinic.view");
  if (!workspace) return null;
  const { clinic, role, session } = workspace;
  const managesClinic = clinicRoleCan(role, "templates.manageClinic");
  const managesOwn = clinicRoleCan(role, "templates.manageOwn");
  if (!managesClinic && !managesOwn) forbidden();
  const me = session.user.id;
  const templates = await withTenantDb(clinic.subdomain, (db) =>
    findTemplates({ db, ownerId: managesOwn ? me : null }),
  );
  const clinicOnes = templates.filter((template) => template.ownerId === null);
  const own = templates.filter((template) => template.ownerId === me);
  return (
    <>
      <PageHeader
        title="Templates and quick texts"
        description="A template is inserted into the note section you are in; a quick text expands when you type its code after a dot, then a space (.nad → “No acute distress.”). Your own code wins over the clinic's."
      />
      {managesOwn ? (
        <section aria-labelledby="own-templates" className="flex flex-col gap-3">
          <h2 id="own-templates" className="text-lg font-semibold text-slate-900">
            Yours
          </h2>
          <TemplateManager scope="own" templates={own} editable />
        </section>
      ) : null}
      <section aria-labelledby="clinic-templates" className="flex flex-col gap-3">
        <h2 id="clinic-templates" className="text-lg font-semibold text-slate-900">
          The clinic&apos;s
        </h2>
        {managesClinic ? null : (
          <p className="text-sm text-slate-600">
            Kept by the clinic&apos;s owner; every clinician can use them.
          </p>
        )}
        <TemplateManager scope="clinic" templates={clinicOnes} editable={managesClinic} />
      </section>
    </>
  );
}
