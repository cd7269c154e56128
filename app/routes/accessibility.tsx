import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { formatCalendarDate } from "#app/utils/dates";
import { getEnv } from "#app/utils/env.server";
import { pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";

/** The day this statement was last reviewed against the app (WCAG 2.2 AA, EN 301 549). */
const STATEMENT_DATE = "2026-12-02";

/** The bare address in MAIL_FROM ("Workbench <workbench@city.example>" or "workbench@city.example"). */
function addressOf(mailbox: string) {
  return /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
}

/**
 * Public: the accessibility statement the EU Web Accessibility Directive asks of a public body's
 * tools, in the reader's language, with the contact for reporting a barrier.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ACCESSIBILITY_CONTACT, MAIL_FROM } = getEnv();
  const locale = await getLocale(request);
  return { contact: ACCESSIBILITY_CONTACT ?? addressOf(MAIL_FROM), date: formatCalendarDate(STATEMENT_DATE, { locale, month: "long" }) };
}

const EXCEPTIONS = ["pdfLanguage", "pdfTags", "uploads"] as const;
const CHECKS = ["automated", "validator", "manual"] as const;

export default function AccessibilityStatement() {
  const { contact, date } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="statement" aria-labelledby="statement-title">
      <h1 id="statement-title">{t("titles.accessibility")}</h1>
      <p>{t("accessibility.intro", { appName: t("appName") })}</p>

      <h2>{t("accessibility.statusTitle")}</h2>
      <p>{t("accessibility.status")}</p>

      <h2>{t("accessibility.exceptionsTitle")}</h2>
      <ul>
        {EXCEPTIONS.map((key) => (
          <li key={key}>{t(`accessibility.exceptions.${key}`)}</li>
        ))}
      </ul>

      <h2>{t("accessibility.checksTitle")}</h2>
      <ul>
        {CHECKS.map((key) => (
          <li key={key}>{t(`accessibility.checks.${key}`)}</li>
        ))}
      </ul>

      <h2>{t("accessibility.contactTitle")}</h2>
      <p>
        {t("accessibility.contact")} <a href={`mailto:${contact}`}>{contact}</a>
      </p>
      <p>{t("accessibility.enforcement")}</p>

      <h2>{t("accessibility.dateTitle")}</h2>
      <p>{t("accessibility.date", { date })}</p>
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.accessibility"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
