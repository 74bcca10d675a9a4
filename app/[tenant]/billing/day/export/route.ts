import { refusalResponse } from "@/lib/action-pipeline/route-response";
import { exportDayAction } from "@/lib/actions/billing-reports/export-day";

/** GET ?location=<id>&date=YYYY-MM-DD: the day's figures as a CSV attachment, through the action pipeline. */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const result = await exportDayAction({
    locationId: query.get("location") ?? "",
    businessDate: query.get("date") ?? "",
  });
  if (!result.ok) return refusalResponse(result.error);
  return new Response(`\uFEFF${result.data.text}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.data.fileName.replace(/[^\w.-]/g, "_")}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
