"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { signOutAction } from "@/lib/actions/account/sign-out";

/** Signs this browser out of the platform and returns to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  const signOut = useActionCall(signOutAction, { onSuccess: () => router.replace("/login") });
  return (
    <Button variant="ghost" size="sm" disabled={signOut.pending} onClick={() => signOut.call({})}>
      {signOut.pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
