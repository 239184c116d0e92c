// Trainer attempts kept on this device (localStorage), so practice works offline and needs no
// account. Read defensively: the stored text may be from another version or edited by hand.
import { type TrainerAttempt, keepNewest } from '@/lib/domain/practice';

const KEY = 'telehealth:trainer-attempts:v1';
const LIMIT = 200;

function isAttempt(value: unknown): value is TrainerAttempt {
  if (typeof value !== 'object' || value === null) return false;
  const a: Record<string, unknown> = { ...value };
  return (
    typeof a.id === 'string' &&
    typeof a.trainer === 'string' &&
    typeof a.scenario === 'string' &&
    typeof a.at === 'string' &&
    typeof a.correct === 'boolean' &&
    typeof a.classificationCorrect === 'boolean' &&
    (a.countWithinTolerance === null || typeof a.countWithinTolerance === 'boolean')
  );
}

/** Every attempt stored on this device (any trainer); [] when storage is empty, unreadable or blocked. */
export function readAttempts(): TrainerAttempt[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isAttempt) : [];
  } catch {
    return [];
  }
}

/** Adds one attempt (the newest 200 are kept); returns the list now stored, or what it would be if storage is blocked. */
export function saveAttempt(attempt: TrainerAttempt): TrainerAttempt[] {
  const next = keepNewest([...readAttempts().filter((a) => a.id !== attempt.id), attempt], LIMIT);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full disk: the result is still shown, just not kept.
  }
  return next;
}

/** Forgets one trainer's attempts on this device. */
export function clearAttempts(trainer: string): TrainerAttempt[] {
  const next = readAttempts().filter((a) => a.trainer !== trainer);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Nothing stored to clear.
  }
  return next;
}

/** A unique id for an attempt, made on the device (a later sync can send each attempt once). */
export function newAttemptId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
