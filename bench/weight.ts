// First-view page weight as sent over the wire: the HTML and every script and stylesheet it
// references, each fetched with Accept-Encoding: gzip, counting the bytes as sent (compressed).
import { bodyText, send } from './http';

export type PageWeight = { path: string; status: number; htmlMs: number; htmlBytes: number; jsBytes: number; cssBytes: number; totalBytes: number; scripts: number; stylesheets: number };

/** The attributes of one tag's attribute text, names lower-cased, `&amp;` decoded. */
function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    found.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replaceAll('&amp;', '&'));
  }
  return found;
}

/** The scripts (`<script src>` but not `nomodule`, modulepreload, preload as=script) and stylesheets (`rel=stylesheet`, preload as=style) an HTML page references. */
function referencedAssets(html: string, pageUrl: string): { scripts: string[]; stylesheets: string[] } {
  const scripts = new Set<string>();
  const stylesheets = new Set<string>();
  for (const [, tag, attrText] of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const a = attributes(attrText!);
    const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
    const as = a.get('as')?.toLowerCase();
    // A nomodule script is a polyfill for old browsers: every browser that runs modules skips it.
    if (tag!.toLowerCase() === 'script' && a.get('src') && !a.has('nomodule')) scripts.add(new URL(a.get('src')!, pageUrl).href);
    else if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) scripts.add(new URL(a.get('href')!, pageUrl).href);
    else if (rel.includes('stylesheet') || (rel.includes('preload') && as === 'style')) stylesheets.add(new URL(a.get('href')!, pageUrl).href);
  }
  return { scripts: [...scripts], stylesheets: [...stylesheets] };
}

/** Fetches `path` (with `cookie` when given; it must answer 200) and every asset it references; sums the bytes as sent. */
export async function pageWeight(baseUrl: string, path: string, cookie?: string): Promise<PageWeight> {
  const pageUrl = new URL(path, baseUrl).href;
  const page = await send({ url: pageUrl, headers: cookie ? { cookie } : {} });
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}${page.headers.location ? ` → ${page.headers.location}` : ''}`);
  const { scripts, stylesheets } = referencedAssets(bodyText(page), pageUrl);
  const sizeOf = async (urls: string[]) => {
    const responses = await Promise.all(urls.map((url) => send({ url })));
    const failed = responses.findIndex((r) => r.status !== 200);
    if (failed >= 0) throw new Error(`GET ${urls[failed]} answered ${responses[failed]!.status}`);
    return responses.reduce((sum, r) => sum + r.body.length, 0);
  };
  const [jsBytes, cssBytes] = await Promise.all([sizeOf(scripts), sizeOf(stylesheets)]);
  const htmlBytes = page.body.length;
  return { path, status: page.status, htmlMs: page.ms, htmlBytes, jsBytes, cssBytes, totalBytes: htmlBytes + jsBytes + cssBytes, scripts: scripts.length, stylesheets: stylesheets.length };
}
