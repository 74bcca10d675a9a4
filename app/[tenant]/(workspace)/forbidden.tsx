import { AccessDenied } from "@/components/clinic/access-denied";

// For workspace pages without a forbidden page of their own (the dashboard, which every role may open).
export default function Forbidden() {
  return <AccessDenied area="this page" />;
}
