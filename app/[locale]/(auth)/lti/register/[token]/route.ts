import { serverEnv } from '@/lib/env';
import { AppError, unexpectedMessage } from '@/lib/errors';
import { logUnexpected } from '@/lib/http/respond';
import { closeScript, confirmBody, doneBody, errorBody, framingOrigin, registrationResponse } from '@/lib/lti/registration-page';
import { type RegistrationSite, completeRegistration, previewRegistration } from '@/lib/services/lti-registration';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

// LTI Dynamic Registration: the registration URL an institution's admin pasted into the LMS. The
// LMS opens it (GET) with its openid_configuration; the page shows what would be registered and
// the Register button posts back here, which registers and leaves the platform pending approval.

const site = (): RegistrationSite => ({ publicUrl: serverEnv().publicUrl, clientName: 'TeleHealth Ready', allowLoopbackHttp: !serverEnv().isProductionDeployment });

function failure(error: unknown, frame: string): Response {
  if (error instanceof AppError) return registrationResponse(error.status, 'Registration not completed', errorBody(error.userMessage), frame);
  return registrationResponse(500, 'Registration not completed', errorBody(unexpectedMessage(logUnexpected(error, 'lti-register'))), frame);
}

const text = (v: FormDataEntryValue | string | null) => (typeof v === 'string' ? v : undefined);

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const query = new URL(request.url).searchParams;
  const fields = { openid_configuration: text(query.get('openid_configuration')), registration_token: text(query.get('registration_token')) };
  const frame = framingOrigin(fields.openid_configuration ?? null, site().allowLoopbackHttp);
  try {
    const preview = await previewRegistration(getDb(), token, fields, site());
    return registrationResponse(200, 'Register TeleHealth Ready in your LMS', confirmBody(preview), frame);
  } catch (error) {
    return failure(error, frame);
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const form = await request.formData().catch(() => new FormData());
  const fields = { openid_configuration: text(form.get('openid_configuration')), registration_token: text(form.get('registration_token')) };
  const frame = framingOrigin(fields.openid_configuration ?? null, site().allowLoopbackHttp);
  try {
    const done = await completeRegistration(getDb(), token, fields, site());
    return registrationResponse(200, 'Registered: waiting for approval', doneBody(done), frame, closeScript);
  } catch (error) {
    return failure(error, frame);
  }
}
