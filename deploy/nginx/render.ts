// npm run proxy:nginx -- --upstream 127.0.0.1:3000 [--listen 80] [--server-name learn.example.edu]
//   [--cache-dir /var/cache/nginx/telehealth] [--cache-max-size 1g] [--dist-dir .next]
// Prints the nginx site configuration for this build (its BUILD_ID is part of every cache key):
// write it to /etc/nginx/conf.d/telehealth.conf and reload nginx after every build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderSite } from './config';

const { values } = parseArgs({
  options: {
    upstream: { type: 'string', default: '127.0.0.1:3000' },
    listen: { type: 'string', default: '80' },
    'server-name': { type: 'string', default: '_' },
    'cache-dir': { type: 'string', default: '/var/cache/nginx/telehealth' },
    'cache-max-size': { type: 'string', default: '1g' },
    'dist-dir': { type: 'string', default: '.next' },
  },
});

try {
  const buildIdFile = path.resolve(values['dist-dir'], 'BUILD_ID');
  let buildId: string;
  try {
    buildId = readFileSync(buildIdFile, 'utf8').trim();
  } catch {
    throw new Error(`no build at ${buildIdFile}: run \`npm run build\` first (the cache key names the build)`);
  }
  process.stdout.write(renderSite({ listen: values.listen, upstream: values.upstream, serverName: values['server-name'], cacheDir: values['cache-dir'], cacheMaxSize: values['cache-max-size'], buildId }));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
