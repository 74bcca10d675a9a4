"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import {
  deactivateStaffMemberServerAction,
  reactivateStaffMemberServerAction,
} from "@/lib/actions/staff/server-actions";
import type { StaffRow } from "./staff-rules";

/** Confirms deactivating (which signs the person out everywhere at once) or reactivating an account. */
export function StaffStatusDialog({ row, onClose }: { row: StaffRow; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const deactivating = row.active;

  const confirm = () =>
    startTransition(async () => {
      const action = deactivating ? deactivateStaffMemberServerAction : reactivateStaffMemberServerAction;
      const result = await action({ staffId: row.id });
      if (!result.ok) {
        toast(result.error.message, "error");
        return;
      }
      toast(deactivating ? `${row.name} is deactivated and signed out.` : `${row.name} can sign in again.`);
      onClose();
      router.refresh();
    });

  return (
    <Dialog
      open
      onClose={onClose}
      title={deactivating ? `Deactivate ${row.name}?` : `Reactivate ${row.name}?`}
    >
      <p className="text-sm text-slate-700">
        {deactivating
          ? "They are signed out on every device at once and cannot sign in until reactivated. Their records and history stay."
          : "They can sign in again with the password they had."}
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant={deactivating ? "danger" : "primary"} disabled={pending} onClick={confirm}>
          {pending ? "Saving…" : deactivating ? "Deactivate" : "Reactivate"}
        </Button>
      </div>
    </Dialog>
  );
}
