// The e-mails the site sends: plain, short, text and HTML, with the site's name. They carry a link
// and never a password, an answer or anything about another person. Pure: the caller brings the
// links and names.

export type Mail = { subject: string; text: string; html: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

type Block = { p: string } | { link: { href: string; label: string } };

/** One message from paragraphs and one main link, in text and in HTML. */
function compose(site: string, subject: string, greeting: string, blocks: readonly Block[]): Mail {
  const footer = `${site} — telemedicine training for doctors and medical students. You received this because of an action on your account or an invitation from your instructor.`;
  const text = [greeting, ...blocks.map((b) => ('p' in b ? b.p : `${b.link.label}:\n${b.link.href}`)), '—', footer].join('\n\n');
  const body = blocks
    .map((b) =>
      'p' in b
        ? `<p>${escape(b.p)}</p>`
        : `<p><a href="${escape(b.link.href)}" style="display:inline-block;padding:10px 16px;background:#0f5f68;color:#ffffff;text-decoration:none;border-radius:6px">${escape(b.link.label)}</a></p><p style="font-size:13px;color:#4a5964">Or open this address: ${escape(b.link.href)}</p>`,
    )
    .join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,Arial,sans-serif;color:#17212b;max-width:560px;margin:0 auto;padding:16px"><p><strong>${escape(site)}</strong></p><p>${escape(greeting)}</p>${body}<hr><p style="font-size:12px;color:#4a5964">${escape(footer)}</p></body></html>`;
  return { subject: `${subject} · ${site}`, text, html };
}

const hello = (name: string | null) => (name ? `Dear ${name},` : 'Hello,');
const when = (d: Date) => d.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Karachi', timeZoneName: 'short' });

export function verifyEmailMail(m: { site: string; name: string; link: string; expiresAt: Date }): Mail {
  return compose(m.site, 'Confirm your e-mail address', hello(m.name), [
    { p: 'Please confirm that this is your e-mail address. Until you do, you can learn as usual, but certificates and cohort invitations wait.' },
    { link: { href: m.link, label: 'Confirm my address' } },
    { p: `The link works once, until ${when(m.expiresAt)}. If you did not create an account, ignore this e-mail.` },
  ]);
}

export function resetPasswordMail(m: { site: string; name: string; link: string; expiresAt: Date }): Mail {
  return compose(m.site, 'Reset your password', hello(m.name), [
    { p: 'Someone asked to reset the password of your account. If it was you, choose a new password here:' },
    { link: { href: m.link, label: 'Choose a new password' } },
    { p: `The link works once, until ${when(m.expiresAt)}. Using it signs your account out everywhere else. If it was not you, ignore this e-mail: your password stays as it is.` },
  ]);
}

export function confirmNewEmailMail(m: { site: string; name: string; link: string; expiresAt: Date }): Mail {
  return compose(m.site, 'Confirm your new e-mail address', hello(m.name), [
    { p: 'You asked to use this address for your account. Confirm it to make the change:' },
    { link: { href: m.link, label: 'Use this address' } },
    { p: `The link works once, until ${when(m.expiresAt)}. If you did not ask for this, ignore this e-mail.` },
  ]);
}

export function emailChangeNoticeMail(m: { site: string; name: string; newAddress: string; link: string }): Mail {
  return compose(m.site, 'A change of e-mail address was requested', hello(m.name), [
    { p: `Someone signed in to your account asked to change its e-mail address to ${m.newAddress}. Nothing changes until that address is confirmed.` },
    { p: 'If this was not you, reset your password now: it signs out every session and keeps this address on the account.' },
    { link: { href: m.link, label: 'Reset my password' } },
  ]);
}

export function cohortInvitationMail(m: { site: string; cohort: string; institution: string; instructor: string; link: string; expiresAt: Date }): Mail {
  return compose(m.site, `Invitation to join ${m.cohort}`, 'Hello,', [
    { p: `${m.instructor} (${m.institution}) invites you to join the cohort "${m.cohort}" on ${m.site}, to follow your telemedicine training.` },
    { p: 'Before you accept, the page shows exactly what your instructor will see of your work. You can decline, and you can leave a cohort later.' },
    { link: { href: m.link, label: 'See the invitation' } },
    { p: `The invitation is open until ${when(m.expiresAt)}. If you have no account yet, you can create one from that page with this address.` },
  ]);
}
