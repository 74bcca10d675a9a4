"use client";

import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useState,
} from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";

type Toast = { id: number; message: string; tone: "success" | "error" };
type ShowToast = (message: string, tone?: Toast["tone"]) => void;
type DialogHosts = { add: (dialog: HTMLDialogElement) => void; remove: (dialog: HTMLDialogElement) => void };

const ToastContext = createContext<ShowToast>(() => {});
const DialogHostsContext = createContext<DialogHosts>({ add: () => {}, remove: () => {} });

/**
 * Short confirmations and errors, announced politely to screen readers; each fades after 5 s.
 * They show at the bottom of the page; while a modal dialog is open they show inside it, at the
 * top: the rest of the page is then inert and under the dialog's backdrop, and the top is where
 * they never cover the dialog's buttons.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [dialogs, setDialogs] = useState<HTMLDialogElement[]>([]);
  const show = useCallback<ShowToast>((message, tone = "success") => {
    const id = Date.now() + Math.random();
    setToasts((current) => [...current, { id, message, tone }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 5000);
  }, []);
  const [hosts] = useState<DialogHosts>(() => ({
    add: (dialog) => setDialogs((current) => [...current.filter((open) => open !== dialog), dialog]),
    remove: (dialog) => setDialogs((current) => current.filter((open) => open !== dialog)),
  }));
  const topDialog = dialogs.at(-1);
  const region = (
    <div
      aria-live="polite"
      className={cn(
        "pointer-events-none fixed inset-x-0 z-50 flex flex-col items-center gap-2 px-4",
        topDialog ? "top-4" : "bottom-4",
      )}
    >
      {toasts.map((toast) => (
        <p
          key={toast.id}
          role={toast.tone === "error" ? "alert" : "status"}
          className={cn(
            "rounded-md px-4 py-2 text-sm shadow-lg",
            toast.tone === "error" ? "bg-red-700 text-white" : "bg-slate-900 text-white",
          )}
        >
          {toast.message}
        </p>
      ))}
    </div>
  );
  return (
    <ToastContext.Provider value={show}>
      <DialogHostsContext.Provider value={hosts}>
        {children}
        {topDialog ? createPortal(region, topDialog) : region}
      </DialogHostsContext.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}

/** For Dialog: while it is open, toasts show inside it (see ToastProvider). */
export function useToastsInDialog(dialog: RefObject<HTMLDialogElement | null>, open: boolean): void {
  const hosts = useContext(DialogHostsContext);
  useEffect(() => {
    const element = dialog.current;
    if (!open || !element) return;
    hosts.add(element);
    return () => hosts.remove(element);
  }, [dialog, open, hosts]);
}
