import { getClinicProgressAction } from "@/lib/actions/admin/get-clinic-progress";
import { UNAVAILABLE_HEADERS } from "@/lib/db/database-unavailable";
import { HTTP_STATUS } from "@/lib/errors";

// Polled twice a second while a clinic is set up: never cached anywhere.
const NO_STORE = { "Cache-Control": "no-store" };

/** `{ status, step, steps, reason }` of a clinic the signed-in admin owns or co-admins. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await getClinicProgressAction({ clinicId: id });
  if (!result.ok)
    return Response.json(
      { error: result.error },
      {
        status: HTTP_STATUS[result.error.code],
        headers: result.error.code === "UNAVAILABLE" ? UNAVAILABLE_HEADERS : NO_STORE,
      },
    );
  return Response.json(result.data, { headers: NO_STORE });
}
