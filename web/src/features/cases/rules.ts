// The registration rules the app checks before sending, the same the case applies (CasePolicies); the API stays
// the authority and its answer is shown at the field it names.

/** NIK: 16 digits; the birth date inside (DDMMYY, day + 40 for girls) must be a real date. */
export function nikLooksValid(nik: string): boolean {
  if (!/^\d{16}$/.test(nik)) return false;
  const dayRaw = Number(nik.slice(6, 8));
  const day = dayRaw > 40 ? dayRaw - 40 : dayRaw;
  const month = Number(nik.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000, month, 0)).getUTCDate();
}

/** A child is a person under 18 (UU 35/2014 art. 1). */
export function isChildBirthDate(birthDate: string, today = new Date()): boolean {
  const born = new Date(birthDate + 'T00:00:00Z');
  const adult = new Date(born);
  adult.setUTCFullYear(born.getUTCFullYear() + 18);
  return born.getTime() <= today.getTime() && adult.getTime() >= today.getTime() - 86_400_000;
}

export function notInFuture(dateTime: string, now = new Date()): boolean {
  return new Date(dateTime).getTime() <= now.getTime() + 60_000;
}

/** "a; b" or one per line -> ["a", "b"], no blanks. */
export function lines(text: string | undefined): string[] {
  return (text ?? '').split(/\n|;/).map((s) => s.trim()).filter(Boolean);
}

/** The value of a datetime-local input (the device's time) as an ISO instant. */
export function localToInstant(local: string): string {
  return new Date(local).toISOString();
}

/** Now, for a datetime-local input's default value and max. */
export function nowLocal(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
