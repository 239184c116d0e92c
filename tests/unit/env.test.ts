import { describe, expect, test } from 'vitest';
import { parseEnv } from '@/lib/env';

const secret = 'x'.repeat(32);
const production = { DEPLOY_ENV: 'production', AUTH_SECRET: secret, CREDENTIAL_SIGNING_KEY: 'pem', PUBLIC_URL: 'https://telehealth.example.edu.pk/', SMTP_URL: 'smtp://mailer:pw@smtp.example.edu.pk:587' };

describe('parseEnv', () => {
  test('a local start needs nothing set, and puts PGlite under the data folder', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATA_DIR: '.data', isProductionDeployment: false, PORT: 3000, publicUrl: 'http://localhost:3000' });
    expect(env.pgliteDir).toBe('.data/pglite');
  });

  test('locally, the public address follows PORT, so every link works on the port in use', () => {
    expect(parseEnv({ PORT: '3950' }).publicUrl).toBe('http://localhost:3950');
    expect(parseEnv({ PORT: '3950', PUBLIC_URL: 'http://192.168.1.20:3950' }).publicUrl).toBe('http://192.168.1.20:3950');
  });

  test.each([
    { name: 'DEPLOY_ENV=production without AUTH_SECRET', source: { ...production, AUTH_SECRET: undefined }, message: /AUTH_SECRET is required in a production deployment/ },
    { name: 'on Vercel without AUTH_SECRET', source: { VERCEL: '1' }, message: /AUTH_SECRET is required in a production deployment/ },
    { name: 'without CREDENTIAL_SIGNING_KEY', source: { ...production, CREDENTIAL_SIGNING_KEY: '' }, message: /CREDENTIAL_SIGNING_KEY is required in a production deployment/ },
    { name: 'without PUBLIC_URL', source: { ...production, PUBLIC_URL: undefined }, message: /PUBLIC_URL is required in a production deployment/ },
    { name: 'without SMTP_URL', source: { ...production, SMTP_URL: '' }, message: /SMTP_URL is required in a production deployment/ },
  ])('a production deployment refuses to start: $name', ({ source, message }) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  test('a production deployment starts with its secrets and address (a trailing slash is dropped)', () => {
    const env = parseEnv(production);
    expect(env.isProductionDeployment).toBe(true);
    expect(env.publicUrl).toBe('https://telehealth.example.edu.pk');
  });

  test("on Vercel without PUBLIC_URL, the project's production domain is the address", () => {
    const env = parseEnv({ VERCEL: '1', AUTH_SECRET: secret, CREDENTIAL_SIGNING_KEY: 'pem', SMTP_URL: 'smtps://m:p@smtp.example:465', VERCEL_PROJECT_PRODUCTION_URL: 'telehealth.vercel.app' });
    expect(env.publicUrl).toBe('https://telehealth.vercel.app');
  });

  test('the certificate signatory comes from configuration, or there is none', () => {
    expect(parseEnv({}).signatory).toBeNull();
    expect(parseEnv({ CERTIFICATE_SIGNATORY_NAME: 'Dr Farah Siddiqui', CERTIFICATE_SIGNATORY_TITLE: 'Dean' }).signatory).toEqual({ name: 'Dr Farah Siddiqui', title: 'Dean' });
  });

  test.each([
    { name: 'a short secret', source: { AUTH_SECRET: 'short' }, message: /AUTH_SECRET: AUTH_SECRET must be at least 32 characters/ },
    { name: 'a database URL that is not a URL', source: { DATABASE_URL: 'not a url' }, message: /DATABASE_URL/ },
    { name: 'an unknown deployment kind', source: { DEPLOY_ENV: 'staging' }, message: /DEPLOY_ENV/ },
    { name: 'a port out of range', source: { PORT: '70000' }, message: /PORT/ },
    { name: 'a public address without a scheme', source: { PUBLIC_URL: 'telehealth.example' }, message: /PUBLIC_URL/ },
    { name: 'a public address with another scheme', source: { PUBLIC_URL: 'ftp://telehealth.example' }, message: /PUBLIC_URL must start with http/ },
    { name: 'a mail server that is not SMTP', source: { SMTP_URL: 'https://mail.example' }, message: /SMTP_URL must start with smtp/ },
    { name: 'a replica without a primary server', source: { DATABASE_REPLICA_URL: 'postgres://replica.example/app' }, message: /DATABASE_REPLICA_URL and DATABASE_URL_DIRECT need DATABASE_URL/ },
    { name: 'a direct URL without a primary server', source: { DATABASE_URL_DIRECT: 'postgres://db.example/app' }, message: /need DATABASE_URL/ },
    { name: 'a replica URL that is not a URL', source: { DATABASE_URL: 'postgres://db.example/app', DATABASE_REPLICA_URL: 'replica' }, message: /DATABASE_REPLICA_URL/ },
  ])('a bad value is named: $name', ({ source, message }) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  test('a pooled primary, its direct URL and a replica are taken together', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://pooler.example/app', DATABASE_URL_DIRECT: 'postgres://db.example/app', DATABASE_REPLICA_URL: 'postgres://replica.example/app' });
    expect([env.DATABASE_URL, env.DATABASE_URL_DIRECT, env.DATABASE_REPLICA_URL]).toEqual(['postgres://pooler.example/app', 'postgres://db.example/app', 'postgres://replica.example/app']);
  });

  test('an empty DATABASE_URL counts as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
