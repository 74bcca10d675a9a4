"use client";

import type { ComponentProps } from "react";
import { openClinicAction } from "@/lib/actions/admin/open-clinic";
import { Button } from "../ui/button";
import { useActionCall } from "../ui/use-action-call";

/** Asks for a one-time sign-in address and goes there: the clinic opens with the admin signed in. */
export function OpenClinicButton({
  clinicId,
  children = "Open clinic",
  ...props
}: Omit<ComponentProps<typeof Button>, "onClick"> & { clinicId: string }) {
  const open = useActionCall(openClinicAction, {
    refresh: false,
    onSuccess: ({ url }) => window.location.assign(url),
  });
  return (
    <Button {...props} disabled={open.pending || props.disabled} onClick={() => open.call({ clinicId })}>
      {open.pending ? "Opening…" : children}
    </Button>
  );
}
