// Where an LRS may be: an https address; plain http only on this machine (a test LRS), and only
// outside a production deployment.
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `url` cannot be an LRS endpoint, or null when it can. */
export function endpointProblem(url: string, allowLoopbackHttp: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter the LRS’s xAPI address, e.g. https://lrs.example.org/xapi';
  }
  if (parsed.username || parsed.password) return 'Put the key and secret in their own fields, not in the address.';
  if (parsed.search || parsed.hash) return 'The address cannot have a query (?…) or a fragment (#…).';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && allowLoopbackHttp && loopbackHosts.has(parsed.hostname)) return null;
  return 'The address must start with https://.';
}

/** The statements resource of an endpoint (`…/xapi` → `…/xapi/statements`). */
export function statementsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/statements`;
}
