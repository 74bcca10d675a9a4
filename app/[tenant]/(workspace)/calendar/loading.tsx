import { FrontDeskMain } from "@/components/front-desk/appointments/front-desk-main";
import { PageHeader } from "@/components/ui/page-header";

export default function CalendarLoading() {
  return (
    <FrontDeskMain busy>
      <PageHeader title="Calendar" description="Loading the calendar…" />
      <div className="h-96 animate-pulse rounded-lg bg-slate-100" />
    </FrontDeskMain>
  );
}
