/** A new exam id, and a fresh seed when the user gives none (randomness lives here, not in the domain). */
export function newExamId(): string {
  return crypto.randomUUID();
}

export function newSeed(): string {
  return Math.random().toString(36).slice(2, 10);
}
