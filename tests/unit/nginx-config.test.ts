// The nginx configuration renderer (deploy/nginx/config.ts): every placeholder filled, and values
// that would change what nginx reads (a `;`, a brace, a space) refused with the option's name.
import { describe, expect, test } from 'vitest';
import { renderSite, renderStandalone } from '@/deploy/nginx/config';

const options = { listen: '8080', upstream: '127.0.0.1:3000', cacheDir: '/var/cache/nginx/telehealth', buildId: 'NlqISrfw1O_5KwxJCWpB9' };

describe('renderSite', () => {
  test('fills every placeholder, the build id into the cache key', () => {
    const text = renderSite({ ...options, serverName: 'learn.example.edu' });
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain('listen 8080;');
    expect(text).toContain('server 127.0.0.1:3000;');
    expect(text).toContain('server_name learn.example.edu;');
    expect(text).toMatch(/proxy_cache_key "[^"]*\|NlqISrfw1O_5KwxJCWpB9";/);
  });

  test.each([
    ['upstream', { upstream: '127.0.0.1:3000; include /etc/passwd' }],
    ['listen', { listen: '80 default_server' }],
    ['cacheDir', { cacheDir: 'relative/cache' }],
    ['buildId', { buildId: 'abc}' }],
    ['serverName', { serverName: 'a;b' }],
    ['cacheMaxSize', { cacheMaxSize: 'lots' }],
  ])('refuses a bad %s', (name, bad) => {
    expect(() => renderSite({ ...options, ...bad })).toThrow(new RegExp(`^nginx config: ${name} must be`));
  });

  test('refuses a template placeholder it has no value for', () => {
    expect(() => renderSite(options, 'listen {{LISTEN}}; root {{ROOT}};')).toThrow('the template names {{ROOT}}');
  });
});

describe('renderStandalone', () => {
  test('keeps every file nginx writes under its folder', () => {
    const text = renderStandalone(renderSite(options), '/tmp/nginx-test', 1);
    expect(text).toContain('pid /tmp/nginx-test/nginx.pid;');
    expect(text).toContain('proxy_temp_path /tmp/nginx-test/temp-proxy;');
    expect(text).toContain('worker_processes 1;');
    expect(text).not.toMatch(/\/var\/log|\/run\//);
  });
});
