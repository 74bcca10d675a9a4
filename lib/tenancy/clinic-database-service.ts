import { type CentralDb, centralUrlOf } from "../db/central";
import { AppError } from "../errors";
import type { Clinic, ClinicStatus, Job, Prisma } from "../generated/central/client";
import { enqueueJob, findActiveJob, type JobKind } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { type ClinicAudit, recordClinicAudit } from "./clinic-audit";
import { claimClinicRow, subdomainReservationDays } from "./clinic-claim";
import type { ClinicJobOptions } from "./clinic-job-context";
import { clinicJobHandlers } from "./clinic-jobs";
import { parseProvisionClinicInput } from "./provision-input";
import { provisionPayloadSchema } from "./provisioning-job";

export { PROVISIONING_STEPS, type ProvisioningStep } from "./clinic-job-context";

export type ClinicDatabaseServiceOptions = ClinicJobOptions & {
  /** How long a deleted clinic's subdomain stays reserved (SUBDOMAIN_RESERVATION_DAYS, default 30). */
  reservationDays?: number;
  /** How long suspend, resume and delete wait for their job before answering "still under way". */
  waitMs?: number;
};

/**
 * Owns the life of each clinic's database: provision, suspend, resume, delete. Each is a durable
 * job (lib/jobs): the state change that asks for it, its audit row and the job commit together,
 * then the job runs here (or in any worker that takes it first) and survives this process.
 */
export class ClinicDatabaseService {
  private readonly central: CentralDb;
  private readonly reservationDays: number;
  readonly jobs: JobRunner;

  constructor(private readonly options: ClinicDatabaseServiceOptions) {
    this.central = options.central;
    this.reservationDays = options.reservationDays ?? subdomainReservationDays(options.env);
    this.jobs = new JobRunner({
      central: options.central,
      centralUrl: centralUrlOf(options.central),
      handlers: clinicJobHandlers(options),
    });
  }

  /**
   * Creates a clinic and its database, step by step (the current step is kept on the row for
   * progress displays). On a failure everything made so far is dropped, the clinic is FAILED
   * with the reason, and calling this again with the same request retries.
   */
  async provisionClinic(input: unknown): Promise<Clinic> {
    const { finished } = await this.startProvisioning(input);
    return finished;
  }

  /**
   * The first part of provisionClinic: checks the request, claims the clinic's row and queues its
   * job in one transaction, so an invalid or taken subdomain is refused at once; the job runs on
   * in `finished` (which rejects as provisionClinic would). Consoles return after this and poll
   * the row. A clinic of the same owner that FAILED, or whose job's worker died, is taken up again.
   */
  async startProvisioning(
    input: unknown,
    audit?: ClinicAudit,
  ): Promise<{ clinic: Clinic; job: Job; finished: Promise<Clinic> }> {
    const request = parseProvisionClinicInput(input);
    const owner = await this.central.user.findUnique({ where: { id: request.ownerId } });
    if (owner?.role !== "CLINIC_ADMIN" || owner.status !== "ACTIVE") {
      throw new AppError("INVALID", "Only an active clinic admin can own a clinic.", {
        ownerId: "Not an active clinic admin.",
      });
    }
    const { clinic, job } = await claimClinicRow(this.central, request, {
      env: this.options.env,
      reservationDays: this.reservationDays,
      audit,
      enqueue: (tx, claimed) =>
        enqueueJob(tx, {
          kind: "provision-clinic",
          clinicId: claimed.id,
          payload: { request },
          requestedBy: audit?.actor.id,
        }),
    });
    const finished = this.jobs
      .runUntilDone(job.id)
      .then(() => this.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } }));
    // The outcome is also on the row: a caller that only polls must not leave a rejection unhandled.
    finished.catch(() => {});
    return { clinic, job, finished };
  }

  /**
   * Takes up a FAILED (or stuck) clinic's set-up again, with the details it was created with (Retry
   * in the consoles; the clinic keeps its owner whoever retries).
   */
  async retryProvisioning(
    subdomain: string,
    audit?: ClinicAudit,
  ): Promise<{ clinic: Clinic; finished: Promise<Clinic> }> {
    const clinic = await this.central.clinic.findUnique({ where: { subdomain } });
    if (!clinic) throw new AppError("NOT_FOUND", "No clinic at this address.");
    // A set-up with no job left to finish it (its job gave up without settling the row) is stuck.
    const stuck = clinic.status === "PROVISIONING" && !(await findActiveJob(this.central, clinic.id));
    if (clinic.status !== "FAILED" && !stuck) {
      throw new AppError(
        "CONFLICT",
        `The clinic is ${clinic.status.toLowerCase()}; only a failed set-up can be retried.`,
      );
    }
    const last = await this.central.job.findFirst({
      where: { clinicId: clinic.id, kind: "provision-clinic" },
      orderBy: { createdAt: "desc" },
    });
    const asked = provisionPayloadSchema.safeParse(last?.payload);
    const request = asked.success
      ? asked.data.request
      : { name: clinic.name, subdomain: clinic.subdomain, ownerId: clinic.ownerId };
    return this.startProvisioning({ ...request, ownerId: clinic.ownerId }, audit);
  }

  /**
   * Stops a clinic: its pages show "suspended", its role can no longer log in, and every staff
   * session ends for good (resuming starts with everyone signed out).
   */
  async suspendClinic(subdomain: string, reason: string | null = null, audit?: ClinicAudit): Promise<Clinic> {
    return this.changeState(subdomain, "suspend-clinic", {
      from: ["ACTIVE"],
      to: "SUSPENDED",
      reason,
      audit,
    });
  }

  async resumeClinic(subdomain: string, audit?: ClinicAudit): Promise<Clinic> {
    return this.changeState(subdomain, "resume-clinic", {
      from: ["SUSPENDED"],
      to: "ACTIVE",
      reason: null,
      audit,
    });
  }

  /**
   * Drops the clinic's database and role; the row stays as DELETED and keeps its subdomain
   * reserved. A clinic left DELETING by a failed attempt can be deleted again.
   */
  async deleteClinic(subdomain: string, audit?: ClinicAudit): Promise<Clinic> {
    return this.changeState(subdomain, "delete-clinic", {
      // PROVISIONING only when its set-up has no job left (a running one refuses this job).
      from: ["ACTIVE", "SUSPENDED", "FAILED", "DELETING", "PROVISIONING"],
      to: "DELETING",
      reason: null,
      audit,
    });
  }

  /**
   * Moves the clinic to its new state with the audit row and queues the job that does the work
   * (all in one transaction), then runs or waits for the job: its failure undoes what it can and
   * answers with the reason; after `waitMs` the clinic is returned with its job still under way.
   */
  private async changeState(
    subdomain: string,
    kind: JobKind,
    change: { from: ClinicStatus[]; to: ClinicStatus; reason: string | null; audit: ClinicAudit | undefined },
  ): Promise<Clinic> {
    const { clinic, job } = await this.central.$transaction(async (tx) => {
      const moved = await transition(tx, subdomain, change);
      const queued = await enqueueJob(tx, {
        kind,
        clinicId: moved.id,
        payload: change.audit ? { audit: change.audit } : {},
        requestedBy: change.audit?.actor.id,
      });
      return { clinic: moved, job: queued };
    });
    await this.jobs.runUntilDone(job.id, { timeoutMs: this.options.waitMs });
    return this.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
  }
}

/**
 * Moves a clinic between states with its audit row: only from one of `from`, else a clear refusal
 * and nothing written.
 */
async function transition(
  tx: Prisma.TransactionClient,
  subdomain: string,
  change: { from: ClinicStatus[]; to: ClinicStatus; reason: string | null; audit: ClinicAudit | undefined },
): Promise<Clinic> {
  const moved = await tx.clinic.updateMany({
    where: { subdomain, status: { in: change.from } },
    data: { status: change.to, statusReason: change.reason },
  });
  const clinic = await tx.clinic.findUnique({ where: { subdomain } });
  if (!clinic?.databaseServerId) throw new AppError("NOT_FOUND", "No clinic at this address.");
  if (moved.count === 0) {
    throw new AppError(
      "CONFLICT",
      `The clinic is ${clinic.status.toLowerCase()}; it cannot become ${change.to.toLowerCase()} from there.`,
    );
  }
  await recordClinicAudit(tx, clinic, change.audit);
  return clinic;
}
