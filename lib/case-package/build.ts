// Builds a case package's one HTML file: the player (lib/case-package/player) bundled with esbuild,
// its stylesheet and the case's data inlined, and a Content-Security-Policy that forbids every
// request. Node only: the CLI (scripts/content-export.ts) calls it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Plugin, build, transform } from 'esbuild';
import { domainIdSchema, noteFieldSchema } from '@/lib/content/schemas/case';
import { escapeXml } from './manifest';
import { DATA_ELEMENT_ID, type PackageData } from './package-data';

const root = fileURLToPath(new URL('../..', import.meta.url));
const playerDir = fileURLToPath(new URL('./player/', import.meta.url));

/** Nothing may be fetched: scripts and styles only inline, images only as data: URLs. */
export const PACKAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The engine reads two enums' values from the case schema (the domain ids, the note fields). The
 * schema module is zod, some 60 kB the player does not need: the bundle gets a module holding those
 * values, taken from the real schema at build time, so they cannot drift. esbuild fails the build if
 * the engine ever imports another value from that module.
 */
const schemaValues: Plugin = {
  name: 'case-schema-values',
  setup(b) {
    b.onResolve({ filter: /^@\/lib\/content\/schemas\/case$/ }, () => ({ path: 'case-schema-values', namespace: 'case-schema' }));
    b.onLoad({ filter: /.*/, namespace: 'case-schema' }, () => ({
      loader: 'js',
      contents: [
        `export const domainIdSchema = { options: ${JSON.stringify(domainIdSchema.options)} };`,
        `export const noteFieldSchema = { options: ${JSON.stringify(noteFieldSchema.options)} };`,
      ].join('\n'),
    }));
  },
};

/** The player's script, minified. The same for every case: the case travels as data beside it. */
export async function bundlePlayer(): Promise<string> {
  const result = await build({
    entryPoints: [`${playerDir}main.ts`],
    absWorkingDir: root,
    tsconfig: `${root}tsconfig.json`,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    plugins: [schemaValues],
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]?.text;
  if (js === undefined) throw new Error('esbuild produced no player script');
  return js;
}

async function stylesheet(): Promise<string> {
  const css = await readFile(`${playerDir}styles.css`, 'utf8');
  return (await transform(css, { loader: 'css', minify: true })).code;
}

/** JSON that is safe inside a <script> element: no "<" can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The package's HTML: one file, nothing to fetch. */
export async function buildCaseHtml(data: PackageData): Promise<string> {
  const [js, css] = await Promise.all([bundlePlayer(), stylesheet()]);
  const script = js.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PACKAGE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="TeleHealth Ready case package (case ${escapeXml(data.case.id)}, version ${escapeXml(data.version)})">
<title>${escapeXml(data.case.title)} · virtual consult</title>
<style>${css}</style>
</head>
<body>
<main id="app"><p>Loading the case…</p><noscript><p>This case needs JavaScript. It makes no network request: everything it needs is in this file.</p></noscript></main>
<script type="application/json" id="${DATA_ELEMENT_ID}">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
