import { AccessDenied } from "@/components/clinic/access-denied";

export default function Forbidden() {
  return <AccessDenied area="Prescriptions" />;
}
