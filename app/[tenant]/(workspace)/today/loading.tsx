import { FrontDeskMain } from "@/components/front-desk/appointments/front-desk-main";
import { PageHeader } from "@/components/ui/page-header";

export default function TodayLoading() {
  return (
    <FrontDeskMain busy>
      <PageHeader title="Today" description="Loading today's appointments…" />
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
    </FrontDeskMain>
  );
}
