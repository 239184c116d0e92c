// The SCO's side of the SCORM 1.2 Run-Time Environment: find the LMS's API object, open a session,
// report the case's score and status once, and close the session. Pure (windows and the clock are
// passed in), so the unit tests drive it with stubs; the player uses it in the browser.

/** The eight functions of the SCORM 1.2 API (RTE 3.3); every value crosses as a string. */
export type Scorm12Api = {
  LMSInitialize(arg: string): string;
  LMSFinish(arg: string): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: string): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
};

/** What the search needs of a window: its `API`, its parent and its opener. */
export type ApiHost = { API?: unknown; parent?: ApiHost | null; opener?: ApiHost | null };

/** How many parents the search climbs, as in ADL's sample code: frames nest a few levels deep at most. */
export const MAX_PARENTS = 7;

const API_FUNCTIONS = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];

/** Whether a value has the eight functions of the SCORM 1.2 API. */
export function isScorm12Api(value: unknown): value is Scorm12Api {
  if (typeof value !== 'object' || value === null) return false;
  return API_FUNCTIONS.every((name) => typeof Reflect.get(value, name) === 'function');
}

/** A window's property, or undefined where reading it throws (a frame of another origin). */
function read<K extends keyof ApiHost>(win: ApiHost, key: K): ApiHost[K] | undefined {
  try {
    return win[key];
  } catch {
    return undefined;
  }
}

function searchParents(start: ApiHost): Scorm12Api | null {
  let win: ApiHost | null | undefined = start;
  for (let level = 0; win && level <= MAX_PARENTS; level++) {
    const api = read(win, 'API');
    if (isScorm12Api(api)) return api;
    const parent: ApiHost | null | undefined = read(win, 'parent');
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/**
 * The LMS's API object: `window.API` on this window or one of its parents (at most MAX_PARENTS up),
 * then on the window that opened this one and its parents (RTE 3.2, "API adapter discovery").
 */
export function findScormApi(win: ApiHost): Scorm12Api | null {
  const found = searchParents(win);
  if (found) return found;
  const opener = read(win, 'opener');
  return opener ? searchParents(opener) : null;
}

/** A duration as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS. */
export function cmiTimespan(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = (centis % 6000) / 100;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

export type CaseOutcome = { passed: boolean; percent: number };

export type ScormSession = {
  /** Sends the score (0–100) and passed/failed, commits and finishes. Once: later calls do nothing. */
  report(outcome: CaseOutcome): void;
  /** Finishes without a result (the learner left before the end): the status stays incomplete. */
  leave(): void;
  /** Whether the LMS accepted LMSInitialize. */
  readonly connected: boolean;
};

/**
 * Opens a session on the API: LMSInitialize, then lesson_status "incomplete" on a first launch.
 * `now` gives milliseconds (the session time is reported on finishing).
 */
export function startScormSession(api: Scorm12Api, now: () => number): ScormSession {
  const started = now();
  const connected = api.LMSInitialize('') === 'true';
  let open = connected;
  if (connected && api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') {
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    api.LMSCommit('');
  }
  const close = () => {
    api.LMSSetValue('cmi.core.session_time', cmiTimespan(now() - started));
    api.LMSCommit('');
    api.LMSFinish('');
    open = false;
  };
  return {
    connected,
    report({ passed, percent }) {
      if (!open) return;
      api.LMSSetValue('cmi.core.score.min', '0');
      api.LMSSetValue('cmi.core.score.max', '100');
      api.LMSSetValue('cmi.core.score.raw', String(Math.min(100, Math.max(0, Math.round(percent)))));
      api.LMSSetValue('cmi.core.lesson_status', passed ? 'passed' : 'failed');
      api.LMSSetValue('cmi.core.exit', '');
      close();
    },
    leave() {
      if (!open) return;
      api.LMSSetValue('cmi.core.exit', 'suspend');
      close();
    },
  };
}
