import type { Transporter } from "nodemailer";
import { formatDateTime } from "./dates";
import { getEnv } from "./env.server";

export type MailOutcome = "sent" | "not-configured" | "failed";

let transport: { url: string; transporter: Transporter } | undefined;

/**
 * One transport per SMTP_URL, kept for the life of the process (nodemailer pools nothing by
 * default). nodemailer (630 KB) is loaded with the first mail, not at every start of the server.
 */
async function transporterFor(url: string) {
  const { default: nodemailer } = await import("nodemailer");
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** Whether mail can be sent at all (SMTP_URL is set). */
export function mailConfigured() {
  return Boolean(getEnv().SMTP_URL);
}

/**
 * Sends one plain-text mail when SMTP_URL is set. Whatever is mailed is also reachable in the app
 * (a notification, a link shown to copy), so a mail failure is reported, never fatal.
 */
export async function sendMail({ to, subject, text }: { to: string; subject: string; text: string }): Promise<MailOutcome> {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) return "not-configured";
  try {
    await (await transporterFor(SMTP_URL)).sendMail({ from: MAIL_FROM, to, subject, text });
    return "sent";
  } catch (error) {
    console.warn(`Mail to ${to} failed: ${(error as Error).message}`);
    return "failed";
  }
}

type Invitation = { link: string; hostCity: string; expiresAt: Date; timeZone: string };

/** The invitation mail's subject and text; the link's end is written in the review's zone, with it. */
export function invitationMail({ link, hostCity, expiresAt, timeZone }: Invitation) {
  const until = formatDateTime(expiresAt, { locale: "en", timeZone });
  return {
    subject: `Invitation: anti-discrimination benchmark review of ${hostCity}`,
    text: `You are invited to join the benchmark review of ${hostCity}.\n\nOpen this link within 14 days (until ${until}) to set your name, language and password:\n${link}\n`,
  };
}

/** Mails an invitation when SMTP_URL is set; the link is always shown on screen too. */
export async function sendInvitationMail({ to, ...invitation }: Invitation & { to: string }) {
  return sendMail({ to, ...invitationMail(invitation) });
}
