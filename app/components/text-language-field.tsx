import { useTranslation } from "react-i18next";
import { useTextLanguage } from "#app/utils/text-language";
import { SelectField } from "./field";

/**
 * "Language of the text": empty for the review's language (most text), or the language a quote
 * was said in when it is another, so pages mark it with `lang` for screen readers.
 */
export function TextLanguageField({ id, defaultValue, errors }: { id?: string; defaultValue?: string | null; errors?: string[] }) {
  const { t } = useTranslation("evidence");
  const reviewLanguage = useTextLanguage();
  return (
    <SelectField
      id={id}
      name="language"
      label={t("form.language")}
      defaultValue={defaultValue ?? ""}
      errors={errors}
      options={[
        { value: "", label: t("form.reviewLanguage", { language: reviewLanguage ? t(`common:languages.${reviewLanguage}`) : "" }) },
        { value: "fr", label: t("common:languages.fr") },
        { value: "en", label: t("common:languages.en") },
      ]}
    />
  );
}
