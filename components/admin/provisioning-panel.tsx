"use client";

import { Button, ButtonLink } from "../ui/button";
import { OpenClinicButton } from "./open-clinic-button";
import { ProvisioningSteps } from "./provisioning-steps";
import { useClinicProgress } from "./use-clinic-progress";

/** Follows a new clinic's set-up live; ends with "Open clinic", or with the reason and "Try again". */
export function ProvisioningPanel({
  clinic,
  retrying,
  onRetry,
  onEdit,
}: {
  clinic: { id: string; name: string };
  retrying: boolean;
  onRetry: () => void;
  onEdit: () => void;
}) {
  const progress = useClinicProgress(clinic.id);
  const status = progress.data?.status;

  return (
    <section aria-labelledby="provisioning-heading" className="flex flex-col gap-5">
      <h2 id="provisioning-heading" className="text-lg font-semibold text-slate-900" aria-live="polite">
        {status === "ACTIVE"
          ? `${clinic.name} is ready`
          : status === "FAILED"
            ? `Setting up ${clinic.name} failed`
            : `Setting up ${clinic.name}…`}
      </h2>
      {progress.data ? (
        <ProvisioningSteps progress={progress.data} label={`Setting up ${clinic.name}`} />
      ) : (
        <p className="text-sm text-slate-600">Starting…</p>
      )}
      {progress.isError ? (
        <p role="alert" className="text-sm text-red-800">
          {progress.error.message} Still trying…
        </p>
      ) : null}
      {status === "PROVISIONING" && progress.data?.retrying ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Being retried automatically. Last attempt: {progress.data.retrying}
        </p>
      ) : null}
      {status === "FAILED" ? (
        <div className="flex flex-col gap-3">
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {progress.data?.reason ?? "The set-up failed."} Nothing was left behind, so trying again is safe.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button disabled={retrying} onClick={onRetry}>
              {retrying ? "Trying again…" : "Try again"}
            </Button>
            <Button variant="secondary" onClick={onEdit}>
              Change the details
            </Button>
          </div>
        </div>
      ) : null}
      {status === "ACTIVE" ? (
        <div className="flex flex-wrap gap-2">
          <OpenClinicButton clinicId={clinic.id} />
          <ButtonLink variant="secondary" href="/admin">
            Back to my clinics
          </ButtonLink>
        </div>
      ) : null}
    </section>
  );
}
