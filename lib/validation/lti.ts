import { z } from 'zod';

// The claims of an LTI 1.3 resource link launch this site reads (1EdTech LTI Core 1.3, §5).

export const ltiClaim = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinking: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
} as const;

const serviceUrl = z.url().max(2000);

const text = (max: number) => z.string().trim().min(1).max(max);

/** A launch's claims after the signature, issuer, audience, expiry and nonce were checked, under plain names. */
export const launchClaimsSchema = z
  .object({
    sub: text(255),
    name: z.string().trim().max(200).optional(),
    given_name: z.string().trim().max(100).optional(),
    family_name: z.string().trim().max(100).optional(),
    email: z.email().max(254).optional().catch(undefined),
    [ltiClaim.messageType]: z.string(),
    [ltiClaim.version]: z.string(),
    [ltiClaim.deploymentId]: text(255),
    [ltiClaim.targetLinkUri]: text(2000),
    // Required of a resource link launch (checked in lib/lti/verify.ts); a deep linking request has none.
    [ltiClaim.resourceLink]: z.object({ id: text(255), title: z.string().max(300).optional() }).optional(),
    [ltiClaim.roles]: z.array(z.string().max(300)).max(100),
    [ltiClaim.context]: z.object({ id: text(255), label: z.string().max(200).optional(), title: z.string().max(300).optional() }).optional(),
    // Services the platform offers for this launch; a malformed one is ignored rather than refusing the launch.
    [ltiClaim.ags]: z.object({ scope: z.array(z.string().max(300)).max(20).default([]), lineitems: serviceUrl.optional(), lineitem: serviceUrl.optional() }).optional().catch(undefined),
    [ltiClaim.nrps]: z.object({ context_memberships_url: serviceUrl }).optional().catch(undefined),
    [ltiClaim.deepLinking]: z
      .object({ deep_link_return_url: serviceUrl, accept_types: z.array(z.string().max(100)).max(20), accept_multiple: z.boolean().optional(), data: z.string().max(4000).optional() })
      .optional(),
  })
  .transform((c) => ({
    sub: c.sub,
    name: c.name,
    givenName: c.given_name,
    familyName: c.family_name,
    email: c.email,
    messageType: c[ltiClaim.messageType],
    version: c[ltiClaim.version],
    deploymentId: c[ltiClaim.deploymentId],
    targetLinkUri: c[ltiClaim.targetLinkUri],
    resourceLink: c[ltiClaim.resourceLink],
    roles: c[ltiClaim.roles],
    context: c[ltiClaim.context],
    ags: c[ltiClaim.ags],
    membershipsUrl: c[ltiClaim.nrps]?.context_memberships_url,
    deepLinking: c[ltiClaim.deepLinking],
  }));

export type LaunchClaims = z.output<typeof launchClaimsSchema>;

const httpsUrl = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .url({ error: `Enter the ${label} as a full address (https://…).` })
    .max(500)
    // Plain http only for a platform on this machine (a local Moodle, the test simulator).
    .refine((u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(u), `The ${label} must start with https://.`);

/** The form an institution admin fills in to register an LMS platform by hand. */
export const platformSchema = z.object({
  institutionId: z.uuid({ error: 'That institution is not valid.' }),
  name: z.string({ error: 'Enter a name.' }).trim().min(2, 'Enter a name such as “Moodle (main campus)”.').max(120),
  issuer: httpsUrl('issuer (platform id)'),
  clientId: z.string({ error: 'Enter the client id.' }).trim().min(1, 'Enter the client id.').max(255),
  deploymentIds: z
    .string({ error: 'Enter at least one deployment id.' })
    .transform((v) => [...new Set(v.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))])
    .refine((ids) => ids.length > 0 && ids.length <= 50 && ids.every((i) => i.length <= 255), 'Enter one to 50 deployment ids, separated by commas or new lines.'),
  authLoginUrl: httpsUrl('authentication request URL'),
  tokenUrl: httpsUrl('access token URL'),
  jwksUrl: httpsUrl('public keyset URL'),
  programmeId: z.string().trim().min(1, 'Choose a programme.').max(100),
});

export type PlatformInput = Omit<z.output<typeof platformSchema>, 'institutionId'>;

/** The parameters of an OIDC third-party-initiated login (LTI Core §5.1.1), by GET or POST. */
export const loginInitiationSchema = z.object({
  iss: text(500),
  login_hint: text(2000),
  target_link_uri: text(2000),
  lti_message_hint: z.string().max(4000).optional(),
  client_id: z.string().max(255).optional(),
  lti_deployment_id: z.string().max(255).optional(),
});

/** An LMS page's origin (https://moodle.example.edu; plain http only on this machine), as given or with a trailing slash. */
const frameOrigin = z
  .string()
  .transform((s) => s.replace(/\/+$/, ''))
  // A host of letters, digits, dots and hyphens only: a CSP source may not smuggle a wildcard (`*.`) or a keyword.
  .refine((s) => URL.canParse(s) && new URL(s).origin === s && /^[a-z0-9.-]+$/.test(new URL(s).hostname) && (s.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(s)), 'Enter origins only, such as https://moodle.example.edu (no path).');

/** Embedded mode for a platform: the origins of the LMS pages that may frame its launches; none: a new window. */
export const framingSchema = z.object({
  institutionId: z.uuid(),
  platformId: z.uuid(),
  frameOrigins: z
    .string()
    .max(1000)
    .default('')
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(frameOrigin).max(5, 'At most five origins.')),
});
