"use client";

import { resumeClinicAction } from "@/lib/actions/super/resume-clinic";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useActionCall } from "../ui/use-action-call";

export function ResumeClinicDialog({
  clinic,
  onClose,
}: {
  clinic: { id: string; name: string; subdomain: string };
  onClose: () => void;
}) {
  const resume = useActionCall(resumeClinicAction, {
    message: "inline",
    success: () => `${clinic.name} is active again.`,
    onSuccess: onClose,
  });
  return (
    <ConfirmDialog
      title="Resume clinic?"
      confirmLabel="Resume clinic"
      pending={resume.pending}
      error={resume.error}
      onConfirm={() => resume.call({ clinicId: clinic.id })}
      onClose={onClose}
    >
      <p>
        <strong>{clinic.name}</strong> ({clinic.subdomain}) works again at once: its staff can sign in and its
        pages come back.
      </p>
    </ConfirmDialog>
  );
}
