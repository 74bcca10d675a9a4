"use client";

import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { deleteFavouriteAction } from "@/lib/actions/favourites/delete-favourite";
import type { Favourite } from "@/lib/clinical/prescriptions/favourites";
import { medicationTitle } from "@/lib/clinical/prescriptions/line-wording";

/** The doctor's favourites, one click to fill a line (the first empty one, else a new one); × deletes one. */
export function FavouritesBar({
  favourites,
  onPick,
  disabled,
}: {
  favourites: Favourite[];
  onPick: (favourite: Favourite) => void;
  disabled: boolean;
}) {
  const remove = useActionCall(deleteFavouriteAction, { success: () => "Favourite deleted." });
  return (
    <section aria-labelledby="favourites-heading" className="flex flex-col gap-2">
      <h2 id="favourites-heading" className="text-sm font-semibold text-slate-800">
        Pick from favourites
      </h2>
      {favourites.length === 0 ? (
        <p className="text-sm text-slate-600">
          No favourites yet. Fill in a line and choose “Save as favourite” to reuse it next time.
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {favourites.map((favourite) => (
            <li
              key={favourite.id}
              className="flex items-center rounded-full border border-brand-200 bg-brand-50"
            >
              <Button
                size="sm"
                variant="ghost"
                className="rounded-l-full text-brand-800"
                title={medicationTitle(favourite.line)}
                disabled={disabled}
                onClick={() => onPick(favourite)}
              >
                {favourite.label}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                className="rounded-r-full px-2 text-slate-500"
                aria-label={`Delete favourite ${favourite.label}`}
                disabled={remove.pending}
                onClick={() => remove.call({ favouriteId: favourite.id })}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
