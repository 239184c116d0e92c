// Finds the system Chromium the browser tests drive (Playwright's own download is not used).
// CHROMIUM_PATH, then /usr/bin/chromium; as root on Debian it installs the `chromium` package.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Returns the path of a usable Chromium, installing Debian's package when allowed; exits with advice otherwise. */
export function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Chromium not found: installing Debian’s chromium package with apt…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
    if (install.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    [
      '',
      'The browser tests need Chromium, and none was found.',
      '  Debian/Ubuntu:  sudo apt-get install chromium',
      '  Elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
