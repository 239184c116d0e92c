import path from 'node:path';
import { z } from 'zod';

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalUrl = z.preprocess(blankIsUnset, z.string().trim().url().optional());
const optionalText = z.preprocess(blankIsUnset, z.string().trim().max(200).optional());

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default('.data'),
  PGLITE_DIR: z.string().min(1).optional(),
  DATABASE_URL: optionalUrl,
  POSTGRES_URL: optionalUrl,
  /**
   * The primary without a pooler in between (Neon's unpooled endpoint, Vercel's POSTGRES_URL_NON_POOLING):
   * migrations use it when set. They also work through a transaction-mode pooler (no session state).
   */
  DATABASE_URL_DIRECT: optionalUrl,
  /** Connections each server process keeps open to PostgreSQL (and as many to the replica). */
  DATABASE_POOL_MAX: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(100).default(10)),
  /** A read replica of the primary: dashboard and export reads go to it, writes never (db/replica.ts). */
  DATABASE_REPLICA_URL: optionalUrl,
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  DEPLOY_ENV: z.enum(['local', 'production']).default('local'),
  VERCEL: z.string().optional(),
  /** Set by Vercel: the project's production domain, without a scheme. */
  VERCEL_PROJECT_PRODUCTION_URL: optionalText,
  PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(65535).default(3000)),
  PUBLIC_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'PUBLIC_URL must start with http:// or https://')
      .optional(),
  ),
  CREDENTIAL_SIGNING_KEY: z.preprocess(blankIsUnset, z.string().trim().optional()),
  /** The tool's RSA private key for LTI 1.3 (PKCS#8 PEM, 2048 bits or more); locally a development key is kept in DATA_DIR. */
  LTI_SIGNING_KEY: z.preprocess(blankIsUnset, z.string().trim().optional()),
  CERTIFICATE_ISSUER_NAME: z.preprocess(blankIsUnset, z.string().trim().min(2).max(120).default('TeleHealth Ready')),
  CERTIFICATE_SIGNATORY_NAME: optionalText,
  CERTIFICATE_SIGNATORY_TITLE: optionalText,
  /** Where e-mail is sent: smtp://user:password@host:587 (STARTTLS) or smtps://…:465. Without it, a local start writes each message to $DATA_DIR/mail. */
  SMTP_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
  ),
  /** The sender of every message: an address, or "Name <address>". */
  MAIL_FROM: z.preprocess(blankIsUnset, z.string().trim().min(3).max(200).default('TeleHealth Ready <no-reply@telehealth.invalid>')),
  /** Vercel Cron sends it as a bearer token to the outbox's recovery route. */
  CRON_SECRET: z.preprocess(blankIsUnset, z.string().min(16, 'CRON_SECRET must be at least 16 characters').optional()),
  /** Gives every demo account this password (the test suites use it); otherwise each gets a random one. */
  SEED_DEMO_PASSWORD: z.preprocess(blankIsUnset, z.string().min(8, 'SEED_DEMO_PASSWORD must be at least 8 characters').optional()),
  /** Tests only: the demo seed pauses this long inside its transaction, after a line saying so, so a test can kill it there. */
  SEED_PAUSE_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(600_000).default(0)),
  /** Reverse proxies in front of `npm start` whose X-Forwarded-For entries are trusted (0: none, the socket's address is the client's). Read by scripts/serve.mjs. */
  TRUSTED_PROXY_HOPS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(10).default(0)),
  /**
   * next-auth: build its own URLs from the request's Host header. True by default: `npm start` sits
   * behind scripts/serve.mjs, and every link the site sends is built from PUBLIC_URL anyway.
   */
  AUTH_TRUST_HOST: z.preprocess(blankIsUnset, z.enum(['true', 'false', '1', '0']).default('true').transform((v) => v === 'true' || v === '1')),
  /** Seconds between two runs of the outbox's recovery pass in a long-running server; 0 turns it off. */
  OUTBOX_INTERVAL_SECONDS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(3600).default(30)),
});

type ParsedEnv = z.infer<typeof envSchema>;

export type ServerEnv = ParsedEnv & {
  pgliteDir: string;
  isProductionDeployment: boolean;
  /** The site's public address without a trailing slash: every absolute link is built from it. */
  publicUrl: string;
  signatory: { name: string; title: string } | null;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Where the site is reached: PUBLIC_URL; on Vercel its production domain; locally, this machine's port. */
function publicUrlOf(env: ParsedEnv, production: boolean): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, '');
  if (env.VERCEL && env.VERCEL_PROJECT_PRODUCTION_URL) return `https://${env.VERCEL_PROJECT_PRODUCTION_URL.replace(/\/+$/, '')}`;
  if (production) {
    throw new EnvError('PUBLIC_URL is required in a production deployment (the address people open, e.g. https://telehealth.example.edu.pk): certificates, QR codes and invitation links are built from it.');
  }
  return `http://localhost:${env.PORT}`;
}

/** Parses the environment once; a bad or missing value stops the process with a message naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const isProductionDeployment = env.DEPLOY_ENV === 'production' || Boolean(env.VERCEL);
  if (isProductionDeployment && !env.AUTH_SECRET) {
    throw new EnvError('AUTH_SECRET is required in a production deployment (set it to 32+ random characters).');
  }
  if (isProductionDeployment && !env.CREDENTIAL_SIGNING_KEY) {
    throw new EnvError('CREDENTIAL_SIGNING_KEY is required in a production deployment (an Ed25519 private key, PKCS#8 PEM: openssl genpkey -algorithm ed25519).');
  }
  if (isProductionDeployment && !env.SMTP_URL) {
    throw new EnvError('SMTP_URL is required in a production deployment (smtp://user:password@host:587): verification, password-reset and invitation e-mails are sent through it.');
  }
  if ((env.DATABASE_REPLICA_URL || env.DATABASE_URL_DIRECT) && !env.DATABASE_URL && !env.POSTGRES_URL) {
    throw new EnvError('DATABASE_REPLICA_URL and DATABASE_URL_DIRECT need DATABASE_URL (or POSTGRES_URL): the embedded PGlite has no replica and no pooler.');
  }
  const signatory = env.CERTIFICATE_SIGNATORY_NAME ? { name: env.CERTIFICATE_SIGNATORY_NAME, title: env.CERTIFICATE_SIGNATORY_TITLE ?? '' } : null;
  return {
    ...env,
    pgliteDir: env.PGLITE_DIR ?? path.join(env.DATA_DIR, 'pglite'),
    isProductionDeployment,
    publicUrl: publicUrlOf(env, isProductionDeployment),
    signatory,
  };
}

let cached: ServerEnv | undefined;

/** The parsed server environment of this process. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv();
  return cached;
}

/** An absolute link to a path of this site, from the one public address (QR codes, e-mails, credentials, sitemaps). */
export function absoluteUrl(pathname: string): string {
  return `${serverEnv().publicUrl}${pathname.startsWith('/') ? pathname : `/${pathname}`}`;
}
