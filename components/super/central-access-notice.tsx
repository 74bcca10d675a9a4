import { Notice } from "@/components/ui/notice";
import type { CentralDatabaseExposure } from "@/lib/super/central-access";

/** A warning while every role on the server may connect to the central database; nothing otherwise. */
export function CentralAccessNotice({ exposure }: { exposure: CentralDatabaseExposure }) {
  if (!exposure.openToPublic) return null;
  return (
    <Notice tone="warning">
      <strong className="font-semibold">The central database is open to every role on its server.</strong>{" "}
      {exposure.optedOut
        ? "CENTRAL_DB_OPEN_TO_PUBLIC=1 keeps it so. "
        : "The platform closes it on every start and db:migrate, so it was opened since. "}
      Each clinic's own database role can connect to it, and it holds every admin's account and every clinic's
      encrypted database password. To close it,{" "}
      {exposure.optedOut ? "remove CENTRAL_DB_OPEN_TO_PUBLIC and " : ""}
      run <code className="break-words">npm run db:migrate</code> (or restart the platform), which runs{" "}
      <code className="break-words">
        REVOKE CONNECT, TEMPORARY ON DATABASE {exposure.databaseName} FROM PUBLIC
      </code>
      .
    </Notice>
  );
}
