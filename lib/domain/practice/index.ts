export { keepNewest, summariseAttempts } from './attempts';
export type { AccuracySummary, TrainerAttempt } from './attempts';
