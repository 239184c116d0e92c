import { z } from 'zod';

// What LTI Advantage services answer, as this site reads it.

/** One page of an NRPS membership container (application/vnd.ims.lti-nrps.v2.membershipcontainer+json). */
export const membershipPageSchema = z.object({
  members: z
    .array(
      z.object({
        user_id: z.string().trim().min(1).max(255),
        // NRPS 2.0 §2.2: a member without a status is active.
        status: z.enum(['Active', 'Inactive', 'Deleted']).default('Active'),
        roles: z.array(z.string().max(300)).max(100).default([]),
        name: z.string().trim().max(200).optional().catch(undefined),
        given_name: z.string().trim().max(100).optional().catch(undefined),
        family_name: z.string().trim().max(100).optional().catch(undefined),
        email: z.email().max(254).optional().catch(undefined),
      }),
    )
    .max(10_000),
});
