"use client";

import { type ComponentProps, useRef } from "react";
import { openClinicAction } from "@/lib/actions/admin/open-clinic";
import { Button } from "../ui/button";
import { useActionCall } from "../ui/use-action-call";

/**
 * Asks for a one-time ticket and posts it to the clinic's /open, which signs the admin in there.
 * A form post, not a link: the ticket never appears in a URL (proxies log those), and the clinic
 * redeems only posts whose Origin is this console.
 */
export function OpenClinicButton({
  clinicId,
  children = "Open clinic",
  ...props
}: Omit<ComponentProps<typeof Button>, "onClick"> & { clinicId: string }) {
  const form = useRef<HTMLFormElement>(null);
  const ticket = useRef<HTMLInputElement>(null);
  const open = useActionCall(openClinicAction, {
    refresh: false,
    onSuccess: (data) => {
      if (!form.current || !ticket.current) return;
      form.current.action = data.action;
      ticket.current.value = data.ticket;
      form.current.submit();
    },
  });
  return (
    <>
      <Button {...props} disabled={open.pending || props.disabled} onClick={() => open.call({ clinicId })}>
        {open.pending ? "Opening…" : children}
      </Button>
      <form ref={form} method="post" hidden>
        <input ref={ticket} type="hidden" name="ticket" />
      </form>
    </>
  );
}
