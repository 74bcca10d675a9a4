import { z } from "zod";
import { listSortSchema } from "./list-sort";

// One schema per super-admin form: the client form (zodResolver) and the action both parse with it.

export const createClinicAdminSchema = z.object({
  name: z.string().trim().min(1, "Enter the admin's name.").max(100, "Use at most 100 characters."),
  email: z
    .email("Enter a valid email address.")
    .max(200, "Use at most 200 characters.")
    .transform((email) => email.toLowerCase()),
});

/** Disable, enable and reset password: the clinic admin they act on. */
export const clinicAdminTargetSchema = z.object({ userId: z.uuid("Unknown clinic admin.") });

export const suspendClinicSchema = z.object({
  clinicId: z.uuid("Unknown clinic."),
  reason: z
    .string()
    .trim()
    .min(3, "Say why the clinic is suspended (staff and its admins see this).")
    .max(300, "Use at most 300 characters."),
});

export const resumeClinicSchema = z.object({ clinicId: z.uuid("Unknown clinic.") });

// A host name or an IP address; the connection test decides whether anything answers there.
const HOST_PATTERN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$|^[0-9a-fA-F:]{2,39}$/;
const ROLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,62}$/;

export const SERVER_STATUSES = ["ACTIVE", "DRAINING", "OFFLINE"] as const;

const capacity = z
  .number({ error: "Enter how many clinics this server may hold." })
  .int("Use a whole number.")
  .min(1, "At least 1.")
  .max(10_000, "At most 10,000.");

const port = z
  .number({ error: "Enter a port number." })
  .int("Use a whole number.")
  .min(1, "From 1 to 65535.")
  .max(65_535, "From 1 to 65535.");

export const addDatabaseServerSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Lowercase letters, digits and hyphens (up to 40), e.g. eu-west-2."),
  host: z
    .string()
    .trim()
    .max(253, "Use at most 253 characters.")
    .regex(HOST_PATTERN, "Enter a host name or IP address."),
  port,
  adminUser: z.string().trim().regex(ROLE_PATTERN, "Enter the PostgreSQL user name of the server's admin."),
  adminPassword: z.string().max(200, "Use at most 200 characters."),
  capacity,
});

/** PgBouncer's own default port, offered when a server gets a pooler. */
export const POOLER_DEFAULT_PORT = 6432;

export const updateDatabaseServerSchema = z.object({
  serverId: z.uuid("Unknown server."),
  capacity,
  status: z.enum(SERVER_STATUSES, "Choose active, draining or offline."),
  // Empty: clinic requests connect to the server itself.
  poolerHost: z
    .string()
    .trim()
    .max(253, "Use at most 253 characters.")
    .refine((host) => host === "" || HOST_PATTERN.test(host), "Enter a host name or IP address, or nothing."),
  poolerPort: port,
  // Empty: restores end the clinic's server connections at PgBouncer instead of pausing it there.
  poolerAdminUser: z
    .string()
    .trim()
    .refine(
      (user) => user === "" || ROLE_PATTERN.test(user),
      "Enter a user listed in PgBouncer's admin_users, or nothing.",
    )
    .default(""),
  // Empty: keep the password saved for the same console user.
  poolerAdminPassword: z.string().max(200, "Use at most 200 characters.").default(""),
});

export const checkDatabaseServerSchema = z.object({ serverId: z.uuid("Unknown server.") });

export const startFleetRolloutSchema = z.object({});

/** The columns the platform's clinic list sorts by; by default by subdomain (the clinic column). */
export const CLINIC_SORT_KEYS = ["clinic", "status", "owner", "server", "schema", "migration"] as const;
export const clinicListSortSchema = listSortSchema(CLINIC_SORT_KEYS, { key: "clinic", desc: false });
export type ClinicListSort = z.output<typeof clinicListSortSchema>;

/** The columns the central audit log sorts by; newest first by default. */
export const PLATFORM_AUDIT_SORT_KEYS = ["at", "actor", "action"] as const;
export const platformAuditSortSchema = listSortSchema(PLATFORM_AUDIT_SORT_KEYS, { key: "at", desc: true });
export type PlatformAuditSort = z.output<typeof platformAuditSortSchema>;
