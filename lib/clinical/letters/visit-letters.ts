import type { TenantDb } from "@/lib/tenancy/tenant-db";

/** One letter written in a visit, as the visit's Letters panel lists it. */
export type VisitLetter =
  | { kind: "sick-note"; id: string; writtenAt: Date; author: string; unfitFrom: string; unfitTo: string }
  | { kind: "referral"; id: string; writtenAt: Date; author: string; recipient: string };

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The sick notes and referral letters written in a visit (of that patient), oldest first. */
export async function findVisitLetters(options: {
  db: TenantDb;
  patientId: string;
  visitId: string;
}): Promise<VisitLetter[]> {
  const { db, patientId, visitId } = options;
  const where = { patientId, visitId };
  const [notes, referrals] = await Promise.all([
    db.sickNote.findMany({
      where,
      select: { id: true, createdAt: true, authorId: true, unfitFrom: true, unfitTo: true },
    }),
    db.referralLetter.findMany({
      where,
      select: { id: true, createdAt: true, authorId: true, recipient: true },
    }),
  ]);
  const authorIds = [...new Set([...notes, ...referrals].map((row) => row.authorId))];
  const staff = await db.staffUser.findMany({
    where: { id: { in: authorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(staff.map((member) => [member.id, member.name]));
  const author = (id: string) => names.get(id) ?? "A former staff member";
  const letters: VisitLetter[] = [
    ...notes.map((note) => ({
      kind: "sick-note" as const,
      id: note.id,
      writtenAt: note.createdAt,
      author: author(note.authorId),
      unfitFrom: day(note.unfitFrom),
      unfitTo: day(note.unfitTo),
    })),
    ...referrals.map((letter) => ({
      kind: "referral" as const,
      id: letter.id,
      writtenAt: letter.createdAt,
      author: author(letter.authorId),
      recipient: letter.recipient,
    })),
  ];
  return letters.sort((a, b) => a.writtenAt.getTime() - b.writtenAt.getTime());
}
