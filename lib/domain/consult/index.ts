export { startConsult, availableChoices } from './state';
export { stepConsult } from './step';
export { consultView } from './view';
export { scoreNote, finishConsult } from './score';
export { buildDebrief } from './debrief';
export type { Debrief, DebriefChoice, DebriefStep } from './debrief';
export { validateCase, DEFAULT_MAX_STATES } from './validate';
export type { ValidateOptions } from './validate';
export type * from './types';
