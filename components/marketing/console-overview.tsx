import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const consoles = [
  {
    title: "Super-admin dashboard",
    audience: "For the team that runs the platform",
    items: [
      "Create clinic admins and reset their passwords",
      "See every clinic; suspend and resume them",
      "Roll schema updates across the whole fleet",
      "Database servers, capacity and the audit trail",
    ],
  },
  {
    title: "Clinic-admin console",
    audience: "For owners of one or more clinics",
    items: [
      "Open a new clinic and pick its address",
      "Add and remove co-admins",
      "See each clinic's status and set-up progress",
      "Suspend, resume or delete a clinic; jump straight into it",
    ],
  },
  {
    title: "Clinic workspace",
    audience: "For doctors, nurses, reception and billing",
    items: [
      "Locations and each doctor's working hours",
      "Patients, appointments and the day's schedule",
      "Visit notes that lock once signed, vitals with trends, allergies, ICD-10-CM problems, immunizations and documents",
      "Prescriptions checked against allergies and current medicines, printed on the clinic's letterhead with visit summaries, sick notes and referral letters",
      "Staff accounts with roles, and the clinic's audit log",
    ],
  },
];

export function ConsoleOverview() {
  return (
    <section
      id="consoles"
      aria-labelledby="consoles-heading"
      className="mx-auto max-w-6xl px-4 py-16 sm:px-6"
    >
      <h2 id="consoles-heading" className="text-3xl font-bold tracking-tight text-slate-900">
        Three workspaces, one for each job
      </h2>
      <p className="mt-3 max-w-2xl text-slate-700">
        Everyone signs in to the part of the platform their work needs, and sees nothing beyond it.
      </p>
      <div className="mt-10 grid gap-6 md:grid-cols-3">
        {consoles.map((area) => (
          <Card key={area.title}>
            <CardHeader>
              <CardTitle as="h3">{area.title}</CardTitle>
              <CardDescription>{area.audience}</CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="flex list-disc flex-col gap-2 pl-5 text-sm text-slate-700 marker:text-brand-600">
                {area.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ))}
      </div>
    </section>
  );
}
