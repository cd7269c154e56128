import nodemailer from "nodemailer";
import { formatDateTime } from "./dates";
import { getEnv } from "./env.server";

type Invitation = { link: string; hostCity: string; expiresAt: Date; timeZone: string };

/** The invitation mail's subject and text; the link's end is written in the review's zone, with it. */
export function invitationMail({ link, hostCity, expiresAt, timeZone }: Invitation) {
  const until = formatDateTime(expiresAt, { locale: "en", timeZone });
  return {
    subject: `Invitation: anti-discrimination benchmark review of ${hostCity}`,
    text: `You are invited to join the benchmark review of ${hostCity}.\n\nOpen this link within 14 days (until ${until}) to set your name, language and password:\n${link}\n`,
  };
}

/**
 * Mails an invitation when SMTP_URL is set. The link is always shown on screen too, since
 * many instances have no mail server; a mail failure is reported, never fatal.
 */
export async function sendInvitationMail({ to, ...invitation }: Invitation & { to: string }) {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) return "not-configured" as const;
  try {
    const transport = nodemailer.createTransport(SMTP_URL);
    await transport.sendMail({ from: MAIL_FROM, to, ...invitationMail(invitation) });
    return "sent" as const;
  } catch (error) {
    console.warn(`Invitation mail to ${to} failed: ${(error as Error).message}`);
    return "failed" as const;
  }
}
