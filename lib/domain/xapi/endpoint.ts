// Where an LRS may be: an https address; plain http only on this machine (a test LRS), and only
// outside a production deployment.
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a host names this machine or a private network by its literal form (localhost, 10.x,
 * 192.168.x, 169.254.x, fc00::/7…): an institution admin must not make the server call inside its
 * own network. A public name that resolves to a private address is not caught here.
 */
export function internalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const v4 = host.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  return false;
}

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
  if (parsed.protocol === 'https:') return !allowLoopbackHttp && internalHost(parsed.hostname) ? 'The LRS must be on a public address, not this server or a private network.' : null;
  if (parsed.protocol === 'http:' && allowLoopbackHttp && loopbackHosts.has(parsed.hostname)) return null;
  return 'The address must start with https://.';
}

/** The statements resource of an endpoint (`…/xapi` → `…/xapi/statements`). */
export function statementsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/statements`;
}
