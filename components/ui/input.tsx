import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Styles invalid input from `aria-invalid`, so the error state and its announcement cannot drift apart. */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        "block h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm sm:text-sm",
        "placeholder:text-slate-400 focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600/30",
        "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500",
        "aria-invalid:border-red-500 aria-invalid:focus:outline-red-500/30",
        className,
      )}
      {...props}
    />
  );
}

/** `htmlFor` is required: a label that names no control is read out as stray text. */
export function Label({
  className,
  htmlFor,
  children,
  ...props
}: ComponentProps<"label"> & { htmlFor: string }) {
  return (
    <label htmlFor={htmlFor} className={cn("text-sm font-medium text-slate-800", className)} {...props}>
      {children}
    </label>
  );
}

export function FieldError({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-sm text-red-700", className)} {...props} />;
}
