import type { ReactNode } from "react";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { requireWorkspace } from "../require-workspace";

// The role check runs here, outside loading.tsx: a refusal inside it would come after the loading
// state has streamed with status 200; from here forbidden() answers 403 (the page checks again).
export default async function CalendarLayout({ children, params }: TenantParams & { children: ReactNode }) {
  await requireWorkspace(params, "appointments.view");
  return children;
}
