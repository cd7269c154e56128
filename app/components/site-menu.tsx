import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "#app/utils/hydrated";

/**
 * The header's links, language switch and account behind one "Menu" button on a phone (app.css,
 * max-width 40rem), so the header and the review's tabs leave the screen to the page (issue 13:
 * at most a fifth of a 390 × 844 screen). On a wider screen the button is not shown and the links
 * sit in the header as before. Without the page's script the button is a link to the menu, which
 * CSS (`:target`) opens.
 */
export function SiteMenu({ children, unread }: { children: ReactNode; unread: number }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Following a link from the menu closes it.
  useEffect(() => setOpen(false), [pathname]);
  const label = unread ? t("nav.menuUnread", { count: unread }) : t("nav.menu");
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <>
      {hydrated ? (
        <button type="button" ref={toggle} className="site-menu__toggle" aria-expanded={open} aria-controls="site-menu" onClick={() => setOpen((now) => !now)}>
          {label}
        </button>
      ) : (
        <a href="#site-menu" className="site-menu__toggle">
          {label}
        </a>
      )}
      <div id="site-menu" className="site-menu" data-open={open ? "" : undefined} onKeyDown={onKeyDown}>
        {children}
      </div>
    </>
  );
}
