// Fills deploy/nginx/site.conf.template: the http-level configuration a self-hosted deployment puts
// in front of `npm start` (README: "Self-hosting behind nginx"). Values are checked before they are
// written, since a stray `;` or `}` would change what nginx reads rather than fail loudly.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const templatePath = path.join(path.dirname(new URL(import.meta.url).pathname), 'site.conf.template');

export type SiteOptions = {
  /** What nginx listens on: a port, or address:port. */
  listen: string;
  /** Where `npm start` answers: host:port. */
  upstream: string;
  /** The cache folder (absolute); nginx creates it. */
  cacheDir: string;
  /** The build's id (<dist>/BUILD_ID): part of every cache key, so a new build never gets old pages. */
  buildId: string;
  serverName?: string;
  cacheMaxSize?: string;
};

const rules: Record<keyof SiteOptions, { pattern: RegExp; says: string }> = {
  listen: { pattern: /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|[a-z0-9.-]+):)?\d{1,5}$/i, says: 'a port, or address:port' },
  upstream: { pattern: /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|[a-z0-9.-]+):\d{1,5}$/i, says: 'host:port' },
  cacheDir: { pattern: /^\/[\w./-]*$/, says: 'an absolute path of letters, digits, ., _, - and /' },
  buildId: { pattern: /^[\w-]{1,64}$/, says: 'the build id (letters, digits, _ and -)' },
  serverName: { pattern: /^[a-z0-9.*_-]+(?: [a-z0-9.*_-]+)*$/i, says: 'host names separated by spaces' },
  cacheMaxSize: { pattern: /^\d+[kmg]?$/i, says: 'a size such as 500m or 2g' },
};

/** Throws a message naming the first option that is missing or could not be written safely. */
export function checkSiteOptions(options: SiteOptions): Required<SiteOptions> {
  const full: Required<SiteOptions> = { serverName: '_', cacheMaxSize: '1g', ...options };
  for (const [name, rule] of Object.entries(rules) as Array<[keyof SiteOptions, (typeof rules)[keyof SiteOptions]]>) {
    const value = full[name];
    if (typeof value !== 'string' || !rule.pattern.test(value)) throw new Error(`nginx config: ${name} must be ${rule.says} (got ${JSON.stringify(value)})`);
  }
  return full;
}

/** The site configuration (http context), from the template. */
export function renderSite(options: SiteOptions, template = readFileSync(templatePath, 'utf8')): string {
  const o = checkSiteOptions(options);
  const values: Record<string, string> = { LISTEN: o.listen, UPSTREAM: o.upstream, CACHE_DIR: o.cacheDir, BUILD_ID: o.buildId, SERVER_NAME: o.serverName, CACHE_MAX_SIZE: o.cacheMaxSize };
  const text = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`nginx config: the template names {{${key}}}, which has no value`);
    return value;
  });
  return text;
}

/**
 * A whole nginx.conf that runs without root and without touching /etc or /var: every file it
 * writes (pid, logs, temp bodies, the cache) under `dir`. Used by the tests and the bench, and to
 * try the configuration locally. As root, the workers would drop to `nobody` and could not write
 * `dir`, so they stay root there (a test machine); an operator's nginx keeps its own user.
 */
export function renderStandalone(site: string, dir: string, workers: number | 'auto' = 'auto'): string {
  if (!rules.cacheDir.pattern.test(dir)) throw new Error(`nginx config: dir must be ${rules.cacheDir.says} (got ${JSON.stringify(dir)})`);
  const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${dir}/temp-${kind};`).join('\n');
  return `${asRoot}worker_processes ${workers};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/octet-stream;
${temp}
${site}
}
`;
}
