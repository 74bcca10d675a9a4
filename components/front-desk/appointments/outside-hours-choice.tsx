import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import type { FormField } from "@/components/ui/use-action-form";

type WithOutsideHours = FieldValues & { outsideHours?: boolean };

/**
 * "Book outside working hours": offered once the server refused a time outside the doctor's hours
 * (or when already ticked), so the front desk books such a time only by choosing to.
 */
export function OutsideHoursChoice<T extends WithOutsideHours>({
  form,
  field,
}: {
  form: UseFormReturn<T, unknown, unknown>;
  field: FormField<T>;
}) {
  const name = "outsideHours" as Path<T>;
  const offered = Boolean(form.watch(name)) || Boolean(form.getFieldState(name, form.formState).error);
  if (!offered) return null;
  return (
    <CheckboxField
      label="Book outside working hours"
      hint="Only if the doctor agreed to see the patient at this time. The calendar marks it."
      {...field(name)}
    />
  );
}
