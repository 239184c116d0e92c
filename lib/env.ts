import path from 'node:path';
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default('.data'),
  PGLITE_DIR: z.string().min(1).optional(),
  DATABASE_URL: optionalUrl,
  POSTGRES_URL: optionalUrl,
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  DEPLOY_ENV: z.enum(['local', 'production']).default('local'),
  VERCEL: z.string().optional(),
  PUBLIC_URL: optionalUrl,
});

export type ServerEnv = z.infer<typeof envSchema> & { pgliteDir: string; isProductionDeployment: boolean };

/** Parses the environment once; a bad value stops the process with a message naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const isProductionDeployment = env.DEPLOY_ENV === 'production' || Boolean(env.VERCEL);
  if (isProductionDeployment && !env.AUTH_SECRET) {
    throw new Error('AUTH_SECRET is required in a production deployment (set it to 32+ random characters).');
  }
  return { ...env, pgliteDir: env.PGLITE_DIR ?? path.join(env.DATA_DIR, 'pglite'), isProductionDeployment };
}

let cached: ServerEnv | undefined;

/** The parsed server environment of this process. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv();
  return cached;
}
