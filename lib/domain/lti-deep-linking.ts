// LTI Deep Linking 2.0 (1EdTech): what the tool sends back when an instructor picks an item to add
// to their course. Pure: the signing is done by the caller with the tool's key.
import { type ActivityKind, activityPath, scoreMaximum } from './lti-activity';

export const deepLinkingClaim = {
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  msg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
} as const;

/** What an instructor can add: one item of one kind, by id, with the title the catalogue gives it. */
export type Pick = { kind: ActivityKind; id: string; title: string };

/** Graded items get a gradebook column (a line item); a module, which has no score, does not. */
export const gradedKinds: readonly ActivityKind[] = ['quiz', 'consult', 'programme'];

/** An `ltiResourceLink` content item for the pick: its launch URL lands on the item; graded ones carry a line item. */
export function contentItem(pick: Pick, publicUrl: string) {
  const title = pick.title.slice(0, 200);
  return {
    type: 'ltiResourceLink',
    title,
    url: `${publicUrl}${activityPath(pick.kind, pick.id)}`,
    window: { targetName: '_blank' },
    ...(gradedKinds.includes(pick.kind) ? { lineItem: { scoreMaximum, label: title, resourceId: `${pick.kind}:${pick.id}` } } : {}),
  };
}

/** The claims of the LtiDeepLinkingResponse JWT (LTI DL 2.0 §4.2), issued by the tool (its client id) to the platform. */
export function deepLinkingResponseClaims(request: { clientId: string; issuer: string; deploymentId: string; data: string | null }, pick: Pick, publicUrl: string, nonce: string) {
  return {
    iss: request.clientId,
    aud: request.issuer,
    nonce,
    'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse',
    'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
    'https://purl.imsglobal.org/spec/lti/claim/deployment_id': request.deploymentId,
    [deepLinkingClaim.contentItems]: [contentItem(pick, publicUrl)],
    [deepLinkingClaim.msg]: `Added “${pick.title.slice(0, 200)}”.`,
    ...(request.data !== null ? { [deepLinkingClaim.data]: request.data } : {}),
  };
}

/** A choice posted by the picker, `kind:id`; null when it is not one. */
export function parsePick(value: string): { kind: ActivityKind; id: string } | null {
  const m = /^(quiz|consult|programme|module):([A-Za-z0-9._-]{1,100})$/.exec(value);
  if (!m) return null;
  const kind = (['quiz', 'consult', 'programme', 'module'] as const).find((k) => k === m[1]);
  return kind ? { kind, id: m[2]! } : null;
}
