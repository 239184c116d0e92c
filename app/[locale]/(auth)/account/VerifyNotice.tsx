import { ResendVerificationForm } from './ResendVerificationForm';

/** Shown to a person whose address is not confirmed: what waits for it, and a fresh link. */
export function VerifyNotice({ email }: { email: string }) {
  return (
    <div className="notice stack" data-testid="verify-notice">
      <p className="m-0 font-semibold">Confirm your e-mail address</p>
      <p className="m-0">
        We sent a link to {email}. You can learn as usual meanwhile, but certificates and cohort invitations wait until the address is confirmed.
      </p>
      <ResendVerificationForm />
    </div>
  );
}
