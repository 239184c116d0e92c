import type { CaseDef } from '@/lib/content/schemas/case';
import { finishConsult } from './score';
import { startConsult } from './state';
import { stepConsult } from './step';
import type { StepError } from './types';

function describeStepError(error: StepError, nodeId: string): string {
  switch (error) {
    case 'unknown_choice':
      return `is not a choice of node '${nodeId}'`;
    case 'not_available':
      return `is not available at node '${nodeId}' (its requires do not hold, or it was already taken)`;
    case 'ended':
      return `comes after the case has ended at node '${nodeId}'`;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

/** Replays expertPath with the engine: every step valid, ending at an end node, passing with the expert note. */
export function checkExpertPath(caseDef: CaseDef): string[] {
  let state = startConsult(caseDef);
  for (const [i, id] of caseDef.expertPath.entries()) {
    const stepped = stepConsult(caseDef, state, id);
    if (!stepped.ok) return [`expertPath[${i}] '${id}' ${describeStepError(stepped.error, state.nodeId)}`];
    state = stepped.state;
  }
  const finished = finishConsult(caseDef, state, caseDef.note.expert);
  if (!finished.ok) return [`expertPath stops at node '${state.nodeId}', which is not an end node`];
  const { result } = finished;
  const problems: string[] = [];
  if (result.outcome === 'unsafe') problems.push(`expertPath ends at node '${state.nodeId}', whose outcome is unsafe`);
  if (result.passed) return problems;
  const reasons = [
    ...result.criticalActions.missed.map((id) => `misses critical action '${id}'`),
    ...result.criticalErrors.map((id) => `commits critical error '${id}'`),
    ...(result.total.percent < caseDef.pass.minScore ? [`scores ${result.total.percent}%, below pass.minScore ${caseDef.pass.minScore}%`] : []),
  ];
  return [...problems, `expertPath does not pass: it ${reasons.join('; ')}`];
}
