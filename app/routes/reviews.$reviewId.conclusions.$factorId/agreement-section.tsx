import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { FormError, TextAreaField } from "#app/components/field";
import type { loader } from "./route";
import { ReopenSchema } from "./schema";
import { Done, useFailure, usePageForm } from "./shared";
import { useTextLanguage } from "#app/utils/text-language";

export function AgreementSection() {
  const textLang = useTextLanguage();
  const { conclusion, can } = useLoaderData<typeof loader>();
  const agreeFailure = useFailure("agree");
  const reopenForm = usePageForm(ReopenSchema, "reopen-form", "reopen");
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("conclusions");
  if (!conclusion || !can.agree) return null;
  const busy = navigation.state !== "idle";
  const ready = conclusion.agreeable;
  return (
    <section id="agreement" aria-labelledby="agreement-title" className="card agreement no-print">
      <h2 id="agreement-title">{conclusion.state === "agreed" ? t("agree.reopenTitle") : t("agree.title")}</h2>
      <Done intents={["agree", "reopen"]} />
      {conclusion.state === "draft" ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="agree" />
          <input type="hidden" name="version" value={conclusion.version} />
          <p className="hint" id="agree-hint">
            {t("agree.hint")}
          </p>
          {!ready && !agreeFailure ? <p className="muted">{t("errors.emptyConclusion")}</p> : null}
          <FormError message={agreeFailure?.formError ?? agreeFailure?.errors.agree?.[0] ?? agreeFailure?.errors.version?.[0]} />
          <button type="submit" disabled={busy} aria-describedby="agree-hint">
            {t("agree.button")}
          </button>
        </Form>
      ) : (
        <Form method="post" preventScrollReset {...reopenForm.formProps}>
          <input type="hidden" name="intent" value="reopen" />
          <FormError message={reopenForm.formError} />
          <TextAreaField
            lang={textLang}
            label={t("agree.reason")}
            hint={t("agree.reasonHint")}
            name="reason"
            rows={2}
            defaultValue={String(reopenForm.values?.reason ?? "")}
            errors={reopenForm.errors.reason}
          />
          <button type="submit" className="secondary" disabled={busy}>
            {t("agree.reopen")}
          </button>
        </Form>
      )}
    </section>
  );
}
