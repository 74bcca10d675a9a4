/** The doctor's calendar colour as a small dot (decorative: the name carries the meaning). */
export function ColorSwatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-3 shrink-0 rounded-full ring-1 ring-slate-900/10"
      style={{ backgroundColor: color }}
    />
  );
}
