import { z } from 'zod';
import { platformConfigurationClaim, toolConfigurationClaim } from '@/lib/domain/lti-registration';

// LTI Dynamic Registration 1.0: what the platform sends the tool (its registration request's
// parameters, its OpenID configuration, its answer to the tool's registration).

const url = z.url().max(2000);

/** The query the platform opens the tool's registration URL with. */
export const registrationRequestSchema = z.object({
  openid_configuration: url,
  registration_token: z.string().min(1).max(4000).optional(),
});

export type RegistrationRequest = z.output<typeof registrationRequestSchema>;

/** The platform's OpenID configuration: the endpoints a launch and the services use, and what the platform is. */
export const openIdConfigurationSchema = z
  .object({
    issuer: url,
    authorization_endpoint: url,
    token_endpoint: url,
    jwks_uri: url,
    registration_endpoint: url,
    scopes_supported: z.array(z.string().max(300)).max(100).optional(),
    // When the platform lists them, they must include what this tool uses.
    token_endpoint_auth_methods_supported: z.array(z.string()).max(20).optional(),
    id_token_signing_alg_values_supported: z.array(z.string()).max(20).optional(),
    [platformConfigurationClaim]: z.object({
      product_family_code: z.string().trim().min(1).max(100),
      version: z.string().trim().max(100).optional(),
      messages_supported: z.array(z.object({ type: z.string().max(100), placements: z.array(z.string().max(100)).max(50).optional() })).max(50),
    }),
  })
  .refine((c) => !c.token_endpoint_auth_methods_supported || c.token_endpoint_auth_methods_supported.includes('private_key_jwt'), { message: 'token_endpoint_auth_methods_supported lacks private_key_jwt' })
  .refine((c) => !c.id_token_signing_alg_values_supported || c.id_token_signing_alg_values_supported.includes('RS256'), { message: 'id_token_signing_alg_values_supported lacks RS256' })
  .transform((c) => ({
    issuer: c.issuer,
    authLoginUrl: c.authorization_endpoint,
    tokenUrl: c.token_endpoint,
    jwksUrl: c.jwks_uri,
    registrationUrl: c.registration_endpoint,
    productFamilyCode: c[platformConfigurationClaim].product_family_code,
    version: c[platformConfigurationClaim].version ?? null,
    messages: c[platformConfigurationClaim].messages_supported.map((m) => m.type),
  }));

export type PlatformConfiguration = z.output<typeof openIdConfigurationSchema>;

/** The platform's answer to the registration: the client id and, usually, the deployment it made. */
export const registrationAnswerSchema = z
  .object({
    client_id: z.string().trim().min(1).max(255),
    scope: z.string().max(4000).optional(),
    [toolConfigurationClaim]: z.object({ deployment_id: z.string().trim().min(1).max(255).optional() }).optional(),
  })
  .transform((a) => ({ clientId: a.client_id, scopes: a.scope ? a.scope.split(/\s+/).filter(Boolean) : [], deploymentId: a[toolConfigurationClaim]?.deployment_id ?? null }));

/** The admin's form making a registration link. */
export const registrationLinkSchema = z.object({
  institutionId: z.uuid({ error: 'That institution is not valid.' }),
  programmeId: z.string({ error: 'Choose a programme.' }).trim().min(1, 'Choose a programme.').max(120),
});

const deploymentIds = z
  .string()
  .trim()
  .max(1000)
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .refine((ids) => ids.length > 0 && ids.length <= 20 && ids.every((id) => id.length <= 255), 'Enter the deployment id your LMS shows for this tool.');

/** The admin's approval of a pending platform, with its deployment ids (prefilled with what the platform sent). */
export const approvePlatformSchema = z.object({ institutionId: z.uuid(), platformId: z.uuid(), deploymentIds });

export const rejectPlatformSchema = z.object({ institutionId: z.uuid(), platformId: z.uuid() });
