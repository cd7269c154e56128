import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "#benchmark/locales";
import { NAMESPACES, resources } from "#app/locales/index";

export { LOCALES, type Locale };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * A fresh i18next instance. Resources are bundled, so initialisation is
 * synchronous and the server and the browser render the same text on first paint.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: "en",
    supportedLngs: [...LOCALES],
    resources,
    ns: NAMESPACES,
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // The console stays for our own messages: no sponsor notice on start-up or in test output.
    showSupportNotice: false,
  });
  return instance;
}

const shared = new Map<Locale, I18n>();

/**
 * The instance for a language, made once per process (or browser tab). Nothing ever changes
 * its language or resources, so every request in that language can share it: a page render
 * does not pay for building one.
 */
export function getI18n(locale: Locale): I18n {
  let instance = shared.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    shared.set(locale, instance);
  }
  return instance;
}
