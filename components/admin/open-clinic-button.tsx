"use client";

import { type ComponentProps, useTransition } from "react";
import { Button } from "../ui/button";
import { useToast } from "../ui/toast";
import type { ServerAction } from "./server-action";

/** Asks for a one-time sign-in address and goes there: the clinic opens with the admin signed in. */
export function OpenClinicButton({
  clinicId,
  open,
  children = "Open clinic",
  ...props
}: Omit<ComponentProps<typeof Button>, "onClick"> & {
  clinicId: string;
  open: ServerAction<{ url: string }>;
}) {
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      {...props}
      disabled={pending || props.disabled}
      onClick={() =>
        startTransition(async () => {
          const result = await open({ clinicId });
          if (!result.ok) {
            toast(result.error.message, "error");
            return;
          }
          window.location.assign(result.data.url);
        })
      }
    >
      {pending ? "Opening…" : children}
    </Button>
  );
}
