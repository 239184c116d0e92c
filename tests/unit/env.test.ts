import { describe, expect, test } from 'vitest';
import { parseEnv } from '@/lib/env';

const secret = 'x'.repeat(32);

describe('parseEnv', () => {
  test('a local start needs nothing set, and puts PGlite under the data folder', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATA_DIR: '.data', isProductionDeployment: false });
    expect(env.pgliteDir).toBe('.data/pglite');
  });

  test.each([
    { name: 'DEPLOY_ENV=production without AUTH_SECRET', source: { DEPLOY_ENV: 'production' } },
    { name: 'on Vercel without AUTH_SECRET', source: { VERCEL: '1' } },
  ])('a production deployment refuses to start: $name', ({ source }) => {
    expect(() => parseEnv(source)).toThrow(/AUTH_SECRET is required in a production deployment/);
  });

  test('a production deployment starts with its secret', () => {
    expect(parseEnv({ DEPLOY_ENV: 'production', AUTH_SECRET: secret }).isProductionDeployment).toBe(true);
  });

  test.each([
    { name: 'a short secret', source: { AUTH_SECRET: 'short' }, message: /AUTH_SECRET: AUTH_SECRET must be at least 32 characters/ },
    { name: 'a database URL that is not a URL', source: { DATABASE_URL: 'not a url' }, message: /DATABASE_URL/ },
    { name: 'an unknown deployment kind', source: { DEPLOY_ENV: 'staging' }, message: /DEPLOY_ENV/ },
  ])('a bad value is named: $name', ({ source, message }) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  test('an empty DATABASE_URL counts as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
