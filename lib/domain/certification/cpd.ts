// The CPD ledger: hours per programme and calendar year (UTC) of issue. Revoked certificates earn nothing.

type CertLike = { programmeTitle: string; cpdHours: number | null; issuedAt: Date; revokedAt: Date | null };

/** Hours per year and programme, newest year first. */
export function cpdLedger(certs: readonly CertLike[]): { year: number; programme: string; hours: number }[] {
  const totals = new Map<string, { year: number; programme: string; hours: number }>();
  for (const c of certs) {
    if (!c.cpdHours || c.revokedAt) continue;
    const year = c.issuedAt.getUTCFullYear();
    const key = `${year}\0${c.programmeTitle}`;
    const row = totals.get(key) ?? { year, programme: c.programmeTitle, hours: 0 };
    row.hours += c.cpdHours;
    totals.set(key, row);
  }
  return [...totals.values()].sort((a, b) => b.year - a.year || a.programme.localeCompare(b.programme));
}
