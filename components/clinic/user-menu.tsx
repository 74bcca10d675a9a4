"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useActionCall } from "@/components/ui/use-action-call";
import { signOutAction } from "@/lib/actions/account/sign-out";

const itemClasses =
  "flex w-full items-center rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-50";

/** The signed-in person, their password and the two ways to sign out (a disclosure, not an ARIA menu). */
export function UserMenu({
  name,
  email,
  roleLabel,
  canChangePassword,
}: {
  name: string;
  email: string;
  roleLabel: string;
  canChangePassword: boolean;
}) {
  const router = useRouter();
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const signOut = useActionCall(signOutAction, {
    success: (_, input: { everywhere: boolean }) =>
      input.everywhere ? "Signed out on every device." : "Signed out.",
    onSuccess: () => router.replace("/login"),
  });

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("mousedown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex max-w-[11rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-100 sm:max-w-xs"
      >
        <span
          aria-hidden="true"
          className="grid size-7 shrink-0 place-items-center rounded-full bg-slate-200 text-xs font-semibold"
        >
          {name.trim().charAt(0).toUpperCase() || "?"}
        </span>
        <span className="truncate">{name}</span>
        <span className="sr-only">: account menu</span>
        <span aria-hidden="true" className="text-slate-500">
          ▾
        </span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
      >
        <div className="border-b border-slate-100 px-3 pt-1 pb-2">
          <p className="truncate text-sm font-medium text-slate-900">{name}</p>
          <p className="truncate text-xs text-slate-600">{email}</p>
          <p className="text-xs text-slate-600">{roleLabel}</p>
        </div>
        <ul className="flex flex-col gap-0.5 pt-2">
          {canChangePassword ? (
            <li>
              <Link href="/account/password" className={itemClasses} onClick={() => setOpen(false)}>
                Change password
              </Link>
            </li>
          ) : null}
          <li>
            <button
              type="button"
              className={itemClasses}
              disabled={signOut.pending}
              onClick={() => signOut.call({ everywhere: false })}
            >
              Sign out
            </button>
          </li>
          <li>
            <button
              type="button"
              className={itemClasses}
              disabled={signOut.pending}
              onClick={() => signOut.call({ everywhere: true })}
            >
              Sign out everywhere
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
